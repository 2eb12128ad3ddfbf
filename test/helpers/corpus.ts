/**
 * Where the shared corpus lives (other people's texts, read at run time, never copied here):
 * $TERMLIGHT_CORPUS when set (point it at a missing folder to see how tests run without one),
 * else ../shared/corpus beside the repository. Tests that need it check `hasCorpus`; when it
 * is absent this says so plainly once.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string path: DOM test environments replace the global URL class.
const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_DIR = `${resolve(here, '../../../shared')}/`;
export const CORPUS_DIR = `${process.env.TERMLIGHT_CORPUS ? resolve(process.env.TERMLIGHT_CORPUS) : `${SHARED_DIR}corpus`}/`;
export const hasCorpus = existsSync(`${CORPUS_DIR}ota`);

if (!hasCorpus) {
  console.warn(`[termlight] no corpus at ${CORPUS_DIR}: the tests on real documents say so and skip.`);
}
