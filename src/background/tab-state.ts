/**
 * What each tab's page reported, kept in storage.session so a service worker that the browser
 * stopped and restarted still knows it (module variables would be gone).
 */
import { z } from 'zod';
import { anchorTimingSchema, foundClauseSchema, verificationSchema } from '../messages/schemas';
import { storageItem } from './storage-item';

const tabStateSchema = z.object({
  url: z.string(),
  documentKeys: z.array(z.string()),
  recordKeys: z.array(z.string()),
  /** 'failed': the page's script reported an error (`error`) instead of its clauses. */
  status: z.enum(['pending', 'ready', 'failed']),
  error: z.string().optional(),
  found: z.array(foundClauseSchema),
  notFound: z.array(z.string()),
  timing: anchorTimingSchema.optional(),
  verified: z.array(verificationSchema).optional(),
});
export type TabState = z.infer<typeof tabStateSchema>;

/** A tab's state; one that cannot be read back (damaged, or from an older version) is none. */
const tabItem = (tabId: number) => storageItem('session', `tab:${tabId}`, tabStateSchema, null);

export function getTabState(tabId: number): Promise<TabState | null> {
  return tabItem(tabId).get();
}

/** Each tab's chain of updates: one runs only after the previous one has written. */
const queues = new Map<number, Promise<unknown>>();

/**
 * Changes a tab's state in one step: `change` gets the state as stored now and returns the new
 * one (null removes it; undefined leaves it as it is), which is also what this resolves to. A
 * tab's updates run one after another, so two messages about the same page (its anchoring report
 * and its fingerprints, say, or a second lookup) cannot write back a copy read before the other's
 * change: found clauses reported "pending" again, or a verification dropped, both seen under load.
 */
export function updateTabState(
  tabId: number,
  change: (current: TabState | null) => TabState | null | undefined,
): Promise<TabState | null | undefined> {
  const item = tabItem(tabId);
  const run = async (): Promise<TabState | null | undefined> => {
    const next = change(await item.get());
    if (next === undefined) return undefined;
    if (next === null) await item.remove();
    else await item.set(next);
    if (next?.status !== 'pending') settle(tabId);
    return next;
  };
  const result = (queues.get(tabId) ?? Promise.resolve()).then(run, run);
  const tail = result.catch(() => undefined);
  queues.set(tabId, tail);
  void tail.then(() => {
    if (queues.get(tabId) === tail) queues.delete(tabId);
  });
  return result;
}

/** Who waits for each tab's page to be done (whenSettled). */
const waiting = new Map<number, Set<() => void>>();

function settle(tabId: number): void {
  const waiters = waiting.get(tabId);
  waiting.delete(tabId);
  for (const resolve of waiters ?? []) resolve();
}

/**
 * Resolves once the tab's state is written as something other than 'pending' (its page reported
 * its clauses or its failure, or the tab left), or after `ms` at most: the popup's first question
 * is answered when the page is done rather than with 'pending' and a poll 250 ms later. Only
 * writes made by this background count, so a caller reads the state again after calling this.
 */
export function whenSettled(tabId: number, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let waiters = waiting.get(tabId);
    if (!waiters) waiting.set(tabId, (waiters = new Set()));
    const done = () => {
      clearTimeout(timer);
      waiters.delete(done);
      if (waiters.size === 0 && waiting.get(tabId) === waiters) waiting.delete(tabId);
      resolve();
    };
    const timer = setTimeout(done, ms);
    waiters.add(done);
  });
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await updateTabState(tabId, () => state);
}

export async function clearTabState(tabId: number): Promise<void> {
  await updateTabState(tabId, () => null);
}

/** Same page, ignoring the fragment: following a link to a section is not leaving. */
export function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
