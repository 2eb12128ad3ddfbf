/**
 * Where the shared corpus lives (other people's texts, read at run time, never copied here).
 * Tests that need it check `hasCorpus`; when it is absent this says so plainly once.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string path: DOM test environments replace the global URL class.
const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_DIR = `${resolve(here, '../../../shared')}/`;
export const CORPUS_DIR = `${SHARED_DIR}corpus/`;
export const hasCorpus = existsSync(`${CORPUS_DIR}SOURCES.md`);

if (!hasCorpus) {
  console.warn(`[termlight] ../shared/corpus is absent (looked in ${CORPUS_DIR}): corpus tests are skipped.`);
}
