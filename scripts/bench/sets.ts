/**
 * The accuracy sets, built from the corpus on rendered pages, and their scoring; shared by
 * `npm run bench` and test/unit/anchoring-corpus.test.ts.
 *
 * 1. present: quotes the staging found verbatim (up to whitespace, punctuation, case) in the
 *    current document. Quote only. Every one must be anchored on its text.
 * 2. reworded: ToS;DR quotes found in the snapshot but not in the current document, with 60
 *    characters of snapshot context. Truth: the quote's words followed through a word alignment
 *    of snapshot and current (align.ts); gone when fewer than 30 % survive.
 * 3. negatives: each ToS;DR quote against the current documents of the same type of other,
 *    unrelated services, where it does not occur. Any anchor is false.
 * CLAUDETTE spans give the same without context (2b, 3b): the no-context rule's evidence.
 */
import { createIndex, extractText, matchQuote, rangeFromOffsets } from '../../src/anchoring';
import type { NormalizedIndex, QuoteSelector } from '../../src/anchoring';
import type { PageText } from '../../src/anchoring/dom-text';
import { normalizeText } from '../../src/anchoring/normalize';
import { alignWords, followQuote, locateAll, overlapsHalf, wordsOf, type Projection, type Span, type Truth, type Words } from './align';
import { PRESENT_LEVELS, serviceOf, typeOf, type Corpus } from './corpus';
import { isHiddenInline, parseHtml, renderPage, seedOf } from './render';

export interface RenderedDoc {
  file: string;
  service: string;
  type: string;
  html: string;
  doc: Document;
  page: PageText;
  index: NormalizedIndex;
}

/** Renders, parses and extracts each corpus file once; CLAUDETTE .txt files are read as text. */
export class Pages {
  private docs = new Map<string, RenderedDoc>();
  private words = new Map<string, Words>();
  private alignments = new Map<string, Int32Array>();
  private projections = new Map<string, Projection>();

  constructor(readonly corpus: Corpus) {}

  get(file: string): RenderedDoc {
    let d = this.docs.get(file);
    if (!d) {
      const service = serviceOf(file);
      const type = typeOf(file);
      const html = renderPage(this.corpus.read(file), { service, title: type, seed: seedOf(file) });
      const doc = parseHtml(html);
      const page = extractText(doc.body, { isHidden: isHiddenInline });
      d = { file, service, type, html, doc, page, index: createIndex(page.text) };
      this.docs.set(file, d);
    }
    return d;
  }

  text(file: string): string {
    return file.endsWith('.txt') ? this.corpus.read(file) : this.get(file).page.text;
  }

  /** Where a quote's letters and digits occur in a file's text. */
  locate(file: string, quote: string): Span[] {
    return locateAll(this.text(file), quote, this.projections);
  }

  /** Word alignment of an older version onto the current one, computed once per pair. */
  follow(from: string, to: string, quote: string): Truth {
    const key = `${from}\n${to}`;
    let map = this.alignments.get(key);
    if (!map) this.alignments.set(key, (map = alignWords(this.wordsOf(from).keys, this.wordsOf(to).keys)));
    return followQuote(this.wordsOf(from), this.wordsOf(to), map, this.locate(from, quote));
  }

  private wordsOf(file: string): Words {
    let w = this.words.get(file);
    if (!w) this.words.set(file, (w = wordsOf(this.text(file))));
    return w;
  }
}

export interface Item {
  id: string;
  /** The document the quote is matched against. */
  file: string;
  quote: QuoteSelector;
}
export interface PresentItem extends Item {
  source: 'tosdr' | 'claudette';
  /** Every place the quote's letters and digits occur in the page text. */
  truth: Span[];
}
export interface RewordedItem extends Item {
  /** The older version the quote was found in. */
  from: string;
  truth: Truth;
}
export interface NegativeItem extends Item {
  /** The service the quote was written for. */
  from: string;
}

export interface Related {
  pair: string;
  /** Distinct quotes of one found verbatim (normalised) in the other's documents. */
  shared: number;
  reason: 'family' | 'template' | 'unrelated';
}

export interface Negatives {
  items: NegativeItem[];
  /** Every pair sharing quotes, families included; 'template' and 'family' pairs are excluded. */
  related: Related[];
  /** Pairs left out because the quote does occur in that document. */
  occurs: { normalized: number; lettersOnly: number };
}

export interface Sets {
  present: PresentItem[];
  reworded: RewordedItem[];
  negatives: Negatives;
  /** CLAUDETTE spans at a present level whose service has no staged OTA Terms of Service. */
  notStaged: number;
}

/** Corporate families whose documents share clauses by design (CLAUDETTE adds its own names). */
export const FAMILIES = [
  ['Google', 'YouTube', 'GooglePayments'],
  ['Facebook', 'Instagram', 'WhatsApp', 'Oculus'],
  ['Apple', 'iCloud'],
  ['GitHub', 'Bitwarden'],
  ['Amazon.com', 'Goodreads', 'Twitch'],
  ['Microsoft', 'Skype', 'LinkedIn'],
];
/** Two services sharing this many quotes verbatim use one template. */
export const TEMPLATE_SHARED = 2;
const CONTEXT = 60;

const pairKey = (a: string, b: string) => (a < b ? `${a} / ${b}` : `${b} / ${a}`);
const needleOf = (quote: string) => normalizeText(quote).trim();
const TOS = 'Terms of Service';

/** 60 characters either side of the quote's first occurrence, as a record made there would keep. */
function withContext(pages: Pages, file: string, quote: string): QuoteSelector | null {
  const text = pages.text(file);
  const span = pages.locate(file, quote)[0];
  if (!span) return null;
  return { exact: quote, prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start), suffix: text.slice(span.end, span.end + CONTEXT) };
}

export function buildSets(pages: Pages): Sets {
  const { corpus } = pages;
  const staged = new Set(corpus.documents.map((d) => d.file));
  const present: PresentItem[] = [];
  const reworded: RewordedItem[] = [];
  const recorded = new Map<string, QuoteSelector>();

  for (const p of corpus.points) {
    const quote = p.quote_text;
    const current = p.match.current;
    const snapshot = p.match.snapshot?.level && PRESENT_LEVELS.has(p.match.snapshot.level) ? p.match.snapshot.file : null;
    // A record keeps the context of the version it was made from: the snapshot, else the current file.
    const from = snapshot ?? (PRESENT_LEVELS.has(current.level) ? current.file : null);
    recorded.set(p.id, (from !== null ? withContext(pages, from, quote) : null) ?? { exact: quote });
    if (PRESENT_LEVELS.has(current.level)) {
      present.push({ id: p.id, source: 'tosdr', file: current.file, quote: { exact: quote }, truth: pages.locate(current.file, quote) });
    } else if (snapshot) {
      const q = recorded.get(p.id)!;
      if (!q.prefix) throw new Error(`${p.id}: quote not in ${snapshot} although the staging found it there`);
      reworded.push({ id: p.id, file: current.file, from: snapshot, quote: q, truth: pages.follow(snapshot, current.file, quote) });
    }
  }

  let notStaged = 0;
  for (const s of corpus.claudette) {
    if (!s.ota_match || !PRESENT_LEVELS.has(s.ota_match.current_level)) continue;
    const file = `ota/current/${s.ota_service}/${TOS}.md`;
    if (!staged.has(file)) {
      notStaged++;
      continue;
    }
    present.push({ id: s.id, source: 'claudette', file, quote: { exact: s.quote_text }, truth: pages.locate(file, s.quote_text) });
  }

  const quotes = corpus.points.map((p) => ({ id: p.id, service: p.service, type: p.document_type, quote: recorded.get(p.id)! }));
  return { present, reworded, negatives: buildNegatives(pages, quotes), notStaged };
}

/**
 * CLAUDETTE spans, no context: 2b, reworded (the span's old text in claudette/en aligned with
 * the current OTA Terms of Service of that service) and 3b, negatives on other services' terms.
 */
export function buildClaudetteSets(pages: Pages): { reworded: RewordedItem[]; negatives: Negatives } {
  const { corpus } = pages;
  const staged = new Set(corpus.documents.map((d) => d.file));
  const reworded: RewordedItem[] = [];
  for (const s of corpus.claudette) {
    const file = `ota/current/${s.ota_service}/${TOS}.md`;
    if (!s.ota_match || PRESENT_LEVELS.has(s.ota_match.current_level) || !staged.has(file)) continue;
    reworded.push({ id: s.id, file, from: `claudette/en/${s.document}.txt`, quote: { exact: s.quote_text }, truth: pages.follow(`claudette/en/${s.document}.txt`, file, s.quote_text) });
  }
  const quotes = corpus.claudette.map((s) => ({ id: s.id, service: s.ota_service ?? s.document, type: TOS, quote: { exact: s.quote_text } }));
  return { reworded, negatives: buildNegatives(pages, quotes) };
}

/**
 * Each quote against the current documents of the same type of every other service, leaving out
 * families, pairs that share quotes verbatim (one template), and documents the quote occurs in.
 */
function buildNegatives(pages: Pages, quotes: readonly { id: string; service: string; type: string; quote: QuoteSelector }[]): Negatives {
  const { corpus } = pages;
  const current = corpus.documents.filter((d) => d.role === 'current').map((d) => d.file);
  const files = corpus.documents.map((d) => d.file);
  const familyOf = (s: string) => FAMILIES.find((f) => f.includes(s)) ?? [s];

  const shared = new Map<string, Set<string>>();
  for (const q of quotes) {
    const needle = needleOf(q.quote.exact);
    for (const f of files) {
      if (serviceOf(f) === q.service || typeOf(f) !== q.type || !pages.get(f).index.text.includes(needle)) continue;
      const key = pairKey(q.service, serviceOf(f));
      shared.set(key, (shared.get(key) ?? new Set()).add(needle));
    }
  }
  const related: Related[] = [...shared].map(([pair, s]) => {
    const [a, b] = pair.split(' / ') as [string, string];
    const reason = familyOf(a).includes(b) ? 'family' : s.size >= TEMPLATE_SHARED ? 'template' : 'unrelated';
    return { pair, shared: s.size, reason };
  });
  const excluded = new Set(related.filter((r) => r.reason !== 'unrelated').map((r) => r.pair));

  const items: NegativeItem[] = [];
  const occurs = { normalized: 0, lettersOnly: 0 };
  for (const q of quotes) {
    const needle = needleOf(q.quote.exact);
    for (const file of current) {
      const other = serviceOf(file);
      if (familyOf(q.service).includes(other) || typeOf(file) !== q.type || excluded.has(pairKey(q.service, other))) continue;
      if (pages.get(file).index.text.includes(needle)) occurs.normalized++;
      else if (pages.locate(file, q.quote.exact).length > 0) occurs.lettersOnly++;
      else items.push({ id: q.id, file, quote: q.quote, from: q.service });
    }
  }
  return { items, related: related.sort((x, y) => y.shared - x.shared), occurs };
}

/** What a matcher returned: offsets into the page text. */
export interface Anchor extends Span {
  method?: string;
  score: number;
  context?: number | null;
}
export type Matcher = (doc: RenderedDoc, quote: QuoteSelector) => Anchor | null;

/** The production path: matchQuote on the page's index, then a DOM range for it. */
export const ours: Matcher = (d, quote) => {
  const m = matchQuote(d.page.text, quote, d.index);
  if (!m || !rangeFromOffsets(d.page, m.start, m.end, d.doc)) return null;
  return { start: m.start, end: m.end, method: m.method, score: m.score, context: m.context ?? null };
};

export interface Outcome<T extends Item> {
  item: T;
  anchor: Anchor | null;
  /** Anchored on the clause (never, for negatives). */
  correct: boolean;
}

export function run<T extends Item>(pages: Pages, items: readonly T[], matcher: Matcher, judge: (item: T, a: Anchor) => boolean): Outcome<T>[] {
  return items.map((item) => {
    const anchor = matcher(pages.get(item.file), item.quote);
    return { item, anchor, correct: anchor !== null && judge(item, anchor) };
  });
}

export const judgePresent = (item: PresentItem, a: Anchor) => item.truth.some((t) => overlapsHalf(t, a));
export const judgeReworded = (item: RewordedItem, a: Anchor) => item.truth.spans.some((t) => overlapsHalf(t, a));
export const judgeNegative = () => false;

export interface Summary {
  total: number;
  anchored: number;
  correct: number;
  /** correct / anchored (1 when nothing anchored). */
  precision: number;
}
export function summarize(outcomes: readonly Outcome<Item>[]): Summary {
  const anchored = outcomes.filter((o) => o.anchor).length;
  const correct = outcomes.filter((o) => o.correct).length;
  return { total: outcomes.length, anchored, correct, precision: anchored ? correct / anchored : 1 };
}

/** A failing outcome in a few lines: quote, anchored text, ground truth. */
export function describe(pages: Pages, o: Outcome<Item>): string {
  const page = pages.text(o.item.file);
  const show = (s: Span | undefined | null) => (s ? JSON.stringify(page.slice(s.start, s.end).replace(/\s+/g, ' ').slice(0, 200)) : '—');
  const truth = 'truth' in o.item ? (Array.isArray(o.item.truth) ? (o.item.truth[0] as Span | undefined) : (o.item.truth as Truth).spans[0]) : undefined;
  const a = o.anchor;
  const how = a ? `${a.method ?? 'reference'}, score ${a.score.toFixed(3)}${a.context != null ? `, context ${a.context}` : ''}` : 'not anchored';
  return [
    `${o.item.id} in ${o.item.file} (${how})`,
    `    quote:  ${JSON.stringify(o.item.quote.exact.replace(/\s+/g, ' ').slice(0, 200))}`,
    `    anchor: ${show(a)}`,
    `    truth:  ${truth ? show(truth) : 'none (the clause is not in this document)'}`,
  ].join('\n');
}
