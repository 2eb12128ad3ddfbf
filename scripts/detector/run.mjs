#!/usr/bin/env node
/**
 * `npm run train` / `npm run bench:detector`: loads scripts/detector/<train|bench>.ts through
 * vite's runnerImport (TypeScript that shares src/detector, no compile step) and runs its main
 * on the shared corpus (../shared/corpus, or $TERMLIGHT_CORPUS).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const name = process.argv[2];
if (name !== 'train' && name !== 'bench') {
  console.error('Usage: node scripts/detector/run.mjs <train|bench>');
  process.exit(2);
}
const { module } = await runnerImport(path.join(root, `scripts/detector/${name}.ts`), { root, configFile: false, logLevel: 'error' });
const { module: corpus } = await runnerImport(path.join(root, 'scripts/detector/corpus.ts'), { root, configFile: false, logLevel: 'error' });
process.exitCode = module.main(corpus.corpusDir(root));
