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

/**
 * Per category, each platform's worst record in it as an entry, worst first (ties in key order):
 * every category built in one read of the records, once per store generation, so a popup
 * comparing dozens of records over thousands compares each against a ready list.
 */
function comparisonTables(db: Database): Promise<Map<Category, ComparisonEntry[]>> {
  return cached(db, 'comparisonTables', async () => {
    const [platforms, rows] = await Promise.all([platformNames(db), db.getAll('records')]);
    const worst = new Map<Category, Map<string, StoredRecord>>();
    for (const row of bySeverity(rows)) {
      for (const category of new Set(row.categories)) {
        let byPlatform = worst.get(category);
        if (!byPlatform) worst.set(category, (byPlatform = new Map<string, StoredRecord>()));
        if (!byPlatform.has(row.platformId)) byPlatform.set(row.platformId, row);
      }
    }
    const tables = new Map<Category, ComparisonEntry[]>();
    for (const [category, byPlatform] of worst) {
      tables.set(
        category,
        [...byPlatform.values()].map((row) => ({
          platformId: row.platformId,
          platformName: platforms.get(row.platformId) ?? row.platformId,
          recordKey: row.key,
          title: row.title,
          severity: row.severity,
          excerpt: excerpt(row.quote.exact),
        })),
      );
    }
    return tables;
  });
}

/**
 * Starts building the comparison tables if this store generation has none, so that they are
 * ready by the time the popup's records are read ('popup/tab' calls it first).
 */
export async function warmComparisons(db: Database): Promise<void> {
  await comparisonTables(db);
}

/**
 * "Found in N of M platforms", per category of the record, with the others' excerpts: all of
 * them, or the `limit` worst (the counts are the same either way).
 */
export async function compareRecord(db: Database, record: StoredRecord, options: { limit?: number } = {}): Promise<CategoryComparison[]> {
  const [platforms, tables] = await Promise.all([platformNames(db), comparisonTables(db)]);
  return record.categories.map((category) => {
    const others = (tables.get(category) ?? []).filter((entry) => entry.platformId !== record.platformId);
    return {
      category,
      label: CATEGORIES[category],
      platformsWith: others.length + 1,
      totalPlatforms: platforms.size,
      others: options.limit === undefined ? others : others.slice(0, options.limit),
    };
  });
}
