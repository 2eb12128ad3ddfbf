/**
 * Shared plumbing of the records CLI: where output goes, errors that are sentences, and reading
 * the files a maintainer names (packs, ToS;DR exports), relative to the directory they ran from.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { bundledPackJson } from '../../src/records/bundled';
import { packSchema, describeIssues, type Pack } from '../../src/records/schema';

/** Where the CLI writes, and the directory relative paths are read from. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Default: process.cwd(). */
  cwd?: string;
}

/** A failure the user can act on: its message is printed as is, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 2: the command line itself is wrong (usage is printed too); 1: anything else. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** The name that stands for the pack shipped inside the extension. */
export const BUNDLED = 'bundled';

export const resolvePath = (io: Io, file: string): string => path.resolve(io.cwd ?? process.cwd(), file);

/** Why a file could not be read, as a sentence ("no such file", "is a directory", …). */
function readProblem(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : error instanceof Error
            ? error.message
            : String(error);
  return new CliError(`Cannot read ${file}: ${reason}.`);
}

export async function readText(io: Io, file: string): Promise<string> {
  try {
    return await readFile(resolvePath(io, file), 'utf8');
  } catch (error) {
    throw readProblem(file, error);
  }
}

export async function readJson(io: Io, file: string): Promise<unknown> {
  const text = await readText(io, file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}.`);
  }
}

/** The version the bundled pack is given here: the extension's own (package.json). */
async function extensionVersion(): Promise<string> {
  try {
    const json = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The unvalidated JSON of a pack argument: a file, or `bundled`. */
export async function packJson(io: Io, arg: string): Promise<unknown> {
  return arg === BUNDLED ? bundledPackJson(await extensionVersion()) : readJson(io, arg);
}

export type PackCheck = { ok: true; pack: Pack } | { ok: false; problems: string[] };

/** Validates pack JSON, listing every problem (not only the first ten) with its JSON path. */
export function checkPack(json: unknown): PackCheck {
  const result = packSchema.safeParse(json);
  return result.success ? { ok: true, pack: result.data } : { ok: false, problems: describeIssues(result.error, Infinity) };
}

/** A valid pack or an error listing why not (for commands that need one to work on). */
export async function loadPack(io: Io, arg: string): Promise<Pack> {
  const result = checkPack(await packJson(io, arg));
  if (result.ok) return result.pack;
  const shown = result.problems.slice(0, 10).map((p) => `  ${p}`);
  if (result.problems.length > 10) shown.push(`  … and ${result.problems.length - 10} more (see "validate ${arg}")`);
  throw new CliError(`${arg} is not a valid pack:\n${shown.join('\n')}`);
}

/** Files named on the command line, with each directory replaced by its *.json files (sorted). */
export async function expandJsonFiles(io: Io, args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    let isDir: boolean;
    try {
      isDir = (await stat(resolvePath(io, arg))).isDirectory();
    } catch (error) {
      throw readProblem(arg, error);
    }
    if (!isDir) {
      files.push(arg);
      continue;
    }
    const names = (await readdir(resolvePath(io, arg))).filter((n) => n.toLowerCase().endsWith('.json')).sort();
    if (names.length === 0) throw new CliError(`${arg} holds no .json files.`);
    files.push(...names.map((n) => path.join(arg, n)));
  }
  return files;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
