import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStorageArea } from '../../test/helpers/fake-storage';
import { z } from 'zod';

const areas = { local: new Map<string, unknown>(), session: new Map<string, unknown>() };
const area = fakeStorageArea;
vi.mock('webextension-polyfill', () => ({ default: { storage: { local: area(areas.local), session: area(areas.session) } } }));

const { storageItem } = await import('./storage-item');

const settings = storageItem('local', 'settings', z.object({ url: z.string().nullable() }), { url: null });

beforeEach(() => {
  areas.local.clear();
  areas.session.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('storageItem', () => {
  it('reads back what was stored, and the fallback when nothing was', async () => {
    expect(await settings.get()).toEqual({ url: null });
    await settings.set({ url: 'https://feed.example/pack.json' });
    expect(await settings.get()).toEqual({ url: 'https://feed.example/pack.json' });
    await settings.remove();
    expect(await settings.get()).toEqual({ url: null });
  });

  it('reads a damaged or outdated value as the fallback, without throwing, and says so in the console', async () => {
    for (const stored of ['https://feed.example/', { url: 42 }, null, []]) {
      areas.local.set('settings', stored);
      expect(await settings.get(), JSON.stringify(stored)).toEqual({ url: null });
    }
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('"settings"'), expect.anything());
  });

  it('keeps to its own area and key', async () => {
    const perTab = storageItem('session', 'tab:1', z.number(), 0);
    await perTab.set(5);
    expect(areas.session.get('tab:1')).toBe(5);
    expect(areas.local.size).toBe(0);
    expect(await storageItem('session', 'tab:2', z.number(), 0).get()).toBe(0);
  });
});
