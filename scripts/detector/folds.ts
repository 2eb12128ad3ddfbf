/**
 * By-document folds for cross-validation: every document in exactly one fold, so no document is
 * ever in both training and test. Made once by `makeFolds` (a seeded shuffle of the sorted
 * names, dealt round-robin) and committed as folds.json, which training and the bench read.
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from './linear';

export interface FoldsFile {
  seed: number;
  /** folds[f] = the documents of fold f. */
  folds: string[][];
}

export const FOLDS_FILE = new URL('./folds.json', import.meta.url);

export function makeFolds(documents: string[], k: number, seed: number): FoldsFile {
  const names = [...documents].sort();
  const random = seededRandom(seed);
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const folds: string[][] = Array.from({ length: k }, () => []);
  names.forEach((name, i) => folds[i % k]!.push(name));
  for (const fold of folds) fold.sort();
  return { seed, folds };
}

/** The committed folds, checked against the corpus's documents (each exactly once). */
export function readFolds(documents: string[]): FoldsFile {
  const file = JSON.parse(readFileSync(FOLDS_FILE, 'utf8')) as FoldsFile;
  const listed = file.folds.flat().sort();
  const expected = [...documents].sort();
  if (listed.length !== expected.length || listed.some((d, i) => d !== expected[i])) {
    throw new Error('scripts/detector/folds.json does not list the corpus documents exactly once each.');
  }
  return file;
}
