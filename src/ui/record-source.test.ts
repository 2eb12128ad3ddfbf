import { describe, expect, it } from 'vitest';
import { dataAgeSentence, shortSource, sourceLine, type RecordSource } from './record-source';

const tosdr: RecordSource = {
  kind: 'tosdr',
  name: 'ToS;DR: Spotify',
  credit: "Terms of Service; Didn't Read (tosdr.org) contributors",
  licence: 'CC BY-SA 3.0',
};

describe('where a record comes from, in words', () => {
  it('a ToS;DR point says so, with its credit and licence', () => {
    expect(sourceLine(tosdr)).toBe("ToS;DR point — Terms of Service; Didn't Read (tosdr.org) contributors, CC BY-SA 3.0");
    expect(sourceLine({ kind: 'tosdr', name: 'x', licence: 'CC BY-SA 3.0' })).toBe('ToS;DR point (CC BY-SA 3.0)');
    expect(sourceLine({ kind: 'tosdr', name: 'x' })).toBe('ToS;DR point');
  });

  it('an imported pack and a feed are named as such', () => {
    expect(sourceLine({ kind: 'import', name: 'Acme records', credit: 'Acme' })).toBe('Imported: Acme records — Acme');
    expect(sourceLine({ kind: 'feed', name: 'Acme feed' })).toBe('From your records feed: Acme feed');
  });

  it('the age of ToS;DR data: the latest date in it, or that it has none, and that it may be out of date', () => {
    expect(dataAgeSentence({ ...tosdr, dataDate: '2018-01-04' })).toBe('ToS;DR data, latest date in it Jan 4, 2018: it may be out of date');
    expect(dataAgeSentence(tosdr)).toBe('ToS;DR data of unknown date: it may be out of date');
  });

  it('the age of other imported data: the date its publisher gives', () => {
    expect(dataAgeSentence({ kind: 'feed', name: 'Acme', dataDate: '2026-01-05' })).toBe('Dated Jan 5, 2026 by its publisher');
    expect(dataAgeSentence({ kind: 'import', name: 'Acme' })).toBe('Data of unknown date');
  });

  it('the short form the badge title counts by', () => {
    expect(shortSource(tosdr)).toBe('ToS;DR (CC BY-SA 3.0)');
    expect(shortSource({ kind: 'import', name: 'Acme records', licence: 'CC0' })).toBe('imported “Acme records” (CC0)');
  });
});
