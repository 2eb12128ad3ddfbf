/**
 * The popup's documents of a page, one entry per document: a page that Termlight's records
 * and an import (ToS;DR) both describe matches twice, and was listed twice, under two titles.
 */
import type { TabView } from '../messages/protocol';
import { sameDocument, type DocumentLike } from '../records/same-document';
import type { Database } from '../store/db';

type Entry = TabView['documents'][number];

/**
 * Entries of one platform that are the same document (same-document.ts, with each entry's URL
 * patterns and source from the store) become one: the entry with a recorded fingerprint leads
 * (its verification tells whether the page still reads as verified), and its `source` names
 * every source that describes the page.
 */
export async function oneEntryPerDocument(db: Database, entries: readonly Entry[]): Promise<Entry[]> {
  const stored = await Promise.all(entries.map((entry) => db.get('documents', entry.key)));
  const asDocument = (entry: Entry, i: number): DocumentLike => ({
    title: entry.title,
    url: entry.url,
    urlPatterns: stored[i]?.urlPatterns,
    packId: stored[i]?.packId,
  });
  const groups: { entry: Entry; doc: DocumentLike }[][] = [];
  entries.forEach((entry, i) => {
    const doc = asDocument(entry, i);
    const group = groups.find((g) => g.some((other) => other.entry.platformName === entry.platformName && sameDocument(other.doc, doc)));
    if (group) group.push({ entry, doc });
    else groups.push([{ entry, doc }]);
  });
  return groups.map((members) => {
    const group = members.map((m) => m.entry);
    const lead = group.find((e) => e.verification.state !== 'unknown') ?? group[0]!;
    const sources = [...new Set(group.map((e) => e.source))];
    return sources.length > 1 ? { ...lead, source: sources.join(', ') } : lead;
  });
}
