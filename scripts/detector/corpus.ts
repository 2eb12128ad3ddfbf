/**
 * The CLAUDETTE corpus (../shared/corpus/claudette: 50 terms of service and their annotated
 * spans) cut into the detector's units, each labelled with the kinds of the spans that overlap it.
 *
 * Labelling rule: a unit gets a span's kind when the span is one of the eight kinds, marked
 * potentially or clearly unfair (levels 2 and 3; clearly fair spans and "privacy included" are
 * not detections), and the overlap covers at least half of the shorter of the two. So a span
 * inside a sentence labels it, a span running over several sentences labels each it covers,
 * and a span that only grazes a neighbour (a stray character past a boundary) does not.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_CODES, KINDS, type Kind } from '../../src/detector/kinds';
import { sectionHeadings } from '../../src/detector/headings';
import { segment } from '../../src/detector/segment';

export interface Span {
  document: string;
  start: number;
  end: number;
  category_code: string;
  fairness: 'clearly_fair' | 'potentially_unfair' | 'clearly_unfair';
}

export interface LabelledUnit {
  document: string;
  text: string;
  start: number;
  end: number;
  /** Bit k set: the unit is of KINDS[k]. */
  kinds: number;
  /** The section heading it sits under, if any (src/detector/headings.ts). */
  heading: string | undefined;
  /** The unit before it in the document, if any. */
  previous: string | undefined;
  /** Highest fairness level among the spans that label it: 2 potentially, 3 clearly unfair; 0 none. */
  level: number;
}

export interface Corpus {
  documents: string[];
  units: LabelledUnit[];
  /** Unfair spans of the eight kinds, and how many of them label at least one unit. */
  spans: number;
  spansLabelling: number;
}

/** ../shared/corpus, or $TERMLIGHT_CORPUS, from the repository root. */
export function corpusDir(root: string): string {
  return process.env.TERMLIGHT_CORPUS ? path.resolve(process.env.TERMLIGHT_CORPUS) : path.resolve(root, '../shared/corpus');
}

export function hasClaudette(dir: string): boolean {
  return existsSync(path.join(dir, 'claudette', 'annotations.json'));
}

const LEVELS = { clearly_fair: 1, potentially_unfair: 2, clearly_unfair: 3 } as const;

/** Whether a span labels a unit (the rule above). */
export function overlapLabels(unit: { start: number; end: number }, span: { start: number; end: number }): boolean {
  const overlap = Math.min(unit.end, span.end) - Math.max(unit.start, span.start);
  if (overlap <= 0) return false;
  return overlap * 2 >= Math.min(unit.end - unit.start, span.end - span.start);
}

/** Reads and labels the corpus; throws a plain sentence when it is absent. */
export function loadCorpus(dir: string): Corpus {
  if (!hasClaudette(dir)) {
    throw new Error(`The CLAUDETTE corpus is not at ${path.join(dir, 'claudette')} (set TERMLIGHT_CORPUS to where it is).`);
  }
  const spans = JSON.parse(readFileSync(path.join(dir, 'claudette', 'annotations.json'), 'utf8')) as Span[];
  const documents = [...new Set(spans.map((s) => s.document))].sort();
  const units: LabelledUnit[] = [];
  let unfair = 0;
  let labelling = 0;
  for (const document of documents) {
    const text = readFileSync(path.join(dir, 'claudette', 'en', `${document}.txt`), 'utf8');
    const cut = segment(text);
    const headings = sectionHeadings(text, cut);
    const docUnits: LabelledUnit[] = cut.map((u, i) => ({ document, ...u, heading: headings[i], previous: cut[i - 1]?.text, kinds: 0, level: 0 }));
    for (const span of spans) {
      if (span.document !== document) continue;
      const kind: Kind | undefined = CORPUS_CODES[span.category_code];
      const level = LEVELS[span.fairness];
      if (!kind || level < 2) continue;
      unfair++;
      const bit = 1 << KINDS.indexOf(kind);
      let labelled = false;
      for (const unit of docUnits) {
        if (unit.end <= span.start || unit.start >= span.end || !overlapLabels(unit, span)) continue;
        unit.kinds |= bit;
        unit.level = Math.max(unit.level, level);
        labelled = true;
      }
      if (labelled) labelling++;
    }
    units.push(...docUnits);
  }
  return { documents, units, spans: unfair, spansLabelling: labelling };
}
