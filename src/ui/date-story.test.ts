import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../i18n/date';
import { dateStory, pageCounts, storyText, wordChanges, type DateStory } from './date-story';

type Facts = Parameters<typeof dateStory>[0];

/** The bundled Spotify terms, as the store gives them to the popup. */
function bundled(platformFile: string, documentId: string): Facts {
  const pack = JSON.parse(readFileSync(path.resolve(__dirname, `../records/bundled/${platformFile}.json`), 'utf8')) as {
    platforms: { name: string }[];
    documents: (Omit<Facts, 'platformName'> & { id: string })[];
  };
  const doc = pack.documents.find((d) => d.id === documentId)!;
  return { ...doc, platformName: pack.platforms[0]!.name, history: doc.history ?? [] };
}

const text = (story: DateStory) => ({
  updated: story.updated && storyText(story.updated),
  checked: story.checked && storyText(story.checked),
  sourceAge: story.sourceAge,
  match: story.match?.text,
  versions: story.versions.map((v) => `${v.checked ? '[checked] ' : ''}${storyText(v.sentence)}`),
});

const none = { same: 0, reworded: 0, missing: 0 };

describe('dates for people', () => {
  it('formats a stored day in the UI language, in UTC whatever the time zone', () => {
    expect(formatDate('2025-08-26')).toBe('Aug 26, 2025');
    expect(formatDate('2020-01-01')).toBe('Jan 1, 2020');
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('one date story per document', () => {
  it('Spotify terms: updated by Spotify, checked by Termlight, and the checked version named by its fingerprint', () => {
    const story = dateStory(bundled('spotify', 'spotify.terms'), { state: 'same', counts: none });
    expect(text(story)).toEqual({
      updated: 'Updated by Spotify on Aug 26, 2025',
      checked: 'Checked by Termlight on Nov 21, 2026',
      sourceAge: undefined,
      match: 'This page is the version Termlight checked.',
      versions: [
        '[checked] First recorded by Open Terms Archive on Sep 23, 2025: the version Termlight checked on Nov 21, 2026',
        'First recorded by Open Terms Archive on Dec 8, 2020: an earlier version; since then 2,278 words were added and 1,253 removed',
      ],
    });
    // The dates are there for markup too.
    expect(story.updated).toContainEqual({ iso: '2025-08-26', text: 'Aug 26, 2025' });
  });

  it('picks the checked version by sha256, not by what its summary says', () => {
    const doc = bundled('reddit', 'reddit.terms');
    const [older, checked] = doc.history;
    // The summaries swapped: the fingerprint still decides.
    const swapped = { ...doc, history: [{ ...older!, summary: checked!.summary }, { ...checked!, summary: older!.summary }] };
    const story = dateStory(swapped);
    expect(story.versions.map((v) => [v.date.iso, v.checked])).toEqual([
      ['2026-07-02', true],
      ['2020-10-15', false],
    ]);
    // A document without a fingerprint has no checked version, whatever its history says.
    expect(dateStory({ ...doc, sha256: undefined }).versions.some((v) => v.checked)).toBe(false);
  });

  it('says whether the open page is the checked version, with what changed for its clauses', () => {
    const doc = bundled('spotify', 'spotify.terms');
    expect(dateStory(doc, { state: 'changed', counts: { same: 20, reworded: 1, missing: 2 } }).match).toEqual({
      state: 'changed',
      text:
        'This page has changed since Termlight checked it: 20 clauses read the same, 1 clause was reworded (shown below word by word), 2 recorded clauses were not found (possibly removed).',
    });
    expect(dateStory(doc, { state: 'pending', counts: none }).match?.text).toBe('Comparing this page with the version Termlight checked…');
    expect(dateStory(doc).match).toBeUndefined();
    const unfingerprinted = bundled('anthropic', 'anthropic.service-specific-terms');
    expect(text(dateStory(unfingerprinted, { state: 'unknown', counts: none }))).toEqual({
      updated: 'Updated by Anthropic on May 1, 2025',
      checked: 'Checked by Termlight on Nov 21, 2026',
      sourceAge: undefined,
      match: 'Termlight kept no copy of the version it checked, so it cannot tell whether this page has changed since.',
      versions: [],
    });
  });

  it('imported ToS;DR documents: the source’s own date sentence, no check by Termlight, no publisher date invented', () => {
    const tosdr: Facts = {
      platformName: 'Spotify',
      dataSource: { kind: 'tosdr', name: 'ToS;DR: Spotify', licence: 'CC BY-SA 3.0', dataDate: '2017-11-27' },
      history: [],
    };
    expect(text(dateStory(tosdr, { state: 'unknown', counts: none }))).toEqual({
      updated: undefined,
      checked: undefined,
      sourceAge: 'ToS;DR data, latest date in it Nov 27, 2017: it may be out of date',
      match: undefined,
      versions: [],
    });
    expect(dateStory({ ...tosdr, dataSource: { kind: 'tosdr', name: 'ToS;DR: Spotify' } }).sourceAge).toBe(
      'ToS;DR data of unknown date: it may be out of date',
    );
  });

  it('an imported pack that checked its own records is named as the checker; its data date said once', () => {
    const story = dateStory(
      {
        platformName: 'Acme',
        lastVerified: '2026-05-01',
        sha256: 'a'.repeat(64),
        dataSource: { kind: 'import', name: 'Acme notes', dataDate: '2026-05-01' },
        history: [{ date: '2026-04-02', sha256: 'a'.repeat(64), summary: 'Current.' }, { date: '2025-01-02', summary: 'The first one.' }],
      },
      { state: 'same', counts: none },
    );
    expect(text(story)).toEqual({
      updated: undefined,
      checked: 'Checked by Acme notes on May 1, 2026',
      sourceAge: undefined,
      match: 'This page is the version Acme notes checked.',
      versions: [
        '[checked] First recorded by Open Terms Archive on Apr 2, 2026: the version Acme notes checked on May 1, 2026',
        'First recorded by Open Terms Archive on Jan 2, 2025: The first one.',
      ],
    });
  });

  it('reads the word counts the maintainer CLI writes, and nothing else', () => {
    expect(wordChanges('An earlier version (recorded by Open Terms Archive). Since then: 1 word added, 0 removed.')).toEqual({ added: 1, removed: 0 });
    expect(wordChanges('The version these records were verified against.')).toBeNull();
  });

  it('every bundled document tells a story whose checked version is dated by the history and checked on lastVerified', () => {
    const dir = path.resolve(__dirname, '../records/bundled');
    const files = ['amazon', 'apple', 'discord', 'facebook', 'github', 'google', 'reddit', 'spotify', 'twitter', 'zoom'];
    for (const file of files) {
      const pack = JSON.parse(readFileSync(path.join(dir, `${file}.json`), 'utf8')) as { documents: { id: string; sha256?: string }[] };
      for (const { id, sha256 } of pack.documents) {
        const doc = bundled(file, id);
        const checked = dateStory(doc).versions.filter((v) => v.checked);
        expect(checked.length, id).toBe(sha256 ? 1 : 0);
        if (checked[0]) expect(storyText(checked[0].sentence), id).toContain(`checked on ${formatDate(doc.lastVerified!)}`);
      }
    }
  });
});

describe('how the page compares, per document', () => {
  it('counts only this document’s clauses: the same, reworded (found by the fuzzy step), not found', () => {
    const found = [
      { documentKey: 'a', method: 'exact' },
      { documentKey: 'a', method: 'normalized' },
      { documentKey: 'a', method: 'fuzzy' },
      { documentKey: 'b', method: 'fuzzy' },
    ];
    const notFound = [{ documentKey: 'a' }, { documentKey: 'b' }, { documentKey: 'b' }];
    expect(pageCounts('a', found, notFound)).toEqual({ same: 2, reworded: 1, missing: 1 });
    expect(pageCounts('b', found, notFound)).toEqual({ same: 0, reworded: 1, missing: 2 });
    expect(pageCounts('c', found, notFound)).toEqual({ same: 0, reworded: 0, missing: 0 });
  });
});
