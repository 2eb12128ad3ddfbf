/**
 * One value in the extension's storage, typed by its schema and checked when it is read. What
 * storage holds may have been written by an older version, or damaged: such a value reads as
 * the fallback (and says so in the console) instead of throwing into a handler or handing it a
 * shape it does not expect.
 */
import browser from 'webextension-polyfill';
import type { z } from 'zod';

export interface StorageItem<T, F> {
  readonly key: string;
  /** The stored value if it has the schema's shape, else the fallback. */
  get(): Promise<T | F>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

/**
 * `area`: 'session' for what only this browser session needs (per-tab results), 'local' for
 * what must survive a restart (settings, the feed's last answer).
 */
export function storageItem<S extends z.ZodType, F>(
  area: 'local' | 'session',
  key: string,
  schema: S,
  fallback: F,
): StorageItem<z.output<S>, F> {
  const storage = () => browser.storage[area];
  return {
    key,
    async get() {
      const stored = await storage().get(key);
      if (!Object.hasOwn(stored, key) || stored[key] === undefined) return fallback;
      const parsed = schema.safeParse(stored[key]);
      if (parsed.success) return parsed.data;
      console.warn(`Termlight: the stored "${key}" is not in the expected shape and is ignored:`, parsed.error.issues[0]?.message);
      return fallback;
    },
    async set(value) {
      await storage().set({ [key]: value });
    },
    async remove() {
      await storage().remove(key);
    },
  };
}
