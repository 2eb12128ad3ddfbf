/**
 * The two extension calls the content script makes. It uses the browser's own `browser`
 * (Firefox) or `chrome` (Chrome MV3, promise-based) rather than webextension-polyfill, which
 * would add ~10 KB to every policy page for no gain here.
 */
import { isContentCommand } from '../src/messages/content-command';
import type { ContentCommand, ContentCommandType, ContentReply, Reply, ReplyData, Request, RequestType } from '../src/messages/protocol';

interface RuntimeLike {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (r: unknown) => void) => boolean | void,
    ): void;
  };
}

const runtime: RuntimeLike = ((globalThis as { browser?: { runtime: RuntimeLike } }).browser ??
  (globalThis as unknown as { chrome: { runtime: RuntimeLike } }).chrome).runtime;

/** Sends a request to the background; throws its error message when it refuses. */
export async function request<T extends RequestType>(message: Request<T> & { type: T }): Promise<ReplyData<T>> {
  const reply = (await runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) throw new Error('Termlight: no answer from the background');
  if (!reply.ok) throw new Error(`Termlight: ${reply.error}`);
  return reply.data;
}

/** One function per command the background may send, each answering with its reply. */
export type CommandHandlers = { [T in ContentCommandType]: (command: ContentCommand<T>) => ContentReply<T> };

/**
 * Listens for commands from our own extension pages and background only: a sender with a tab
 * is a content script (ours, in another page), never the popup.
 */
export function onCommand(handlers: CommandHandlers): void {
  runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== runtime.id || sender.tab || !isContentCommand(message)) return;
    const handle = handlers[message.type] as (command: ContentCommand) => ContentReply<ContentCommandType>;
    sendResponse(handle(message));
  });
}
