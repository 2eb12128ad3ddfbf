import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SEVERITY_COLOURS } from '../ui/severity-colours';

/** What the toolbar button was last given for the tab. */
const shown = { text: '', color: '', title: '' };
vi.mock('webextension-polyfill', () => ({
  default: {
    action: {
      setBadgeText: async (details: { text: string }) => void (shown.text = details.text),
      setBadgeBackgroundColor: async (details: { color: string }) => void (shown.color = details.color),
      setBadgeTextColor: async () => {},
      setTitle: async (details: { title: string }) => void (shown.title = details.title),
    },
  },
}));
const { showBadge } = await import('./badge');

const tosdr = { kind: 'tosdr' as const, name: 'ToS;DR: Spotify', credit: 'ToS;DR contributors', licence: 'CC BY-SA 3.0' };
/** The badge and tooltip the toolbar button shows after a page's clauses are counted. */
async function badge(...args: Parameters<typeof showBadge> extends [number, ...infer Rest] ? Rest : never): Promise<typeof shown> {
  Object.assign(shown, { text: '', color: '', title: '' });
  const returned = await showBadge(1, ...args);
  expect(returned).toBe(shown.text);
  return { ...shown };
}

beforeEach(() => Object.assign(shown, { text: '', color: '', title: '' }));

describe('the toolbar badge', () => {
  it('counts the clauses that may concern the reader, not those in their favour, in the worst one’s colour', async () => {
    // The demo page: one high, two medium, one good for you.
    expect(await badge(['high', 'medium', 'medium', 'positive'])).toEqual({
      text: '3',
      color: SEVERITY_COLOURS.high.light,
      title: 'Termlight: 3 clauses that may concern you, the worst high; 1 in your favour',
    });
    expect(await badge(['positive', 'low', 'positive'])).toEqual({
      text: '1',
      color: SEVERITY_COLOURS.low.light,
      title: 'Termlight: 1 clause that may concern you, rated low; 2 in your favour',
    });
  });

  it('only clauses in the reader’s favour: a green ✓ and no number, the tooltip saying none is of concern', async () => {
    expect(await badge(['positive', 'positive'])).toEqual({
      text: '✓',
      color: SEVERITY_COLOURS.positive.light,
      title: 'Termlight: 2 clauses in your favour, none of concern',
    });
    expect((await badge(['positive'])).title).toBe('Termlight: 1 clause in your favour, none of concern');
  });

  it('no clause: no badge, the extension’s name', async () => {
    expect(await badge([])).toMatchObject({ text: '', title: 'Termlight' });
  });
});

describe('the toolbar button title', () => {
  it('says how many of the clauses come from each imported source', async () => {
    expect((await badge(['high', 'medium', 'low', 'positive'], [tosdr, tosdr, { ...tosdr, name: 'ToS;DR: Spotify (2)' }])).title).toBe(
      'Termlight: 3 clauses that may concern you, the worst high; 1 in your favour — 3 from ToS;DR (CC BY-SA 3.0)',
    );
    expect((await badge(['critical', 'low'], [tosdr, { kind: 'feed', name: 'Acme' }])).title).toBe(
      'Termlight: 2 clauses that may concern you, the worst critical — 1 from ToS;DR (CC BY-SA 3.0), 1 from your feed “Acme”',
    );
    expect((await badge(['positive'], [tosdr])).title).toBe('Termlight: 1 clause in your favour, none of concern — 1 from ToS;DR (CC BY-SA 3.0)');
  });

  it("Termlight's own clauses only: no source part", async () => {
    expect((await badge(['medium'])).title).toBe('Termlight: 1 clause that may concern you, rated medium');
  });
});
