/**
 * The maintainers' records tool: `npm run records -- <command>` (scripts/records.mjs loads this
 * file through vite, so it runs the extension's own TypeScript: the same schema, importer, text
 * extraction, matcher and fingerprint). `run` is the whole CLI, with its output injectable.
 */
import { check } from './check';
import { convertTosdr } from './convert';
import { detect } from './detect';
import { fingerprintBundled } from './fingerprint';
import { hash } from './hash';
import { CliError, type Io } from './io';
import { validate } from './validate';

export type { Io } from './io';

export const USAGE = `Termlight records tool

Usage: npm run records -- <command> [arguments]

Commands:
  validate <pack.json|bundled>...
      Validate packs: counts when valid, otherwise every problem with its JSON path.
      "bundled" is the pack shipped with the extension.
  convert-tosdr <service.json|dir>... --out <pack.json|-> [--date YYYY-MM-DD]
      Convert ToS;DR service exports (a directory means its *.json) into one pack "tosdr".
      "--out -" writes the pack to stdout. --date dates the records (default: today).
  hash <saved-page.html|.md|.txt>... [--selector <css>]
      The normalised SHA-256 of a saved copy of a document, as the extension computes it
      (hidden elements, display:none, left out). --selector: the main content region
      (e.g. main); default: the whole body.
  check <pack.json|bundled> <documentId>=<saved-file>... [--corpus <dir>] [--selector <css>]
      Anchor every record of each document in its saved copy, in the whole page as the
      extension does; exit 1 if a quote is not found. The fingerprint covers the document's
      content selector, or --selector <css> instead.
      --corpus <dir>: take each document's copy from the shared corpus (Open Terms Archive
      current versions, matched by the document's url).
  fingerprint-bundled --corpus <dir> [--date YYYY-MM-DD]
      Record in src/records/bundled/*.json each document's verified fingerprint, content
      selector and version history from the corpus (after checking the records against it).
  detect <saved-page.html|.md|.txt> [--json] [--draft]
      Find potentially unfair clauses with the extension's detector (its text extraction and
      model): the sentences at or above the confidence shown to readers, their kinds and the
      words that weighed most. --json: one JSON array of {text, start, end, kinds, confidence,
      why}. --draft: a pack skeleton with a record per detection, for a maintainer to complete.
  help
      This text.

Saved copies: .html/.htm (parsed, no scripts run), .md (rendered with marked), .txt (read as
Markdown, "•" lines as list items). Exit codes: 0 ok, 1 a check or file failed, 2 bad usage.`;

type OptionName = 'out' | 'date' | 'selector' | 'corpus' | 'json' | 'draft';

/** Options that take no value. */
const FLAGS: ReadonlySet<OptionName> = new Set(['json', 'draft']);

const COMMAND_OPTIONS: Record<string, OptionName[]> = {
  validate: [],
  'convert-tosdr': ['out', 'date'],
  hash: ['selector'],
  check: ['corpus', 'selector'],
  'fingerprint-bundled': ['corpus', 'date'],
  detect: ['json', 'draft'],
};

interface Parsed {
  positional: string[];
  options: Partial<Record<OptionName, string>>;
}

function parseArgs(command: string, args: string[]): Parsed {
  const allowed = COMMAND_OPTIONS[command]!;
  const parsed: Parsed = { positional: [], options: {} };
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyPositional || !arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq === -1 ? arg.slice(2) : arg.slice(2, eq)) as OptionName;
    if (!allowed.includes(name)) {
      throw new CliError(`"${command}" has no option --${name}.`, 2);
    }
    if (FLAGS.has(name)) {
      if (eq !== -1) throw new CliError(`--${name} takes no value.`, 2);
      parsed.options[name] = 'yes';
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < args.length) value = args[++i];
    if (!value) throw new CliError(`--${name} needs a value.`, 2);
    if (parsed.options[name] !== undefined) throw new CliError(`--${name} is given twice.`, 2);
    parsed.options[name] = value;
  }
  return parsed;
}

async function dispatch(command: string, { positional, options }: Parsed, io: Io): Promise<number> {
  switch (command) {
    case 'validate':
      if (positional.length === 0) throw new CliError('validate needs at least one pack file (or "bundled").', 2);
      return validate(io, positional);
    case 'convert-tosdr':
      if (positional.length === 0) throw new CliError('convert-tosdr needs at least one ToS;DR export file or directory.', 2);
      if (!options.out) throw new CliError('convert-tosdr needs --out <pack.json> (or --out - for stdout).', 2);
      if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
        throw new CliError(`--date must be a date as YYYY-MM-DD, not "${options.date}".`, 2);
      }
      return convertTosdr(io, positional, { out: options.out, ...(options.date ? { date: options.date } : {}) });
    case 'hash':
      if (positional.length === 0) throw new CliError('hash needs a saved page (.html, .md or .txt).', 2);
      return hash(io, positional, options.selector);
    case 'check': {
      const [pack, ...pairs] = positional;
      if (!pack) throw new CliError('check needs a pack file (or "bundled") and <documentId>=<saved-file> pairs.', 2);
      if (pairs.length === 0 && !options.corpus) {
        throw new CliError('check needs <documentId>=<saved-file> pairs, or --corpus <dir>.', 2);
      }
      return check(io, pack, pairs, options);
    }
    case 'fingerprint-bundled':
      if (!options.corpus) throw new CliError('fingerprint-bundled needs --corpus <dir>.', 2);
      return fingerprintBundled(io, options.corpus, options.date ?? new Date().toISOString().slice(0, 10));
    case 'detect':
      if (positional.length !== 1) throw new CliError('detect needs one saved page (.html, .md or .txt).', 2);
      return detect(io, positional[0]!, {
        json: options.json !== undefined,
        draft: options.draft !== undefined,
        date: new Date().toISOString().slice(0, 10),
      });
    default:
      throw new CliError(`Unknown command "${command}".`, 2);
  }
}

/** Runs the CLI on `argv` (the arguments after the script name); resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || ['help', '--help', '-h'].includes(command) || args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    if (!(command in COMMAND_OPTIONS)) throw new CliError(`Unknown command "${command}".`, 2);
    return await dispatch(command, parseArgs(command, args), io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(error.message);
      if (error.exitCode === 2) io.stderr(`\n${USAGE}`);
      return error.exitCode;
    }
    // Not foreseen: still a sentence, not a stack trace.
    io.stderr(`records ${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
