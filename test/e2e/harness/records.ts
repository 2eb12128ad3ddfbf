/**
 * What the scenarios compare against: the bundled records (read from their JSON, as shipped),
 * the text normalisation used to compare a highlight with a quote, and the corpus location.
 */
import { CORPUS_DIR, hasCorpus } from '../../helpers/corpus';
import { bundledPackJson } from '../../../src/records/bundled';
import { SEVERITIES, type Severity } from '../../../src/records/taxonomy';
import { readFileSync } from 'node:fs';
import { marked } from 'marked';

export type { Severity };
/** Worst first. */
export const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;
/** The words the popup and the card show for each severity (popup/severity.tsx). */
export const SEVERITY_TEXT: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  positive: 'Good for you',
};

export interface BundledRecord {
  id: string;
  documentId: string;
  title: string;
  severity: Severity;
  categories: string[];
  quote: { exact: string; prefix?: string; suffix?: string };
}
interface Fragment {
  platforms: { id: string; name: string }[];
  documents: { id: string; platformId: string; url: string; title: string }[];
  records: BundledRecord[];
}

/** The bundled records as the extension ships them, as one fragment. */
const fragments = (): Fragment[] => [bundledPackJson('test') as Fragment];

/** The bundled records of one document, in pack order. */
export function recordsOf(documentId: string): BundledRecord[] {
  const records = fragments().flatMap((f) => f.records.filter((r) => r.documentId === documentId));
  if (records.length === 0) throw new Error(`No bundled records for document ${documentId}`);
  return records;
}

export function bundledPlatformCount(): number {
  return new Set(fragments().flatMap((f) => f.platforms.map((p) => p.id))).size;
}

export function worstOf(records: readonly { severity: Severity }[]): Severity {
  return SEVERITY_ORDER.find((s) => records.some((r) => r.severity === s))!;
}

/**
 * What the toolbar badge shows for the clauses found: how many are not in the reader's favour,
 * or a ✓ when every one is (their colour is still worstOf's).
 */
export function badgeTextFor(severities: readonly Severity[]): string {
  const concerns = severities.filter((s) => s !== 'positive').length;
  return concerns ? String(concerns) : severities.length ? '✓' : '';
}

/** The severities of the clauses highlighted on a page, from termlightRanges' highlight names. */
export const highlightSeverities = (ranges: readonly { highlight: string }[]): Severity[] =>
  ranges.map((r) => r.highlight.replace(/^termlight-/, '') as Severity).filter((s) => SEVERITY_ORDER.includes(s));

/**
 * How a highlight's text is compared with a quote: whitespace runs (NBSP included) collapsed,
 * soft hyphens dropped, curly quotes made straight, ends trimmed.
 */
export function comparable(text: string): string {
  return text
    .replace(/\u00ad/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The corpus folder (see test/helpers/corpus.ts), or null when there is none. */
export function corpusDir(): string | null {
  return hasCorpus ? CORPUS_DIR : null;
}

/** A Markdown document rendered at run time into a plain page, as a site would serve it. */
export function markdownPage(markdownFile: string, title: string): string {
  const body = marked.parse(readFileSync(markdownFile, 'utf8'), { async: false });
  const safeTitle = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${safeTitle}</title>
<style>body{font:16px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2937}</style>
</head><body><main>${body}</main></body></html>`;
}

/** How many platforms of the bundled records have a clause in `category` (the popup's "N of M"). */
export function platformsWithCategory(category: string): number {
  const all = fragments();
  const platformOf = new Map(all.flatMap((f) => f.documents.map((d) => [d.id, d.platformId] as const)));
  return new Set(
    all.flatMap((f) => f.records.filter((r) => r.categories.includes(category)).map((r) => platformOf.get(r.documentId))),
  ).size;
}
