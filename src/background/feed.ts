/**
 * The records feed: a Termlight pack at an HTTPS address the user chose, checked on a schedule
 * and on demand. The request is a plain GET with no credentials, no referrer and nothing about
 * the pages the user reads. It is conditional (If-None-Match / If-Modified-Since from the last
 * good answer's ETag / Last-Modified, when the server exposes them), and an unchanged body is
 * not written again either way. The pack is validated in full
 * before one transaction replaces the old copy; on any failure the last good records stay and
 * the failure is kept to be shown.
 */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import type { FeedState, FeedStatus, Problem } from '../messages/protocol';
import { feedStatusSchema } from '../messages/schemas';
import { sha256Hex } from '../anchoring/document-hash';
import { t } from '../i18n/t';
import { parsePack } from '../records/schema';
import { replacePack } from '../store/write';
import { database } from './records-db';
import { recordsChanged } from './records-changed';
import { describeError, storageProblem } from './storage-errors';
import { storageItem } from './storage-item';

export const FEED_ALARM = 'termlight-feed';
export const FEED_PERIOD_MINUTES = 360;
export const FEED_MAX_BYTES = 20 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 20_000;

const settings = storageItem('local', 'feed', z.object({ url: z.string().nullable() }), { url: null });
const lastStatus = storageItem('local', 'feedStatus', feedStatusSchema, {});

export async function feedState(): Promise<FeedState> {
  const [{ url }, status] = await Promise.all([settings.get(), lastStatus.get()]);
  return { url, status };
}

/** Why an address cannot be a feed, or null. */
export function feedUrlProblem(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return t('feedUrlNotHttps');
    if (parsed.username || parsed.password) return t('feedUrlCredentials');
    return null;
  } catch {
    return t('feedUrlInvalid');
  }
}

export async function setFeedUrl(url: string | null): Promise<void> {
  if (url !== null) {
    const problem = feedUrlProblem(url);
    if (problem) throw new Error(problem);
  }
  await Promise.all([settings.set({ url }), lastStatus.set({})]);
  await scheduleFeed();
}

/** Keeps the alarm in step with the settings (called at start-up and when they change). */
export async function scheduleFeed(): Promise<void> {
  const { url } = await feedState();
  if (!url) {
    await browser.alarms.clear(FEED_ALARM);
    return;
  }
  if (!(await browser.alarms.get(FEED_ALARM))) {
    await browser.alarms.create(FEED_ALARM, { periodInMinutes: FEED_PERIOD_MINUTES, delayInMinutes: 1 });
  }
}

/** A failure said to the reader: its message, and its kind for the options page's plain words. */
class FeedError extends Error {
  constructor(
    message: string,
    readonly problem: Problem,
  ) {
    super(message);
  }
}

/** Reads the body, refusing more than `max` bytes without reading them all. */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () => new FeedError(t('feedTooLarge', max / 1024 / 1024), { kind: 'too-large', limitMb: max / 1024 / 1024 });
  if (declared > max) throw tooLarge();
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

interface Validators {
  etag?: string;
  lastModified?: string;
}

type Fetched = { notModified: true } | { notModified: false; text: string; validators: Validators };

async function fetchFeed(url: string, previous: Validators): Promise<Fetched> {
  const get = (conditional: boolean) => {
    const headers: Record<string, string> = {};
    if (conditional && previous.etag) headers['If-None-Match'] = previous.etag;
    if (conditional && previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;
    return fetch(url, {
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers,
      signal: AbortSignal.timeout(FEED_TIMEOUT_MS),
    });
  };
  let response: Response;
  try {
    const conditional = Boolean(previous.etag || previous.lastModified);
    // A server whose CORS rules refuse the conditional headers still gets a plain request.
    response = await get(conditional).catch((error: unknown) => {
      if (!conditional || (error as Error).name === 'TimeoutError') throw error;
      return get(false);
    });
  } catch (error) {
    const name = (error as Error).name;
    const seconds = FEED_TIMEOUT_MS / 1000;
    throw name === 'TimeoutError' || name === 'AbortError'
      ? new FeedError(t('feedTimeout', seconds), { kind: 'timeout', seconds })
      : new FeedError(t('feedUnreachable'), { kind: 'unreachable' });
  }
  if (response.status === 304) return { notModified: true };
  if (!response.url.startsWith('https://')) throw new FeedError(t('feedRedirectNotHttps'), { kind: 'redirect' });
  if (!response.ok) throw new FeedError(t('feedHttpStatus', response.status), { kind: 'http', status: response.status });
  const text = await readCapped(response, FEED_MAX_BYTES);
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  return { notModified: false, text, validators: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) } };
}

let checking: Promise<FeedState> | null = null;

/** Checks the feed now (one check at a time). Never throws: the outcome is in the status. */
export function checkFeed(): Promise<FeedState> {
  checking ??= runCheck().finally(() => {
    checking = null;
  });
  return checking;
}

async function runCheck(): Promise<FeedState> {
  const { url, status } = await feedState();
  if (!url) return { url, status };
  const at = new Date().toISOString();
  let next: FeedStatus;
  try {
    const sameFeed = status.lastGood?.url === url;
    const fetched = await fetchFeed(url, sameFeed ? (status.lastGood ?? {}) : {});
    const bodySha256 = fetched.notModified ? status.lastGood?.bodySha256 : await sha256Hex(fetched.text);
    if (fetched.notModified || (sameFeed && bodySha256 === status.lastGood?.bodySha256)) {
      next = { ...status, lastCheck: { at, outcome: 'unchanged', message: t('feedUnchanged') } };
    } else {
      const { text } = fetched;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new FeedError(t('feedNotJson'), { kind: 'not-json' });
      }
      const parsed = parsePack(json);
      if (!parsed.ok) {
        throw new FeedError(t('feedInvalidPack', parsed.errors.join('; ')), { kind: 'invalid', format: 'termlight', issues: parsed.errors });
      }
      const pack = { ...parsed.pack, source: { ...parsed.pack.source, kind: 'feed' as const, url } };
      const meta = await replacePack(await database(), pack);
      // New sites are offered for automatic highlights; dropped ones are given back (reach.ts).
      await recordsChanged();
      next = {
        lastCheck: { at, outcome: 'updated', message: t('feedUpdated', meta.packVersion) },
        lastGood: {
          at,
          url,
          packId: meta.packId,
          packVersion: meta.packVersion,
          records: meta.counts.records,
          bodySha256: bodySha256!,
          ...fetched.validators,
        },
      };
    }
  } catch (error) {
    const reason = error instanceof FeedError ? error.message : t('feedCheckError', describeError(error));
    const problem = error instanceof FeedError ? error.problem : storageProblem(error);
    next = { ...status, lastCheck: { at, outcome: 'failed', message: t('feedCheckFailed', reason), problem } };
  }
  // The user may have changed or cleared the address meanwhile: keep only a current result.
  if ((await feedState()).url === url) await lastStatus.set(next);
  return feedState();
}
