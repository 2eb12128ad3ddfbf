#!/usr/bin/env node
/**
 * `node scripts/bench/reach.mjs [chromium] [firefox]` after a build (TERMLIGHT_DIST as for the
 * e2e tests): automatic highlights measured on the corpus (scripts/bench/reach.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const { module } = await runnerImport(path.join(root, 'scripts/bench/reach.ts'), { root, configFile: false, logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2));
