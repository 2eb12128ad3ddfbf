import { describe, expect, it } from 'vitest';
import {
  EMPTY_REACH_STATE,
  distinctMatches,
  grantReaches,
  matchCovers,
  offeredSites,
  packReach,
  planReach,
  siteOf,
  sourceReach,
  type ManifestReach,
  type PackReach,
  type ReachState,
  type ReachView,
} from './reach';

/** A manifest like the built one: the bundled documents' pages, whose hosts are required access. */
const MANIFEST: ManifestReach = {
  contentMatches: ['https://www.spotify.com/*/legal/end-user-agreement*', 'https://www.youtube.com/t/terms*'],
  hostPermissions: ['https://www.spotify.com/*/legal/end-user-agreement*', 'https://www.youtube.com/t/terms*'],
};

const reach = (packId: string, ...urlPatterns: string[]): PackReach => packReach({ packId, urlPatterns }, MANIFEST);

const plan = (packs: PackReach[], granted: string[], state: Partial<ReachState> = {}) =>
  planReach({ packs, granted, manifest: MANIFEST, state: { ...EMPTY_REACH_STATE, ...state } });

describe('match patterns', () => {
  it('a pattern covers another by scheme, host and path glob', () => {
    expect(matchCovers('https://www.spotify.com/*/legal/end-user-agreement*', 'https://www.spotify.com/uk/legal/end-user-agreement*')).toBe(true);
    expect(matchCovers('https://www.spotify.com/*/legal/end-user-agreement*', 'https://www.spotify.com/legal/privacy*')).toBe(false);
    expect(matchCovers('*://*/*', 'https://docs.example.com/terms*')).toBe(true);
    expect(matchCovers('<all_urls>', 'https://docs.example.com/terms*')).toBe(true);
    expect(matchCovers('https://*.example.com/*', 'https://docs.example.com/terms*')).toBe(true);
    expect(matchCovers('https://*.example.com/*', 'https://example.com/terms*')).toBe(true);
    expect(matchCovers('https://*.example.com/*', 'https://example.org/terms*')).toBe(false);
    expect(matchCovers('https://example.com/*', 'https://notexample.com/terms*')).toBe(false);
    expect(matchCovers('http://example.com/*', 'https://example.com/terms*')).toBe(false);
  });

  it('a site is the host a pattern is on, and a grant on any path of it reaches it', () => {
    expect(siteOf('https://docs.example.com/legal/*/terms*')).toBe('https://docs.example.com/*');
    expect(siteOf('https://*.example.com/terms*')).toBe('https://*.example.com/*');
    expect(grantReaches('https://docs.example.com/legal*', 'https://docs.example.com/*')).toBe(true);
    expect(grantReaches('*://*/*', 'https://docs.example.com/*')).toBe(true);
    expect(grantReaches('https://example.com/*', 'https://docs.example.com/*')).toBe(false);
  });

  it('lists each page once, without one another covers', () => {
    expect(distinctMatches(['https://a.example/terms*', 'https://a.example/*', 'https://b.example/x*', 'https://b.example/x*'])).toEqual([
      'https://a.example/*',
      'https://b.example/x*',
    ]);
  });
});

describe('packReach: the pages a pack needs beyond the manifest', () => {
  it('leaves out the pages the manifest content script already runs on, and keeps the others on the same site', () => {
    const pack = reach('tosdr.spotify', 'www.spotify.com/us/legal/end-user-agreement', 'www.spotify.com/us/legal/privacy-policy', 'www.youtube.com/t/terms');
    expect(pack.matches).toEqual(['https://www.spotify.com/us/legal/privacy-policy*']);
    expect(pack.sites).toEqual(['https://www.spotify.com/*']);
  });

  it('one site per host, however many documents', () => {
    const pack = reach('p', 'docs.example.com/terms', 'docs.example.com/privacy', 'example.org/tos', '*.example.net/legal');
    expect(pack.sites).toEqual(['https://*.example.net/*', 'https://docs.example.com/*', 'https://example.org/*']);
  });

  it('a stored pattern that is not one is ignored, not fatal', () => {
    expect(reach('p', 'NOT A PATTERN', 'example.org/tos').matches).toEqual(['https://example.org/tos*']);
  });
});

describe('what to request: the offer', () => {
  const view = (fields: Partial<ReachView>): ReachView => ({ packs: [], allowed: [], withdrawn: [], revoked: [], ...fields });

  it('asks for every site not allowed yet of the packs not withdrawn, each once', () => {
    const packs = [
      { packId: 'a', sites: ['https://a.example/*', 'https://shared.example/*'] },
      { packId: 'b', sites: ['https://shared.example/*', 'https://b.example/*'] },
      { packId: 'gone', sites: ['https://gone.example/*'] },
    ];
    expect(offeredSites(view({ packs, allowed: ['https://b.example/*'], withdrawn: ['gone'] }))).toEqual([
      'https://a.example/*',
      'https://shared.example/*',
    ]);
  });

  it('does not offer again a site the reader took back in the browser settings, nor anything once all is allowed', () => {
    const packs = [{ packId: 'a', sites: ['https://a.example/*', 'https://r.example/*'] }];
    expect(offeredSites(view({ packs, revoked: [{ site: 'https://r.example/*', seen: true }] }))).toEqual(['https://a.example/*']);
    expect(offeredSites(view({ packs, allowed: packs[0]!.sites }))).toEqual([]);
  });

  it('a source stands as all, some or none of its sites allowed, or withdrawn, and asks for its missing ones', () => {
    const packs = [
      { packId: 'tosdr.a', sites: ['https://a.example/*', 'https://shared.example/*'] },
      { packId: 'tosdr.b', sites: ['https://shared.example/*'] },
    ];
    const v = view({ packs, allowed: ['https://shared.example/*'] });
    expect(sourceReach(v, ['tosdr.a', 'tosdr.b'])).toEqual({ sites: 2, allowed: 1, withdrawn: false, missing: ['https://a.example/*'] });
    expect(sourceReach({ ...v, withdrawn: ['tosdr.a', 'tosdr.b'] }, ['tosdr.a', 'tosdr.b']).withdrawn).toBe(true);
    expect(sourceReach({ ...v, withdrawn: ['tosdr.a'] }, ['tosdr.a', 'tosdr.b']).withdrawn).toBe(false);
    expect(sourceReach(v, ['bundled'])).toEqual({ sites: 0, allowed: 0, withdrawn: false, missing: [] });
  });
});

describe('planReach: what to register and what to give back', () => {
  const a = reach('a', 'a.example/terms', 'shared.example/terms');
  const b = reach('b', 'shared.example/privacy', 'b.example/tos');

  it('registers the pages on granted sites only, and nothing while nothing is granted', () => {
    expect(plan([a, b], []).matches).toEqual([]);
    const granted = plan([a, b], ['https://shared.example/*', 'https://b.example/*']);
    expect(granted.matches).toEqual(['https://b.example/tos*', 'https://shared.example/privacy*', 'https://shared.example/terms*']);
    expect(granted.remove).toEqual([]);
    expect(granted.state.granted).toEqual(['https://b.example/*', 'https://shared.example/*']);
  });

  it('"all sites" granted in the browser settings reaches every page, and is never given back', () => {
    const all = plan([a], ['*://*/*'], { withdrawn: [] });
    expect(all.matches).toEqual(['https://a.example/terms*', 'https://shared.example/terms*']);
    expect(plan([a], ['*://*/*'], { withdrawn: ['a'] }).remove).toEqual([]);
  });

  it('a site of the manifest (required access) is allowed without asking, and never given back', () => {
    const spotify = reach('tosdr.spotify', 'www.spotify.com/us/legal/privacy-policy');
    const chromeGetAll = ['https://www.spotify.com/*', 'https://www.spotify.com/*/legal/end-user-agreement*'];
    expect(plan([spotify], chromeGetAll).matches).toEqual(['https://www.spotify.com/us/legal/privacy-policy*']);
    const withdrawn = plan([spotify], chromeGetAll, { withdrawn: ['tosdr.spotify'] });
    expect(withdrawn.remove).toEqual([]);
    expect(withdrawn.matches).toEqual([]);
  });

  it('withdrawing a pack gives back its sites, but keeps those another kept pack needs', () => {
    const granted = ['https://a.example/*', 'https://shared.example/*', 'https://b.example/*'];
    const withdrawn = plan([a, b], granted, { withdrawn: ['a'], granted });
    expect(withdrawn.remove).toEqual(['https://a.example/*']);
    // Its pages are not registered, even on the shared site that stays allowed for b.
    expect(withdrawn.matches).toEqual(['https://b.example/tos*', 'https://shared.example/privacy*']);
    expect(withdrawn.revokedNow).toEqual([]);
    // Both withdrawn: everything goes.
    expect(plan([a, b], granted, { withdrawn: ['a', 'b'], granted }).remove).toEqual(granted.slice().sort());
  });

  it('a removed source (or a feed update that drops a site) gives back what no kept pack needs', () => {
    const granted = ['https://a.example/*', 'https://shared.example/*', 'https://b.example/*'];
    const afterRemoval = plan([b], granted, { granted, withdrawn: ['a'] });
    expect(afterRemoval.remove).toEqual(['https://a.example/*']);
    expect(afterRemoval.state.withdrawn).toEqual([]); // the removed pack is forgotten
  });

  it('leaves alone access it never managed', () => {
    expect(plan([a], ['https://a.example/*', 'https://elsewhere.example/*']).remove).toEqual([]);
  });

  it('a site the browser settings took back is noticed, said once, not given back again, and forgotten once allowed again', () => {
    const granted = ['https://a.example/*', 'https://shared.example/*'];
    const revoked = plan([a], ['https://a.example/*'], { granted });
    expect(revoked.revokedNow).toEqual(['https://shared.example/*']);
    expect(revoked.state.revoked).toEqual([{ site: 'https://shared.example/*', seen: false }]);
    expect(revoked.remove).toEqual([]);
    expect(revoked.matches).toEqual(['https://a.example/terms*']);

    const later = plan([a], ['https://a.example/*'], { ...revoked.state, revoked: [{ site: 'https://shared.example/*', seen: true }] });
    expect(later.revokedNow).toEqual([]);
    expect(later.state.revoked).toEqual([{ site: 'https://shared.example/*', seen: true }]);

    const again = plan([a], granted, later.state);
    expect(again.state.revoked).toEqual([]);
    expect(again.matches).toEqual(['https://a.example/terms*', 'https://shared.example/terms*']);
  });

  it('a site given back by Termlight itself is not taken for one revoked in the browser', () => {
    const granted = ['https://a.example/*'];
    const first = plan([a], granted, { granted, withdrawn: ['a'] });
    expect(first.remove).toEqual(['https://a.example/*']);
    // The browser's onRemoved for that removal runs the plan again, with the access gone.
    expect(plan([a], [], first.state).revokedNow).toEqual([]);
  });
});
