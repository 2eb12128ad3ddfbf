#!/usr/bin/env node
/**
 * `node scripts/bench/glance.mjs [chromium] [firefox] [--opens=N]` after a build (TERMLIGHT_DIST as for the
 * e2e tests): how fast the popup list, the badge and the first search after an import come (scripts/bench/glance.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const { module } = await runnerImport(path.join(root, 'scripts/bench/glance.ts'), { root, configFile: false, logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2));
