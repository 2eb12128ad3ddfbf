/**
 * Runtime shapes of the requests the background accepts. Anything else is refused before a
 * handler sees it, so a confused or hostile sender cannot reach the store with odd input.
 */
import { z } from 'zod';
import type { Request, RequestType } from './protocol';

const key = z.string().min(1).max(500);
const pageUrl = z.string().max(8192).regex(/^https?:\/\//);
const methods = z.enum(['exact', 'normalized', 'fuzzy']);
const ms = z.number().finite().nonnegative().max(3_600_000);

export const requestSchemas = {
  'page/lookup': z.strictObject({ type: z.literal('page/lookup'), url: pageUrl }),
  'page/anchored': z.strictObject({
    type: z.literal('page/anchored'),
    url: pageUrl,
    found: z
      .array(
        z.strictObject({
          key,
          method: methods,
          score: z.number().min(0).max(1),
          foundText: z.string().max(20_000).optional(),
        }),
      )
      .max(10_000),
    notFound: z.array(key).max(10_000),
    timing: z.strictObject({
      extractMs: ms,
      anchorMs: ms,
      paintMs: ms,
      longestSliceMs: ms,
      textLength: z.number().int().nonnegative(),
    }),
  }),
  'page/fingerprints': z.strictObject({
    type: z.literal('page/fingerprints'),
    url: pageUrl,
    ms,
    fingerprints: z
      .array(z.strictObject({ documentKey: key, sha256: z.string().regex(/^[0-9a-f]{64}$/), textLength: z.number().int().nonnegative() }))
      .max(50),
  }),
  'page/open-record': z.strictObject({ type: z.literal('page/open-record'), recordKey: key }),
  'popup/tab': z.strictObject({ type: z.literal('popup/tab'), tabId: z.number().int().nonnegative() }),
  'popup/search': z.strictObject({ type: z.literal('popup/search'), query: z.string().max(500) }),
  'popup/show-clause': z.strictObject({
    type: z.literal('popup/show-clause'),
    tabId: z.number().int().nonnegative(),
    recordKey: key,
  }),
  'options/summary': z.strictObject({ type: z.literal('options/summary') }),
  'options/restore-bundled': z.strictObject({ type: z.literal('options/restore-bundled') }),
  'options/remove-packs': z.strictObject({ type: z.literal('options/remove-packs'), packIds: z.array(key).min(1).max(5000) }),
  'options/feed': z.strictObject({ type: z.literal('options/feed') }),
  'options/feed-set': z.strictObject({ type: z.literal('options/feed-set'), url: z.string().max(2000).nullable() }),
  'options/feed-check': z.strictObject({ type: z.literal('options/feed-check') }),
} satisfies { [T in RequestType]: z.ZodType };

/** Who may send a request: a content script in a page tab, or one of our own pages. */
export type SenderKind = 'content' | 'extension-page';

export const senderFor: { [T in RequestType]: SenderKind } = {
  'page/lookup': 'content',
  'page/anchored': 'content',
  'page/fingerprints': 'content',
  'page/open-record': 'content',
  'popup/tab': 'extension-page',
  'popup/search': 'extension-page',
  'popup/show-clause': 'extension-page',
  'options/summary': 'extension-page',
  'options/restore-bundled': 'extension-page',
  'options/remove-packs': 'extension-page',
  'options/feed': 'extension-page',
  'options/feed-set': 'extension-page',
  'options/feed-check': 'extension-page',
};

/**
 * The page address a content script reports, if it is believable: on the same origin as the
 * document the browser says the message came from (the path may have changed through the
 * history API; the origin cannot have).
 */
export function pageAddress(claimed: string, senderUrl: string | undefined): string | null {
  try {
    return senderUrl && new URL(claimed).origin === new URL(senderUrl).origin ? claimed : null;
  } catch {
    return null;
  }
}

export function parseRequest(message: unknown): Request | null {
  if (typeof message !== 'object' || message === null) return null;
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(requestSchemas, type)) return null;
  const result = requestSchemas[type as RequestType].safeParse(message);
  return result.success ? (result.data as Request) : null;
}

/** The one message the import port accepts. */
export const importStartSchema = z.strictObject({
  type: z.literal('start'),
  files: z.array(z.strictObject({ name: z.string().max(1000), text: z.string() })).min(1).max(5000),
});
