/**
 * The matcher's accuracy on the real corpus, on pages rendered as sites serve them (menus, a
 * hidden mobile menu, inline links and emphasis, &nbsp;, soft hyphens; scripts/bench/render.ts),
 * through the production extractText → createIndex → matchQuote → rangeFromOffsets. The sets and
 * their ground truth are the bench's (scripts/bench/sets.ts; `npm run bench` prints the figures
 * and the timings, which are never asserted). Pages are parsed with happy-dom's own Window, so
 * this file needs no DOM environment. Skips itself when the corpus is absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, hasCorpus, loadCorpus } from '../../scripts/bench/corpus';
import {
  Pages,
  buildSets,
  describe as explain,
  judgeNegative,
  judgePresent,
  judgeReworded,
  ours,
  run,
  type Sets,
} from '../../scripts/bench/sets';

if (!hasCorpus) console.warn(`No corpus at ${CORPUS_DIR}: the corpus accuracy suite (sets 1–3) is skipped.`);

describe.skipIf(!hasCorpus)('anchoring accuracy on the corpus', () => {
  let pages: Pages;
  let sets: Sets;
  beforeAll(() => {
    pages = new Pages(loadCorpus());
    sets = buildSets(pages);
  }, 60_000);

  it('set 1: every quote present in the current document is anchored on its own text', () => {
    // 127 ToS;DR quotes and 57 CLAUDETTE spans today; far fewer means the sets broke, not the matcher.
    expect(sets.present.length).toBeGreaterThan(150);
    const misses = run(pages, sets.present, ours, judgePresent).filter((o) => !o.correct);
    expect(misses.map((o) => explain(pages, o))).toEqual([]);
  });

  it('set 2: a reworded clause is anchored on the clause or not at all (precision 100 %)', () => {
    expect(sets.reworded.length).toBeGreaterThan(100);
    const outcomes = run(pages, sets.reworded, ours, judgeReworded);
    // Precision over nothing would prove nothing: some reworded clauses must be found.
    expect(outcomes.filter((o) => o.correct).length).toBeGreaterThan(15);
    const wrong = outcomes.filter((o) => o.anchor && !o.correct);
    expect(wrong.map((o) => explain(pages, o))).toEqual([]);
  }, 60_000);

  it("set 3: no quote anchors in an unrelated service's document of the same type", () => {
    expect(sets.negatives.items.length).toBeGreaterThan(5000);
    const falseAnchors = run(pages, sets.negatives.items, ours, judgeNegative).filter((o) => o.anchor);
    expect(falseAnchors.map((o) => explain(pages, o))).toEqual([]);
  }, 60_000);
});
