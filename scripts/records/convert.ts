/**
 * `convert-tosdr <service.json|dir>... --out <pack.json|->`: ToS;DR service exports merged into
 * one pack `tosdr`. Each service is converted by the extension's own importer (so its records
 * keep ToS;DR's credit and licence); services that cannot be converted are reported and left out.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePack, type Pack } from '../../src/records/schema';
import { convertTosdrService, TOSDR_ATTRIBUTION, TOSDR_LICENCE } from '../../src/records/tosdr';
import { CliError, expandJsonFiles, plural, readJson, resolvePath, type Io } from './io';

export const MERGED_PACK_ID = 'tosdr';

export interface ConvertOptions {
  out: string;
  /** firstTracked/lastVerified/publishedAt of the records (default: today). */
  date?: string;
}

export async function convertTosdr(io: Io, args: string[], options: ConvertOptions): Promise<number> {
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  // With --out -, stdout carries the pack: the report goes to stderr.
  const report = options.out === '-' ? io.stderr : io.stdout;
  const files = [...new Set(await expandJsonFiles(io, args))];

  const packs: Pack[] = [];
  const failures: string[] = [];
  let skippedPoints = 0;
  for (const file of files) {
    let json: unknown;
    try {
      json = await readJson(io, file);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      failures.push(error.message);
      continue;
    }
    const result = convertTosdrService(json, path.basename(file), date);
    if (!result.ok) {
      failures.push(`${file} is not a usable ToS;DR service export: ${result.errors.join('; ')}.`);
      continue;
    }
    const { pack } = result;
    skippedPoints += result.skipped;
    const platform = pack.platforms[0]!;
    const skipped = [
      ...(result.skipped ? [`${plural(result.skipped, 'point')} skipped (no quote)`] : []),
      // The same quote of the same document listed twice: kept once (tosdr.ts, dedupePoints).
      ...(result.duplicates ? [`${plural(result.duplicates, 'repeated clause')} merged`] : []),
    ].join(', ');
    report(
      pack.records.length
        ? `${platform.id}: ${plural(pack.records.length, 'record')} in ${plural(pack.documents.length, 'document')}${skipped && `, ${skipped}`}`
        : `${platform.id}: no quoted point, left out${result.skipped ? ` (${plural(result.skipped, 'point')} without a quote)` : ''}`,
    );
    if (pack.records.length > 0) packs.push(pack);
  }

  for (const failure of failures) io.stderr(`Skipped: ${failure}`);
  if (packs.length === 0) {
    throw new CliError(`No records to write: none of the ${plural(files.length, 'file')} gave a quoted point.`);
  }

  const merged = parsePack({
    schemaVersion: 1,
    packId: MERGED_PACK_ID,
    packVersion: `tosdr-export-${date}`,
    publishedAt: date,
    source: {
      kind: 'tosdr',
      name: packs.length === 1 ? packs[0]!.source.name : `ToS;DR: ${plural(packs.length, 'service')}`,
      attribution: TOSDR_ATTRIBUTION,
      licence: TOSDR_LICENCE,
    },
    platforms: packs.flatMap((p) => p.platforms),
    documents: packs.flatMap((p) => p.documents),
    records: packs.flatMap((p) => p.records),
  });
  if (!merged.ok) throw new CliError(`The merged pack is not valid:\n${merged.errors.map((e) => `  ${e}`).join('\n')}`);

  const { pack } = merged;
  const json = `${JSON.stringify(pack, null, 2)}\n`;
  if (options.out === '-') {
    io.stdout(json.trimEnd());
  } else {
    try {
      await writeFile(resolvePath(io, options.out), json);
    } catch (error) {
      throw new CliError(`Cannot write ${options.out}: ${(error as Error).message}.`);
    }
  }
  const empty = files.length - failures.length - packs.length;
  report(
    `Wrote ${options.out === '-' ? 'the pack to stdout' : options.out}: ${plural(pack.platforms.length, 'platform')}, ` +
      `${plural(pack.documents.length, 'document')}, ${plural(pack.records.length, 'record')}; ` +
      `${plural(skippedPoints, 'point')} skipped (no quote)` +
      (empty ? `; ${plural(empty, 'service')} without a quoted point left out` : '') +
      (failures.length ? `; ${plural(failures.length, 'file')} could not be converted` : '') +
      '.',
  );
  report(`Records by ${TOSDR_ATTRIBUTION}, ${TOSDR_LICENCE}: anything derived from them must stay ${TOSDR_LICENCE}.`);
  return failures.length > 0 ? 1 : 0;
}
