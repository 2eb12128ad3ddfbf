/** A `browser.storage` area over a Map, for unit tests that mock webextension-polyfill. */
export const fakeStorageArea = (map: Map<string, unknown>) => ({
  get: async (key: string) => (map.has(key) ? { [key]: map.get(key) } : {}),
  set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => map.set(k, v)),
  remove: async (key: string) => void map.delete(key),
});
