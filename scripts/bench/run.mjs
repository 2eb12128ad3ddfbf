#!/usr/bin/env node
/**
 * `npm run bench`: loads the TypeScript bench (scripts/bench/main.ts) through vite's
 * runnerImport, as scripts/demo.mjs does for the e2e harness, and runs it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const { module } = await runnerImport(path.join(root, 'scripts/bench/main.ts'), { root, configFile: false, logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2));
// Not run here (it imports the whole ToS;DR export, minutes): the popup's and the badge's timings.
console.log('Popup list, badge and first search after an import, in both browsers: npm run bench:glance');
