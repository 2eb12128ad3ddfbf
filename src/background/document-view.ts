/**
 * A stored document as the popup and the record page show it: one builder, so both tell the
 * same date story (ui/date-story.ts) from the same fields.
 */
import type { TabView, Verification } from '../messages/protocol';
import type { Database } from '../store/db';
import { recordSource } from './record-source';

export type DocumentView = TabView['documents'][number];

/**
 * The document `key` with its pack, or null when either is gone. `verified`: what the tab's page
 * said about it, when the page was compared; otherwise 'pending' when there is a fingerprint to
 * compare with, else 'unknown'.
 */
export async function documentView(
  db: Database,
  key: string,
  names: ReadonlyMap<string, string>,
  verified?: Verification,
): Promise<DocumentView | null> {
  const doc = await db.get('documents', key);
  const pack = doc && (await db.get('packs', doc.packId));
  if (!doc || !pack) return null;
  const dataSource = recordSource(pack);
  return {
    key,
    title: doc.title,
    platformName: names.get(doc.platformId) ?? doc.platformId,
    url: doc.url ?? '',
    ...(doc.lastUpdated ? { lastUpdated: doc.lastUpdated } : {}),
    ...(doc.lastVerified ? { lastVerified: doc.lastVerified } : {}),
    ...(doc.sha256 ? { sha256: doc.sha256 } : {}),
    source: pack.source.name,
    ...(dataSource ? { dataSource } : {}),
    verification: verified ?? {
      documentKey: key,
      state: doc.sha256 ? 'pending' : 'unknown',
      ...(doc.lastVerified ? { verifiedOn: doc.lastVerified } : {}),
    },
    history: (doc.history ?? []).map((h) => ({ date: h.date, ...(h.sha256 ? { sha256: h.sha256 } : {}), summary: h.summary })),
  };
}
