/** Requests from our extension pages to the background, typed end to end. */
import browser from 'webextension-polyfill';
import { t } from '../src/i18n/t';
import type { Reply, ReplyData, Request, RequestType } from '../src/messages/protocol';

export async function request<T extends RequestType>(message: Request<T> & { type: T }): Promise<ReplyData<T>> {
  const reply = await browser.runtime.sendMessage<Request<T>, Reply<T> | undefined>(message);
  if (!reply) throw new Error(t('apiNoAnswer'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
