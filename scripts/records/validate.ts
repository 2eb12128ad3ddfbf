/** `validate <pack.json|bundled>...`: every problem of every pack, each with its JSON path. */
import { looksLikeTosdr } from '../../src/records/tosdr';
import { checkPack, CliError, packJson, plural, type Io } from './io';

export async function validate(io: Io, files: string[]): Promise<number> {
  let invalid = 0;
  for (const file of files) {
    let json: unknown;
    try {
      json = await packJson(io, file);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.stdout(`INVALID ${file}\n  ${error.message}`);
      invalid++;
      continue;
    }
    const result = checkPack(json);
    if (result.ok) {
      const { pack } = result;
      io.stdout(
        `OK      ${file}: ${pack.packId} ${pack.packVersion}, ${plural(pack.platforms.length, 'platform')}, ` +
          `${plural(pack.documents.length, 'document')}, ${plural(pack.records.length, 'record')}`,
      );
      continue;
    }
    invalid++;
    io.stdout(`INVALID ${file}: ${plural(result.problems.length, 'problem')}`);
    if (looksLikeTosdr(json)) {
      io.stdout('  This is a ToS;DR service export, not a Termlight pack: convert it with "convert-tosdr".');
      continue;
    }
    for (const problem of result.problems) io.stdout(`  ${problem}`);
  }
  if (files.length > 1) io.stdout(`${plural(files.length - invalid, 'valid pack')}, ${invalid} invalid`);
  return invalid > 0 ? 1 : 0;
}
