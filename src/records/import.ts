/**
 * Turns a file a user picked into a validated pack, whatever it holds: a Termlight pack or
 * a ToS;DR service export. Every failure is a sentence the options page can show as is.
 */
import { parsePack, type Pack } from './schema';
import { convertTosdrService, looksLikeTosdr } from './tosdr';

/** Larger files are refused before parsing: no real pack comes close. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportParse =
  | { ok: true; pack: Pack; format: 'termlight' | 'tosdr'; skipped: number }
  | { ok: false; error: string };

export function parseImportFile(name: string, text: string): ImportParse {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, error: `${name}: the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${name}: not valid JSON (${(error as Error).message})` };
  }
  if (looksLikeTosdr(json)) {
    const converted = convertTosdrService(json, name);
    return converted.ok
      ? { ok: true, pack: converted.pack, format: 'tosdr', skipped: converted.skipped }
      : { ok: false, error: `${name}: not a usable ToS;DR export: ${converted.errors.join('; ')}` };
  }
  if (typeof json === 'object' && json !== null && 'schemaVersion' in json) {
    const result = parsePack(json);
    return result.ok
      ? { ok: true, pack: result.pack, format: 'termlight', skipped: 0 }
      : { ok: false, error: `${name}: not a valid Termlight pack: ${result.errors.join('; ')}` };
  }
  return {
    ok: false,
    error: `${name}: neither a Termlight pack (no "schemaVersion") nor a ToS;DR service export (no "pointsData")`,
  };
}
