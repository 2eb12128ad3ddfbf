/**
 * "Found in N of M platforms": how a record's categories read across every platform in the
 * store, with the other platforms' worst clause in each.
 */
import { CATEGORIES, type Category, type Severity } from '../records/taxonomy';
import { cached } from './cache';
import type { Database, StoredRecord } from './db';
import { bySeverity, excerpt } from './lookup';

export interface ComparisonEntry {
  platformId: string;
  platformName: string;
  recordKey: string;
  title: string;
  severity: Severity;
  excerpt: string;
}

export interface CategoryComparison {
  category: Category;
  label: string;
  /** Distinct platforms with a record in this category, this record's platform included. */
  platformsWith: number;
  /** Distinct platforms in the whole store. */
  totalPlatforms: number;
  /** The other platforms' worst record in this category, worst first. */
  others: ComparisonEntry[];
}

/** Platform id → name, one entry per platform however many sources describe it. */
export function platformNames(db: Database): Promise<Map<string, string>> {
  return cached(db, 'platformNames', async () => {
    const names = new Map<string, string>();
    for (const platform of await db.getAll('platforms')) {
      if (!names.has(platform.id)) names.set(platform.id, platform.name);
    }
    return names;
  });
}

/** Per platform, its worst record in a category. */
function worstByPlatform(db: Database, category: Category): Promise<Map<string, StoredRecord>> {
  return cached(db, `category:${category}`, async () => {
    const worst = new Map<string, StoredRecord>();
    for (const row of bySeverity(await db.getAllFromIndex('records', 'categories', category))) {
      if (!worst.has(row.platformId)) worst.set(row.platformId, row);
    }
    return worst;
  });
}

/** "Found in N of M platforms", per category of the record, with the others' excerpts. */
export async function compareRecord(
  db: Database,
  record: StoredRecord,
  names?: Map<string, string>,
): Promise<CategoryComparison[]> {
  const platforms = names ?? (await platformNames(db));
  const result: CategoryComparison[] = [];
  for (const category of record.categories) {
    const worst = await worstByPlatform(db, category);
    const others = bySeverity([...worst.values()].filter((row) => row.platformId !== record.platformId)).map(
      (row) => ({
        platformId: row.platformId,
        platformName: platforms.get(row.platformId) ?? row.platformId,
        recordKey: row.key,
        title: row.title,
        severity: row.severity,
        excerpt: excerpt(row.quote.exact),
      }),
    );
    result.push({
      category,
      label: CATEGORIES[category],
      platformsWith: others.length + 1,
      totalPlatforms: platforms.size,
      others,
    });
  }
  return result;
}
