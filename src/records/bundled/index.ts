/**
 * The records shipped inside the extension: one fragment file per platform in this folder
 * (`<platform>.json`, each `{ platforms, documents, records }`), merged into one pack.
 * Validated like any other pack when it is loaded (background/records-db.ts).
 */
import type { Pack } from '../schema';

export const BUNDLED_PACK_ID = 'termlight-bundled';

type Fragment = Pick<Pack, 'platforms' | 'documents' | 'records'>;

const fragments = Object.values(
  import.meta.glob<Fragment>('./*.json', { eager: true, import: 'default' }),
);

export function bundledPackJson(version: string): unknown {
  return {
    schemaVersion: 1,
    packId: BUNDLED_PACK_ID,
    packVersion: version,
    publishedAt: '2026-11-21',
    source: {
      kind: 'bundled',
      name: 'Termlight records',
      attribution: 'Termlight contributors',
      licence: 'CC BY 4.0',
    },
    platforms: fragments.flatMap((f) => f.platforms),
    documents: fragments.flatMap((f) => f.documents),
    records: fragments.flatMap((f) => f.records),
  };
}
