/**
 * The records shipped inside the extension: one fragment per platform, merged into one pack.
 * Validated like any other pack when it is loaded (background/bundled.ts).
 */
import anthropic from './anthropic.json';
import openai from './openai.json';

export const BUNDLED_PACK_ID = 'termlight-bundled';

const fragments = [anthropic, openai];

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
