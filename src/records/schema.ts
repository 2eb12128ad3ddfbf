/**
 * The records pack: the one format Termlight reads records from (bundled, imported, or fed).
 * Validated in full before anything is stored, so a bad pack can never half-replace a good one.
 * Lives outside the content script: zod is too large to ship to every policy page.
 */
import { z } from 'zod';
import {
  CATEGORY_IDS,
  DOCUMENT_KINDS,
  PACK_SCHEMA_VERSION,
  SEVERITIES,
} from './taxonomy';
import { patternProblem } from './url-pattern';

const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must be lowercase letters, digits, ".", "_", ":" or "-"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
/** Exported for the ToS;DR converter, which checks addresses before it builds a pack. */
export const httpsUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) address');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

export const platformSchema = z.strictObject({
  id,
  name: text(200),
  domains: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a lowercase domain')).max(100),
  /**
   * A grade someone else gave the platform as a whole (e.g. ToS;DR's class "A".."E"), shown
   * with its source: never ours, so it always names who gave it.
   */
  rating: z.strictObject({ grade: text(20), source: text(200) }).optional(),
});

const urlPattern = z.string().superRefine((p, ctx) => {
  const problem = patternProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: `URL pattern ${problem}` });
});

export const documentSchema = z.strictObject({
  id,
  platformId: id,
  title: text(300),
  kind: z.enum(DOCUMENT_KINDS),
  /** Absent when the source names the document but not its address (some ToS;DR exports). */
  url: httpsUrl.optional(),
  /** Empty for such documents: searchable and compared, never matched to a page. */
  urlPatterns: z.array(urlPattern).max(50),
  lastUpdated: isoDate.optional(),
  lastVerified: isoDate.optional(),
  /**
   * SHA-256 of the document's normalised text when it was verified (anchoring/document-hash.ts),
   * taken over `contentSelector`'s region when one is given, else the whole body.
   */
  sha256: sha256.optional(),
  /** CSS selector of the main content region, as Open Terms Archive declarations scope pages. */
  contentSelector: z.string().min(1).max(300).optional(),
  history: z
    .array(z.strictObject({ date: isoDate, sha256: sha256.optional(), summary: text(1000) }))
    .max(200)
    .optional(),
});

/** W3C TextQuoteSelector: the clause itself plus a little context to tell repeats apart. */
export const quoteSchema = z.strictObject({
  exact: text(10_000),
  prefix: z.string().max(500).optional(),
  suffix: z.string().max(500).optional(),
});

export const provenanceSchema = z.strictObject({
  sourceUrl: httpsUrl,
  archiveUrl: httpsUrl.optional(),
  /** Who wrote the analysis, when it is not us (imports keep their credit). */
  attribution: text(500).optional(),
  licence: text(200).optional(),
});

export const recordSchema = z.strictObject({
  id,
  documentId: id,
  title: text(300),
  quote: quoteSchema,
  severity: z.enum(SEVERITIES),
  categories: z.array(z.enum(CATEGORY_IDS)).min(1).max(10),
  /**
   * What the clause means for the reader, in a line; absent when the source gives none beyond
   * the title (most ToS;DR points): a line that repeats the title is left out, not shown twice.
   */
  impact: text(500).optional(),
  whyItMatters: text(4000),
  notes: z.array(text(4000)).max(20).optional(),
  firstTracked: isoDate,
  lastVerified: isoDate,
  provenance: provenanceSchema,
});

export const packSourceSchema = z.strictObject({
  kind: z.enum(['bundled', 'tosdr', 'import', 'feed']),
  name: text(200),
  url: httpsUrl.optional(),
  attribution: text(500).optional(),
  licence: text(200).optional(),
});

export const packSchema = z
  .strictObject({
    schemaVersion: z.literal(PACK_SCHEMA_VERSION, {
      error: `schemaVersion must be ${PACK_SCHEMA_VERSION}`,
    }),
    packId: id,
    packVersion: text(100),
    publishedAt: isoDate,
    source: packSourceSchema,
    platforms: z.array(platformSchema).max(10_000),
    documents: z.array(documentSchema).max(50_000),
    records: z.array(recordSchema).max(200_000),
  })
  .superRefine((pack, ctx) => {
    const unique = (key: 'platforms' | 'documents' | 'records') => {
      const seen = new Set<string>();
      pack[key].forEach((item, index) => {
        if (seen.has(item.id)) {
          ctx.addIssue({ code: 'custom', path: [key, index, 'id'], message: `duplicate id "${item.id}"` });
        }
        seen.add(item.id);
      });
      return seen;
    };
    const platforms = unique('platforms');
    const documents = unique('documents');
    unique('records');
    pack.documents.forEach((doc, index) => {
      if (!platforms.has(doc.platformId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['documents', index, 'platformId'],
          message: `no platform "${doc.platformId}" in this pack`,
        });
      }
    });
    pack.records.forEach((record, index) => {
      if (!documents.has(record.documentId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['records', index, 'documentId'],
          message: `no document "${record.documentId}" in this pack`,
        });
      }
    });
  });

export type Platform = z.infer<typeof platformSchema>;
export type PolicyDocument = z.infer<typeof documentSchema>;
export type ProvisionRecord = z.infer<typeof recordSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type Pack = z.infer<typeof packSchema>;
export type PackSource = z.infer<typeof packSourceSchema>;

/** Longest problem line: zod echoes unknown keys, and a hostile file can make them megabytes long. */
const MAX_ISSUE_LENGTH = 500;

/** One line per problem, each with its JSON path, e.g. `records[3].severity: Invalid option…`. */
export function describeIssues(error: z.ZodError, limit = 10): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`))
      .join('');
    const line = `${path || '(pack)'}: ${issue.message}`;
    return line.length <= MAX_ISSUE_LENGTH ? line : `${line.slice(0, MAX_ISSUE_LENGTH - 1)}…`;
  });
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more problems`);
  return lines;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

/** Validates untrusted JSON (already parsed) as a pack. Never throws. */
export function parsePack(input: unknown): PackResult {
  const result = packSchema.safeParse(input);
  return result.success ? { ok: true, pack: result.data } : { ok: false, errors: describeIssues(result.error) };
}
