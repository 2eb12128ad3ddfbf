/**
 * The single entry for messages: a request is answered only when it has a known shape and
 * comes from where that request may come from (our content script in a tab's top frame, or
 * our own extension pages). Everything else gets no handler at all.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { Reply, RequestType } from '../messages/protocol';
import { parseRequest, senderFor, type SenderKind } from '../messages/validate';
import { handlers } from './handlers';
import { describeError } from './storage-errors';

export function senderKind(sender: Runtime.MessageSender): SenderKind | null {
  if (sender.id !== browser.runtime.id) return null;
  const ownPages = browser.runtime.getURL('');
  const url = sender.url ?? '';
  if (url.startsWith(ownPages)) return 'extension-page';
  if (sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:\/\//.test(url)) return 'content';
  return null;
}

export async function dispatch(message: unknown, sender: Runtime.MessageSender): Promise<Reply<RequestType>> {
  const request = parseRequest(message);
  if (!request) return { ok: false, error: 'Unknown or malformed request' };
  const kind = senderKind(sender);
  if (kind === null || kind !== senderFor[request.type]) {
    return { ok: false, error: `"${request.type}" is not accepted from this sender` };
  }
  try {
    const handler = handlers[request.type] as (r: typeof request, s: Runtime.MessageSender) => Promise<unknown>;
    return { ok: true, data: (await handler(request, sender)) as never };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}
