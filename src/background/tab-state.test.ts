import { describe, expect, it, vi } from 'vitest';

// storage.session as the browser gives it: every call answers in a later task, so two
// handlers' reads and writes can interleave as they do in a busy service worker.
const stored = new Map<string, unknown>();
const later = <T>(value: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), 0));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: (key: string) => later(() => (stored.has(key) ? { [key]: stored.get(key) } : {})),
        set: (items: Record<string, unknown>) => later(() => void Object.entries(items).forEach(([k, v]) => stored.set(k, v))),
        remove: (key: string) => later(() => void stored.delete(key)),
      },
    },
  },
}));

const { getTabState, setTabState, updateTabState, whenSettled } = await import('./tab-state');

const pending = { url: 'https://example.com/terms', documentKeys: ['d'], recordKeys: ['a', 'b'], status: 'pending' as const, found: [], notFound: [] };

describe('updateTabState', () => {
  it('applies two reports about the same page that arrive together, losing neither', async () => {
    await setTabState(1, pending);
    // The page's anchoring report and its fingerprints, handled at the same time.
    await Promise.all([
      updateTabState(1, (s) => s && { ...s, status: 'ready', found: [{ key: 'a', method: 'exact', score: 1 }], notFound: ['b'] }),
      updateTabState(1, (s) => s && { ...s, verified: [{ documentKey: 'd', state: 'same' }] }),
    ]);
    const state = await getTabState(1);
    expect(state?.status).toBe('ready');
    expect(state?.found.map((f) => f.key)).toEqual(['a']);
    expect(state?.verified).toEqual([{ documentKey: 'd', state: 'same' }]);
  });

  it('leaves the state alone when the change says so, and goes on after a change that throws', async () => {
    await setTabState(2, pending);
    const failing = updateTabState(2, () => {
      throw new Error('bad report');
    });
    const unchanged = updateTabState(2, () => undefined);
    const removed = updateTabState(2, () => null);
    await expect(failing).rejects.toThrow('bad report');
    expect(await unchanged).toBeUndefined();
    expect(await removed).toBeNull();
    expect(await getTabState(2)).toBeNull();
  });
});

describe('getTabState', () => {
  it('reads a damaged or outdated stored state as no state, so a handler starts afresh instead of failing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const damaged of ['ready', { ...pending, status: 'anchoring' }, { ...pending, found: [{ key: 'a' }] }, { url: 7 }]) {
      stored.set('tab:3', damaged);
      expect(await getTabState(3), JSON.stringify(damaged)).toBeNull();
    }
    // The next report about the page then writes a whole state again.
    await updateTabState(3, (s) => s ?? pending);
    expect(await getTabState(3)).toEqual(pending);
  });
});

describe('whenSettled', () => {
  it('resolves when the page reports (ready or failed) or the tab leaves, not on another pending write', async () => {
    await setTabState(5, pending);
    let settled = false;
    const waiting = whenSettled(5, 10_000).then(() => (settled = true));
    await setTabState(5, { ...pending, recordKeys: ['a'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    await updateTabState(5, (s) => s && { ...s, status: 'ready' });
    await waiting;
    expect(settled).toBe(true);

    const leaving = whenSettled(5, 10_000);
    await updateTabState(5, () => null);
    await leaving;
  });

  it('gives up after the time given, the page still reading', async () => {
    await setTabState(6, pending);
    await whenSettled(6, 30);
    expect((await getTabState(6))?.status).toBe('pending');
  });
});
