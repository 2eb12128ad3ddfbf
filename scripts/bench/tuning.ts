/**
 * What the data says about each FUZZY threshold: the best candidate fuzzyFind sees with its
 * decision rule switched off, for reworded clauses (by ground truth) and for negatives, and how
 * many right and false anchors each threshold one step either way would give.
 */
import { FUZZY, buildWordIndex, fuzzyFind, type FuzzyTuning } from '../../src/anchoring/fuzzy';
import { normalizeText } from '../../src/anchoring/normalize';
import { overlapsHalf, type Span } from './align';
import type { Report } from './report';
import type { Item, NegativeItem, Pages, RewordedItem } from './sets';

export type Kind = 'right place' | 'wrong place' | 'gone' | 'negative';

export interface Candidate {
  kind: Kind;
  words: number;
  score: number;
  context: number | null;
}

/** Accepts the best-aligned candidate whatever its score or context. */
const OPEN: FuzzyTuning = { ...FUZZY, sure: 0, minWords: 1, ambiguity: -1 };

function find(pages: Pages, item: Item, tuning: FuzzyTuning): Span & { score: number; context: number | null } | null {
  const d = pages.get(item.file);
  d.index.words ??= buildWordIndex(d.index.text);
  const q = normalizeText(item.quote.exact).trim();
  const found = fuzzyFind(d.index.text, d.index.words, q, normalizeText(item.quote.prefix ?? ''), normalizeText(item.quote.suffix ?? ''), tuning);
  return found && { ...found, start: d.index.page.toSource(found.start), end: d.index.page.toSource(found.end - 1) + 1 };
}

function kindOf(item: RewordedItem | NegativeItem, at: Span): Kind {
  if (!('truth' in item)) return 'negative';
  if (item.truth.spans.length === 0) return 'gone';
  return item.truth.spans.some((t) => overlapsHalf(t, at)) ? 'right place' : 'wrong place';
}

const wordCount = (s: string) => normalizeText(s).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** The best candidate of every item, decision rule off. */
export function candidates(pages: Pages, items: readonly (RewordedItem | NegativeItem)[]): Candidate[] {
  const out: Candidate[] = [];
  for (const item of items) {
    const c = find(pages, item, OPEN);
    if (c) out.push({ kind: kindOf(item, c), words: wordCount(item.quote.exact), score: c.score, context: c.context });
  }
  return out;
}

export interface Variant {
  name: string;
  tuning: FuzzyTuning;
  right: number;
  wrong: number;
  falseOnNegatives: number;
}

const STEPS: [keyof FuzzyTuning, number[]][] = [
  ['sure', [0.9, 0.95, 1.01]],
  ['minWords', [6, 8, 10]],
  ['threshold', [0.7, 0.75, 0.8]],
  ['minContextWords', [10, 15, 20]],
  ['minContext', [0.5, 0.6, 0.7]],
  ['noContextThreshold', [0.8, 0.85, 0.9, 0.95]],
  ['ambiguity', [0.04, 0.08, 0.12]],
  ['maxPostings', [20, 40, 80]],
  ['candidates', [2, 4, 8]],
];

/**
 * Each parameter moved alone. Decision-only parameters are re-run only on items whose best
 * candidate scores 0.6 or more (no variant accepts less); candidate-generation ones on all.
 */
export function sensitivity(pages: Pages, reworded: readonly RewordedItem[], negatives: readonly NegativeItem[]): Variant[] {
  const near = negatives.filter((n) => (find(pages, n, OPEN)?.score ?? 0) >= 0.6);
  const out: Variant[] = [];
  for (const [key, values] of STEPS) {
    const generation = key === 'maxPostings' || key === 'candidates';
    for (const value of values) {
      const tuning = { ...FUZZY, [key]: value };
      let right = 0;
      let wrong = 0;
      for (const item of reworded) {
        const c = find(pages, item, tuning);
        if (c && kindOf(item, c) === 'right place') right++;
        else if (c) wrong++;
      }
      const falseOnNegatives = (generation ? negatives : near).filter((n) => find(pages, n, tuning)).length;
      const mark = FUZZY[key] === value ? ' (now)' : '';
      out.push({ name: `${key} ${value === 1.01 ? 'off' : value}${mark}`, tuning, right, wrong, falseOnNegatives });
    }
  }
  return out;
}

const BINS = [0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0001];
const binName = (i: number) => `${BINS[i]}–${i === BINS.length - 2 ? '1' : BINS[i + 1]}`;

/** The distributions and, unless quick, the one-parameter-at-a-time sensitivity table. */
export function tuningReport(
  report: Report,
  label: string,
  pages: Pages,
  reworded: readonly RewordedItem[],
  negatives: readonly NegativeItem[],
  quick: boolean,
): { candidates: Candidate[]; variants: Variant[] } {
  const all = candidates(pages, [...reworded, ...negatives]);
  const kinds: Kind[] = ['right place', 'wrong place', 'gone', 'negative'];
  report.section(`FUZZY thresholds, ${label}`, 3);
  report.para('Best candidate of fuzzyFind with its decision rule switched off, by similarity (1 − word edits / quote words):');
  report.table(
    ['best candidate', 'n', ...BINS.slice(0, -1).map((_, i) => binName(i))],
    kinds.map((k) => {
      const xs = all.filter((c) => c.kind === k);
      return [k, xs.length, ...BINS.slice(0, -1).map((b, i) => xs.filter((c) => c.score >= b && c.score < BINS[i + 1]!).length)];
    }),
  );
  const ctx = [-1, 0, 0.3, 0.6, 0.8, 1.0001];
  const ctxName = (i: number) => (i === 0 ? 'none recorded' : `${ctx[i]}–${i === ctx.length - 2 ? '1' : ctx[i + 1]}`);
  report.para('Context share (recorded prefix/suffix words found around the candidate) of candidates scoring ≥ 0.75 with ≥ 8 words:');
  report.table(
    ['candidate', ...ctx.slice(0, -1).map((_, i) => ctxName(i))],
    kinds.map((k) => {
      const xs = all.filter((c) => c.kind === k && c.score >= 0.75 && c.words >= 8);
      return [k, ...ctx.slice(0, -1).map((b, i) => xs.filter((c) => (i === 0 ? c.context === null : c.context !== null && c.context >= b && c.context < ctx[i + 1]!)).length)];
    }),
  );
  let variants: Variant[] = [];
  if (!quick) {
    variants = sensitivity(pages, reworded, negatives);
    report.para('Each parameter moved alone (production decision rule):');
    report.table(['FUZZY', 'reworded: on the clause', 'reworded: elsewhere', 'negatives: false anchors'], variants.map((v) => [v.name, v.right, v.wrong, v.falseOnNegatives]));
  }
  return { candidates: all, variants };
}
