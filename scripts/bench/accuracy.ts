/** The accuracy part of the bench: sets 1–3 (and CLAUDETTE's 2b, 3b), ours against Hypothesis. */
import { hypothesisMatch } from './hypothesis';
import { Report, n, pct } from './report';
import {
  buildClaudetteSets,
  describe,
  judgeNegative,
  judgePresent,
  judgeReworded,
  ours,
  run,
  summarize,
  type Item,
  type Matcher,
  type NegativeItem,
  type Negatives,
  type Outcome,
  type PresentItem,
  type RewordedItem,
  type Pages,
  type Sets,
} from './sets';

export const reference: Matcher = (d, q) => {
  const m = hypothesisMatch(d.page.text, q.exact, { prefix: q.prefix, suffix: q.suffix });
  return m && { start: m.start, end: m.end, method: 'hypothesis', score: m.score };
};

const histogram = (xs: number[], bins: number[]) =>
  bins.slice(0, -1).map((b, i) => xs.filter((x) => x >= b && x < bins[i + 1]!).length);

export interface AccuracyResult {
  present: { ours: Outcome<PresentItem>[]; reference: Outcome<PresentItem>[] };
  reworded: { ours: Outcome<RewordedItem>[]; reference: Outcome<RewordedItem>[]; stillThere: number };
  negatives: { ours: Outcome<NegativeItem>[]; referenceSample: Outcome<NegativeItem>[] };
  claudette: { reworded: Outcome<RewordedItem>[]; stillThere: number; negatives: Outcome<NegativeItem>[] };
  claudetteSets: ReturnType<typeof buildClaudetteSets>;
}

export function accuracy(pages: Pages, sets: Sets, report: Report): AccuracyResult {
  const present = { ours: run(pages, sets.present, ours, judgePresent), reference: run(pages, sets.present, reference, judgePresent) };
  const reworded = {
    ours: run(pages, sets.reworded, ours, judgeReworded),
    reference: run(pages, sets.reworded, reference, judgeReworded),
    stillThere: sets.reworded.filter((r) => r.truth.spans.length > 0).length,
  };
  // Hypothesis on every 20th negative: it accepts anything within its error budget.
  const sample = sets.negatives.items.filter((_, i) => i % 20 === 0);
  const negatives = { ours: run(pages, sets.negatives.items, ours, judgeNegative), referenceSample: run(pages, sample, reference, judgeNegative) };
  const cl = buildClaudetteSets(pages);
  const claudette = {
    reworded: run(pages, cl.reworded, ours, judgeReworded),
    stillThere: cl.reworded.filter((r) => r.truth.spans.length > 0).length,
    negatives: run(pages, cl.negatives.items, ours, judgeNegative),
  };

  const s = (o: Outcome<Item>[]) => summarize(o);
  const row = (name: string, o: Outcome<Item>[], ref: Outcome<Item>[] | null, there = o.length) => {
    const a = s(o);
    const r = ref && s(ref);
    return [
      name,
      n(a.total),
      n(a.anchored),
      n(a.correct),
      pct(a.correct, a.anchored),
      `${pct(a.correct, a.total)}${there !== a.total ? ` (${pct(a.correct, there)} of ${there} still there)` : ''}`,
      r ? `${n(r.anchored)} / ${n(r.correct)} (${pct(r.correct, r.anchored)} precise)` : '—',
    ];
  };
  report.section('Accuracy (happy-dom; production extractText, createIndex, matchQuote, rangeFromOffsets)');
  report.table(
    ['set', 'items', 'anchored', 'on the clause', 'precision', 'recall', 'Hypothesis: anchored / on the clause'],
    [
      row(`1. present (${sets.present.filter((p) => p.source === 'tosdr').length} ToS;DR + ${sets.present.filter((p) => p.source === 'claudette').length} CLAUDETTE), quote only`, present.ours, present.reference),
      row('2. reworded (ToS;DR, snapshot context)', reworded.ours, reworded.reference, reworded.stillThere),
      row(`3. negatives (ToS;DR on other services; Hypothesis on 1 in 20)`, negatives.ours, negatives.referenceSample),
      row('2b. reworded (CLAUDETTE, no context)', claudette.reworded, null, claudette.stillThere),
      row('3b. negatives (CLAUDETTE on other services, no context)', claudette.negatives, null),
    ],
  );
  report.para(
    `Set 1 leaves out ${sets.notStaged} CLAUDETTE spans whose service has no staged OTA Terms of Service. ` +
      `Set 2's truth: ${reworded.stillThere} of ${sets.reworded.length} clauses still there (≥30 % of their words survive the word alignment), ${sets.reworded.length - reworded.stillThere} gone. ` +
      'Negatives: precision column is meaningless (every anchor is false); "anchored" counts false anchors.',
  );
  excluded(report, 'ToS;DR negatives', sets.negatives);
  excluded(report, 'CLAUDETTE negatives', cl.negatives);

  const failures = [
    ['Set 1 misses', present.ours.filter((o) => !o.correct)],
    ['Set 2 wrong anchors', reworded.ours.filter((o) => o.anchor && !o.correct)],
    ['Set 3 false anchors', negatives.ours.filter((o) => o.anchor)],
    ['Set 2b wrong anchors', claudette.reworded.filter((o) => o.anchor && !o.correct)],
    ['Set 3b false anchors', claudette.negatives.filter((o) => o.anchor)],
  ] as const;
  for (const [title, list] of failures) {
    report.para(`**${title}: ${list.length}**`);
    if (list.length) report.list(list.map((o) => describe(pages, o)));
  }

  const bins = [0.75, 0.8, 0.85, 0.9, 0.95, 1.0001];
  const fuzzy = [...reworded.ours, ...claudette.reworded].filter((o) => o.anchor?.method === 'fuzzy');
  report.para('Fuzzy scores of the reworded anchors (sets 2 and 2b), by ground truth:');
  report.table(
    ['', ...bins.slice(0, -1).map((b, i) => `${b}–${i === bins.length - 2 ? '1' : bins[i + 1]}`)],
    [
      ['on the clause', ...histogram(fuzzy.filter((o) => o.correct).map((o) => o.anchor!.score), bins)],
      ['elsewhere', ...histogram(fuzzy.filter((o) => !o.correct).map((o) => o.anchor!.score), bins)],
    ],
  );
  return { present, reworded, negatives, claudette, claudetteSets: cl };
}

function excluded(report: Report, what: string, neg: Negatives): void {
  const pairs = neg.related.filter((r) => r.reason !== 'unrelated');
  const single = neg.related.filter((r) => r.reason === 'unrelated');
  report.para(
    `${what}: ${n(neg.items.length)} pairs. Excluded service pairs: ${pairs.map((r) => `${r.pair} (${r.reason}, ${r.shared} shared)`).join(', ') || 'none'}. ` +
      `Pairs sharing a single quote (kept, below the template threshold of 2): ${single.length}. ` +
      `Left out because the quote occurs there: ${neg.occurs.normalized} (normalised text), ${neg.occurs.lettersOnly} (letters and digits only).`,
  );
}
