import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStorageArea } from '../../test/helpers/fake-storage';

const local = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: fakeStorageArea(local),
    },
    alarms: { get: async () => undefined, create: () => undefined, clear: async () => true },
  },
}));

const { feedState, setFeedUrl } = await import('./feed');

beforeEach(() => {
  local.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('feedState', () => {
  it('reads back the address and the last check', async () => {
    await setFeedUrl('https://feed.example/pack.json');
    const lastCheck = { at: '2026-12-01T10:00:00.000Z', outcome: 'failed', message: 'The feed could not be reached.' };
    local.set('feedStatus', { lastCheck });
    expect(await feedState()).toEqual({ url: 'https://feed.example/pack.json', status: { lastCheck } });
  });

  it('reads a damaged stored status as no check yet, keeping the address', async () => {
    await setFeedUrl('https://feed.example/pack.json');
    for (const damaged of ['updated', { lastCheck: { at: 1, outcome: 'maybe' } }, { lastGood: { url: 'https://feed.example/' } }]) {
      local.set('feedStatus', damaged);
      expect(await feedState(), JSON.stringify(damaged)).toEqual({ url: 'https://feed.example/pack.json', status: {} });
    }
  });

  it('reads damaged settings as no feed', async () => {
    local.set('feed', { url: ['https://feed.example/pack.json'] });
    expect((await feedState()).url).toBeNull();
  });
});
