/**
 * The shared corpus (see ../shared/corpus/SOURCES.md), read at run time and never copied into
 * the repository: OTA documents, ToS;DR points and CLAUDETTE spans, typed as far as we use them.
 */
import { readFileSync } from 'node:fs';
import { CORPUS_DIR, hasCorpus } from '../../test/helpers/corpus';

export { CORPUS_DIR, hasCorpus };

/** Levels at which the staging found a quote verbatim up to whitespace, punctuation or case. */
export const PRESENT_LEVELS: ReadonlySet<string> = new Set(['exact', 'whitespace', 'punct_case']);

export interface MatchInfo {
  file: string;
  level: string;
}

export interface Point {
  id: string;
  service: string;
  document_type: string;
  quote_text: string;
  title: string;
  match: { current: MatchInfo; snapshot?: MatchInfo };
}

export interface ClaudetteSpan {
  id: string;
  document: string;
  quote_text: string;
  category_code: string;
  ota_service: string;
  ota_match?: { current_level: string };
}

export interface OtaDocument {
  role: 'current' | 'snapshot_best_match_for_tosdr_quotes';
  service: string;
  terms_type: string;
  file: string;
  fetch_urls?: string[];
}

export interface Corpus {
  dir: string;
  points: Point[];
  claudette: ClaudetteSpan[];
  documents: OtaDocument[];
  /** A corpus file's text (path relative to the corpus folder), read once. */
  read(file: string): string;
}

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as T;

export function loadCorpus(dir = CORPUS_DIR): Corpus {
  const cache = new Map<string, string>();
  return {
    dir,
    points: readJson<Point[]>(dir, 'tosdr/points.json'),
    claudette: readJson<ClaudetteSpan[]>(dir, 'claudette/annotations.json'),
    documents: readJson<OtaDocument[]>(dir, 'ota/documents.json'),
    read(file) {
      let text = cache.get(file);
      if (text === undefined) cache.set(file, (text = readFileSync(`${dir}${file}`, 'utf8')));
      return text;
    },
  };
}

/** `ota/current/<Service>/<Type>.md` → service and type. */
export function serviceOf(file: string): string {
  return file.split('/')[2]!;
}
export function typeOf(file: string): string {
  return file.split('/')[3]!.replace(/(@[^.]*)?\.md$/, '');
}
