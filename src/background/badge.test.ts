import { describe, expect, it, vi } from 'vitest';

const titles: string[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    action: {
      setBadgeText: async () => {},
      setBadgeBackgroundColor: async () => {},
      setBadgeTextColor: async () => {},
      setTitle: async (details: { title: string }) => void titles.push(details.title),
    },
  },
}));
const { showBadge } = await import('./badge');

const tosdr = { kind: 'tosdr' as const, name: 'ToS;DR: Spotify', credit: 'ToS;DR contributors', licence: 'CC BY-SA 3.0' };
/** The tooltip the toolbar button shows after a page's clauses are counted. */
async function title(...args: Parameters<typeof showBadge> extends [number, ...infer Rest] ? Rest : never): Promise<string> {
  titles.length = 0;
  await showBadge(1, ...args);
  return titles.at(-1)!;
}

describe('the toolbar button title', () => {
  it('counts the clauses, names the worst, and says how many come from each imported source', async () => {
    expect(await title(['high', 'medium', 'low', 'positive'], [tosdr, tosdr, { ...tosdr, name: 'ToS;DR: Spotify (2)' }])).toBe(
      'Termlight: 4 clauses found, worst high — 3 from ToS;DR (CC BY-SA 3.0)',
    );
    expect(await title(['critical', 'low'], [tosdr, { kind: 'feed', name: 'Acme' }])).toBe(
      'Termlight: 2 clauses found, worst critical — 1 from ToS;DR (CC BY-SA 3.0), 1 from your feed “Acme”',
    );
  });

  it("Termlight's own clauses only: no source part; no clause: the extension's name", async () => {
    expect(await title(['medium'])).toBe('Termlight: 1 clause found, worst medium');
    expect(await title([])).toBe('Termlight');
  });
});
