/**
 * The checks on what reaches the background: a request must have one of the shapes in
 * schemas.ts and come from the sender its type allows; anything else is refused before a
 * handler sees it, so a confused or hostile sender cannot reach the store with odd input.
 */
import type { ContentReply, ImportUpdate, Request, RequestType } from './protocol';
import { contentReplySchemas, importUpdateSchema, requestSchemas } from './schemas';

/** Who may send a request: a content script in a page tab, or one of our own pages. */
export type SenderKind = 'content' | 'extension-page';

export const senderFor: { [T in RequestType]: SenderKind } = {
  'page/lookup': 'content',
  'page/anchored': 'content',
  'page/fingerprints': 'content',
  'page/open-record': 'content',
  'page/failed': 'content',
  'popup/tab': 'extension-page',
  'popup/search': 'extension-page',
  'popup/platform': 'extension-page',
  'popup/show-clause': 'extension-page',
  'popup/record': 'extension-page',
  'popup/site': 'extension-page',
  'popup/highlight': 'extension-page',
  'options/summary': 'extension-page',
  'options/restore-bundled': 'extension-page',
  'options/remove-packs': 'extension-page',
  'options/restore-packs': 'extension-page',
  'options/feed': 'extension-page',
  'options/feed-set': 'extension-page',
  'options/feed-check': 'extension-page',
  'reach/status': 'extension-page',
  'reach/granted': 'extension-page',
  'reach/withdraw': 'extension-page',
  'reach/dismiss': 'extension-page',
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
  return result.success ? result.data : null;
}

/**
 * What the content script answered to "Show in page", or `{ shown: false }` when the answer is
 * not one (no listener, an older script, anything else): the popup then says the clause is gone.
 */
export function parseShowClauseReply(reply: unknown): ContentReply<'clause/show'> {
  const parsed = contentReplySchemas['clause/show'].safeParse(reply);
  return parsed.success ? parsed.data : { shown: false };
}

/** A message from the import port (background → options page), or null when it is not one. */
export function parseImportUpdate(message: unknown): ImportUpdate | null {
  const parsed = importUpdateSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
