import { describe, expect, it } from 'vitest';
import { groupSameDocuments, sameDocument } from './same-document';

describe('when two document entries are one document', () => {
  it('the same address, whatever the titles', () => {
    expect(sameDocument({ title: 'Terms of Use', url: 'https://x.example/terms' }, { title: 'Terms and Conditions', url: 'https://x.example/terms#s2' })).toBe(true);
  });

  it('addresses differing by scheme, case or a trailing slash: only with the same title', () => {
    const a = { title: 'Privacy Policy', url: 'https://x.example/privacy' };
    expect(sameDocument(a, { title: 'privacy  policy', url: 'http://X.example/privacy/' })).toBe(true);
    expect(sameDocument(a, { title: 'Cookie Policy', url: 'https://x.example/Privacy' })).toBe(false);
  });

  it('two sources whose URL patterns claim each other’s address (locale paths, ignored parameters)', () => {
    const ours = { title: 'Terms of Use', url: 'https://www.spotify.com/us/legal/end-user-agreement/', urlPatterns: ['www.spotify.com/{locale}/legal/end-user-agreement'], packId: 'bundled' };
    const theirs = { title: 'Terms and Conditions of Use', url: 'https://www.spotify.com/us/legal/end-user-agreement', urlPatterns: ['www.spotify.com/us/legal/end-user-agreement'], packId: 'tosdr.spotify' };
    expect(sameDocument(ours, theirs)).toBe(true);
    const google = (url: string, packId: string) => ({ title: url, url, urlPatterns: ['policies.google.com/privacy'], packId });
    expect(sameDocument(google('https://policies.google.com/privacy?hl=en-GB&gl=IE', 'a'), google('https://policies.google.com/privacy?hl=nl&gl=nl', 'b'))).toBe(true);
    // Within one source, patterns do not count (a ToS;DR pattern has dropped the query that told the pages apart).
    expect(sameDocument(google('https://policies.google.com/privacy?hl=en-GB&gl=IE', 'a'), google('https://policies.google.com/privacy?hl=nl&gl=nl', 'a'))).toBe(false);
    // One-sided is not enough: a broad pattern does not swallow a page it merely covers.
    expect(sameDocument({ ...ours, urlPatterns: ['www.spotify.com/*'] }, { ...theirs, urlPatterns: ['www.spotify.com/other'] })).toBe(false);
  });

  it('entries without an address are never merged', () => {
    expect(sameDocument({ title: 'Terms' }, { title: 'Terms' })).toBe(false);
  });

  it('groups in first-seen order', () => {
    const docs = [
      { title: 'A', url: 'https://x.example/a' },
      { title: 'B', url: 'https://x.example/b' },
      { title: 'A again', url: 'https://x.example/a' },
    ];
    expect(groupSameDocuments(docs).map((g) => g.map((d) => d.title))).toEqual([['A', 'A again'], ['B']]);
  });
});
