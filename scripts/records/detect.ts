/**
 * `detect <saved page .html|.md|.txt> [--json] [--draft]`: the clause detector on a saved copy of
 * a page, with the extension's own text extraction (the saved page parsed with happy-dom and read
 * by src/anchoring's extractText, hidden elements left out, as the content script reads the live
 * page) and the shipped model (src/detector). Lists the sentences at or above the threshold
 * shown to readers.
 *
 * --json: one JSON array of {text, start, end, kinds, confidence, why}; start/end are offsets in
 * the page's extracted text. --draft: a pack skeleton with one record per detection (quote with
 * prefix and suffix, categories, a suggested severity, empty impact and why-it-matters) for a
 * maintainer to complete; `validate` then lists what is still missing.
 */
import path from 'node:path';
import { extractText } from '../../src/anchoring';
import { isHidden } from '../../src/anchoring/visibility';
import { bundledModel } from '../../src/detector/bundled-model';
import { detect as detectClauses, type Detection } from '../../src/detector/detect';
import { KIND_CATEGORY, KIND_NAMES, type Kind } from '../../src/detector/kinds';
import { why } from '../../src/detector/why';
import { PACK_SCHEMA_VERSION, type Severity } from '../../src/records/taxonomy';
import { CliError, type Io } from './io';
import { loadSavedPage } from './page';

export interface DetectOptions {
  json?: boolean;
  draft?: boolean;
  /** Today, as YYYY-MM-DD (the draft's dates). */
  date: string;
}

/** One detection as `--json` prints it. */
export interface DetectedUnit {
  text: string;
  start: number;
  end: number;
  kinds: Kind[];
  confidence: number;
  /** The words or phrases that weighed most for its first kind. */
  why: string[];
}

/**
 * A starting severity for a maintainer to review: clauses that take a right away from the
 * reader (going to court, compensation, keeping their account) high, the rest medium, the
 * usual "by using you agree" and choice of law low.
 */
const SUGGESTED_SEVERITY: Record<Kind, Severity> = {
  arbitration: 'high',
  'limitation-of-liability': 'high',
  'unilateral-termination': 'high',
  'unilateral-change': 'medium',
  'content-removal': 'medium',
  jurisdiction: 'medium',
  'choice-of-law': 'low',
  'contract-by-using': 'low',
};

/** Up to `length` characters of context, cut at a word boundary. */
function context(text: string, from: number, to: number, side: 'prefix' | 'suffix', length = 40): string {
  const piece = text.slice(Math.max(from, 0), Math.min(to, text.length));
  if (piece.length <= length) return piece;
  if (side === 'prefix') return piece.slice(piece.length - length).replace(/^\S*\s/, '');
  return piece.slice(0, length).replace(/\s\S*$/, '');
}

function draftPack(file: string, text: string, detections: Detection[], date: string) {
  const slug = path.basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'page';
  return {
    schemaVersion: PACK_SCHEMA_VERSION,
    packId: `draft-${slug}`,
    packVersion: date,
    publishedAt: date,
    source: { kind: 'import', name: `Draft from ${path.basename(file)} (detected automatically, not reviewed)` },
    platforms: [{ id: 'todo-platform', name: 'TODO', domains: [] }],
    documents: [{ id: `todo-platform.${slug}`, platformId: 'todo-platform', title: 'TODO', kind: 'terms', urlPatterns: [] }],
    records: detections.map((d, i) => ({
      id: `todo-platform.${slug}.${i + 1}`,
      documentId: `todo-platform.${slug}`,
      title: `TODO: ${KIND_NAMES[d.kinds[0]!]}`,
      quote: { exact: d.text, prefix: context(text, d.start - 200, d.start, 'prefix'), suffix: context(text, d.end, d.end + 200, 'suffix') },
      severity: SUGGESTED_SEVERITY[d.kinds[0]!],
      categories: [...new Set(d.kinds.map((k) => KIND_CATEGORY[k]))],
      impact: '',
      whyItMatters: '',
      firstTracked: date,
      lastVerified: date,
      provenance: { sourceUrl: 'https://todo.invalid/' },
    })),
  };
}

export async function detect(io: Io, file: string, options: DetectOptions): Promise<number> {
  if (options.json && options.draft) throw new CliError('detect takes --json or --draft, not both.', 2);
  const page = await loadSavedPage(io, file);
  let text: string;
  try {
    text = extractText(page.document.body, { isHidden }).text;
  } finally {
    await page.close();
  }
  const model = bundledModel();
  const detections = detectClauses(model, text);
  const units: DetectedUnit[] = detections.map((d) => ({
    text: d.text,
    start: d.start,
    end: d.end,
    kinds: d.kinds,
    confidence: Number(d.confidence.toFixed(3)),
    why: why(model, d.text, d.kinds[0]!, 3, d.context).map((r) => r.text),
  }));
  if (options.json) {
    io.stdout(JSON.stringify(units, null, 2));
    return 0;
  }
  if (options.draft) {
    io.stdout(JSON.stringify(draftPack(file, text, detections, options.date), null, 2));
    return 0;
  }
  const threshold = Math.round(model.file.readerThreshold * 100);
  io.stdout(`${file}: ${units.length} clause${units.length === 1 ? '' : 's'} detected automatically (not reviewed), at ${threshold}% confidence or more.`);
  for (const unit of units) {
    const excerpt = unit.text.length > 200 ? `${unit.text.slice(0, 199)}…` : unit.text;
    io.stdout(`\n  ${Math.round(unit.confidence * 100)}%  ${unit.kinds.map((k) => KIND_NAMES[k]).join(', ')}  [${unit.start}-${unit.end}]`);
    io.stdout(`      ${excerpt}`);
    if (unit.why.length > 0) io.stdout(`      why: ${unit.why.map((w) => `"${w}"`).join(', ')}`);
  }
  return 0;
}
