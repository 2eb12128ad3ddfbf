#!/usr/bin/env node
/**
 * `npm run records -- <command>`: the maintainers' records tool (see scripts/records/cli.ts, or
 * `npm run records -- help`). The tool is TypeScript that shares the extension's code; vite's
 * runnerImport loads it here without a compile step.
 *
 * npm runs scripts from the repository root: paths on the command line are read relative to the
 * directory npm was started from ($INIT_CWD).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

let cli;
try {
  ({ module: cli } = await runnerImport(path.join(root, 'scripts/records/cli.ts'), {
    root,
    configFile: false,
    logLevel: 'error',
  }));
} catch (error) {
  console.error(`The records tool could not be loaded: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

// Output piped into `head` and the like: stop quietly when the reader goes away.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await cli.run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  cwd: process.env.INIT_CWD || process.cwd(),
});
process.exitCode = code;
