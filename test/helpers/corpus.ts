/**
 * Where the shared corpus lives (other people's texts, read at run time, never copied here).
 * Tests that need it call `corpusOrSkip()`, which says plainly when it is absent.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const CORPUS_DIR = `${SHARED_DIR}corpus/`;
export const hasCorpus = existsSync(`${CORPUS_DIR}SOURCES.md`);

if (!hasCorpus) {
  console.warn(`[termlight] ../shared/corpus is absent (looked in ${CORPUS_DIR}): corpus tests are skipped.`);
}
