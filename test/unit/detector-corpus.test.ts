/**
 * How the corpus becomes training data: the labelling rule on its own, and on the real corpus
 * (every unfair span labels a sentence; the committed folds cover each document once).
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus, overlapLabels } from '../../scripts/detector/corpus';
import { readFolds } from '../../scripts/detector/folds';
import { KINDS } from '../../src/detector/kinds';
import { CORPUS_DIR, hasCorpus } from '../helpers/corpus';

describe('overlapLabels', () => {
  const sentence = { start: 100, end: 200 };
  it('labels a sentence with a span inside it, or covering at least half of it', () => {
    expect(overlapLabels(sentence, { start: 120, end: 140 })).toBe(true);
    expect(overlapLabels(sentence, { start: 50, end: 400 })).toBe(true);
    expect(overlapLabels(sentence, { start: 150, end: 400 })).toBe(true);
  });
  it('does not label a sentence the span only grazes', () => {
    expect(overlapLabels(sentence, { start: 198, end: 400 })).toBe(false);
    expect(overlapLabels(sentence, { start: 0, end: 100 })).toBe(false);
    expect(overlapLabels(sentence, { start: 160, end: 400 })).toBe(false);
  });
});

describe.runIf(hasCorpus)(`the CLAUDETTE corpus as units${hasCorpus ? '' : ` (skipped: no corpus at ${CORPUS_DIR})`}`, () => {
  const corpus = hasCorpus ? loadCorpus(CORPUS_DIR.replace(/\/$/, '')) : undefined;

  it('has its 50 documents, every unfair span labelling a sentence, each of the 8 kinds present', () => {
    expect(corpus!.documents).toHaveLength(50);
    expect(corpus!.spansLabelling).toBe(corpus!.spans);
    KINDS.forEach((_, k) => expect(corpus!.units.some((u) => u.kinds & (1 << k))).toBe(true));
  });

  it('labels a known sentence with its kind and leaves its neighbour alone', () => {
    const spotify = corpus!.units.filter((u) => u.document === 'Spotify');
    const trial = spotify.find((u) => u.text.startsWith('Spotify reserves the right, in its absolute discretion, to determine your eligibility for a Trial'));
    expect(trial!.kinds & (1 << KINDS.indexOf('unilateral-termination'))).not.toBe(0);
    expect(spotify.find((u) => u.text === 'The Spotify Service includes social and interactive features.')!.kinds).toBe(0);
  });

  it('has committed folds that hold each document exactly once', () => {
    const { folds } = readFolds(corpus!.documents);
    expect(folds.flat().sort()).toEqual([...corpus!.documents].sort());
    expect(new Set(folds.map((f) => f.length)).size).toBe(1);
  });
});
