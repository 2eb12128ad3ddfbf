import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStorageArea } from '../../test/helpers/fake-storage';

const local = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: fakeStorageArea(local),
    },
  },
}));

const { recordSetupProblem, reporting, setupProblem } = await import('./failures');

beforeEach(() => {
  local.clear();
  vi.restoreAllMocks();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('reporting', () => {
  it('logs a listener\'s failure with what it was doing, records it, and never rejects', async () => {
    const listener = reporting(
      'to load the bundled records',
      async () => {
        throw new DOMException('', 'QuotaExceededError');
      },
      recordSetupProblem,
    );
    await expect(listener()).resolves.toBeUndefined();
    expect(console.error).toHaveBeenCalledWith('Termlight: failed to load the bundled records:', expect.any(DOMException));
    expect((await setupProblem.get())?.message).toMatch(/storage for Termlight is full/);
  });

  it('passes the event on and stays quiet when the listener succeeds', async () => {
    const seen: number[] = [];
    await reporting('to forget a closed tab', async (tabId: number) => void seen.push(tabId))(4);
    expect(seen).toEqual([4]);
    expect(console.error).not.toHaveBeenCalled();
  });
});
