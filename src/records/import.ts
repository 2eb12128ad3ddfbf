/**
 * Turns a file a user picked into a validated pack, whatever it holds: a Termlight pack or
 * a ToS;DR service export. Every failure is a sentence the options page can show as is.
 */
import { t } from '../i18n/t';
import type { Problem } from '../messages/protocol';
import { parsePack, type Pack } from './schema';
import { convertTosdrService, looksLikeTosdr } from './tosdr';

/** Larger files are refused before parsing: no real pack comes close. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportParse =
  | { ok: true; pack: Pack; format: 'termlight' | 'tosdr'; skipped: number }
  | { ok: false; error: string; problem: Problem };

export function parseImportFile(name: string, text: string): ImportParse {
  if (text.length > MAX_IMPORT_BYTES) {
    const limitMb = MAX_IMPORT_BYTES / 1024 / 1024;
    return { ok: false, error: t('importFileTooLarge', name, limitMb), problem: { kind: 'too-large', limitMb } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: t('importFileNotJson', name, (error as Error).message), problem: { kind: 'not-json' } };
  }
  if (looksLikeTosdr(json)) {
    const converted = convertTosdrService(json, name);
    return converted.ok
      ? { ok: true, pack: converted.pack, format: 'tosdr', skipped: converted.skipped }
      : {
          ok: false,
          error: t('importFileBadTosdr', name, converted.errors.join('; ')),
          problem: { kind: 'invalid', format: 'tosdr', issues: converted.errors },
        };
  }
  if (typeof json === 'object' && json !== null && 'schemaVersion' in json) {
    const result = parsePack(json);
    return result.ok
      ? { ok: true, pack: result.pack, format: 'termlight', skipped: 0 }
      : {
          ok: false,
          error: t('importFileBadPack', name, result.errors.join('; ')),
          problem: { kind: 'invalid', format: 'termlight', issues: result.errors },
        };
  }
  return { ok: false, error: t('importFileUnknown', name), problem: { kind: 'unknown-file' } };
}
