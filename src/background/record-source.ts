/**
 * Each record's source as the card, the popup and the badge title are told it (the wire's
 * `source`, said in words by ui/record-source.ts). Built here, where the store is: the content
 * script has none.
 */
import { BUNDLED_PACK_ID } from '../records/bundled';
import { tosdrDataDate } from '../records/tosdr-version';
import type { Database, PackMeta } from '../store/db';
import type { RecordSource } from '../ui/record-source';

/**
 * The source of a pack's records; undefined for the records shipped with Termlight. A pack
 * that calls itself bundled but is not the shipped one was imported, and is shown so. A ToS;DR
 * pack's data is dated by the latest date its export holds (its version), never by the day it
 * was converted; other packs by the date they give.
 */
export function recordSource(pack: Pick<PackMeta, 'packId' | 'packVersion' | 'publishedAt' | 'source'>): RecordSource | undefined {
  const { source } = pack;
  if (source.kind === 'bundled' && pack.packId === BUNDLED_PACK_ID) return undefined;
  const kind = source.kind === 'bundled' ? 'import' : source.kind;
  const dataDate = kind === 'tosdr' ? tosdrDataDate(pack.packVersion) : pack.publishedAt;
  return {
    kind,
    name: source.name,
    ...(source.attribution ? { credit: source.attribution } : {}),
    ...(source.licence ? { licence: source.licence } : {}),
    ...(dataDate ? { dataDate } : {}),
  };
}

interface SourcedRecord {
  packId: string;
  provenance?: { attribution?: string | undefined; licence?: string | undefined };
}

/**
 * The sources of these records' packs, each pack read once: a function giving the field to
 * spread into a wire record (`{ source }`, or nothing for Termlight's own records). A record's
 * own credit and licence, when it has them, outrank its pack's.
 */
export async function sourcesFor(db: Database, records: readonly SourcedRecord[]): Promise<(record: SourcedRecord) => { source?: RecordSource }> {
  const packIds = [...new Set(records.map((r) => r.packId))];
  const packs = await Promise.all(packIds.map((id) => db.get('packs', id)));
  const sources = new Map(packIds.map((id, i) => [id, packs[i] && recordSource(packs[i])]));
  return (record) => {
    const source = sources.get(record.packId);
    if (!source) return {};
    const { attribution, licence } = record.provenance ?? {};
    return { source: { ...source, ...(attribution ? { credit: attribution } : {}), ...(licence ? { licence } : {}) } };
  };
}
