/**
 * The content script's life on one tab: look up the page's records, anchor and paint them,
 * report, and do it again when the page changes under it — content that arrives late or is
 * swapped, or a history-API navigation to another address (known or not). Runs never overlap,
 * and the script's own changes (the card) never trigger a run.
 */
import { clip, FAILURE_TEXT_MAX } from '../src/messages/limits';
import type { PageLookup } from '../src/messages/protocol';
import type { anchorPage } from './anchor-page';
import type { AnchoredClause } from './highlighter';
import { wireInteractions, type Interactions } from './interactions';
import type { onCommand, request } from './messaging';
import { createSlicer } from './slicer';
import type { sendFingerprints } from './verify';

const QUIET_MS = 300;
const MAX_WAIT_MS = 2000;
/** After this many re-runs that found nothing new, wait longer between them (busy pages). */
const IDLE_RUNS_BEFORE_BACKOFF = 3;

/**
 * What a session uses from the browser and the rest of the content script: index.ts passes the
 * real ones, tests pass fakes (there is no extension runtime or highlight registry in happy-dom).
 */
export interface SessionDeps {
  request: typeof request;
  onCommand: typeof onCommand;
  anchorPage: typeof anchorPage;
  /** Replaces the page's highlights with these clauses' (none: clears them). */
  highlight: (clauses: readonly AnchoredClause[]) => void;
  sendFingerprints: typeof sendFingerprints;
}

export function startSession({ request, onCommand, anchorPage, highlight, sendFingerprints }: SessionDeps): void {
  let lookup: PageLookup | null = null;
  let lookedUp: string | null = null;
  let clauses: AnchoredClause[] = [];
  let texts: string[] = [];
  let notFound = 0;
  let interactions: Interactions | null = null;
  let running = false;
  let again = false;
  let force = false;
  let idleRuns = 0;

  const pageUrl = () => location.href.split('#')[0]!;

  const clear = () => {
    clauses = [];
    texts = [];
    notFound = 0;
    highlight([]);
    interactions?.hideCard();
  };

  /** A found clause whose text was replaced or removed, or a record still missing. */
  const stale = () => notFound > 0 || clauses.some((c, i) => !c.range.startContainer.isConnected || c.range.toString() !== texts[i]);

  async function once(): Promise<void> {
    const url = pageUrl();
    if (url !== lookedUp || force) {
      force = false;
      lookedUp = url;
      lookup = await request({ type: 'page/lookup', url: location.href });
      if (!lookup || lookup.records.length === 0) {
        lookup = null;
        watch(false);
        clear();
        return;
      }
      watch(true);
    } else if (!lookup || !stale()) {
      return;
    }
    const result = await anchorPage(document.body, lookup.records, createSlicer());
    if (pageUrl() !== url) {
      again = true; // navigated while anchoring: start over for the new address
      return;
    }
    const t = performance.now();
    const before = clauses.length;
    clauses = result.clauses;
    texts = clauses.map((c) => c.range.toString());
    notFound = result.report.notFound.length;
    highlight(clauses);
    const paintMs = performance.now() - t;
    idleRuns = clauses.length > before ? 0 : idleRuns + 1;
    interactions ??= wireInteractions(
      () => clauses,
      (recordKey) => void request({ type: 'page/open-record', recordKey }),
    );
    await request({ type: 'page/anchored', url: location.href, ...result.report, timing: { ...result.report.timing, paintMs } });
    void sendFingerprints(lookup, location.href).catch(() => undefined);
  }

  /**
   * Told to the background, so the popup says the page failed instead of waiting for it. The
   * next change or navigation tries again from the lookup (which may be what failed), backing
   * off like a run that found nothing new.
   */
  const failed = (error: unknown) => {
    console.warn(error instanceof Error ? error.message : error);
    const text = (error instanceof Error ? error.message || error.name : String(error)) || 'Error';
    void request({ type: 'page/failed', url: location.href, error: clip(text, FAILURE_TEXT_MAX) }).catch(() => undefined);
    force = true;
    idleRuns += 1;
  };

  async function run(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await once().catch(failed);
      } while (again);
    } finally {
      running = false;
    }
  }

  // Debounced: a burst of mutations is one run, after QUIET_MS of calm or MAX_WAIT_MS at most.
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let firstChange = 0;
  const schedule = () => {
    const now = performance.now();
    if (!quietTimer) firstChange = now;
    clearTimeout(quietTimer);
    const backoff = idleRuns >= IDLE_RUNS_BEFORE_BACKOFF ? Math.min(10_000, QUIET_MS * 2 ** (idleRuns - 2)) : QUIET_MS;
    const wait = Math.max(0, Math.min(backoff, firstChange + Math.max(MAX_WAIT_MS, backoff) - now));
    quietTimer = setTimeout(() => {
      quietTimer = undefined;
      void run();
    }, wait);
  };

  const isOwn = (m: MutationRecord) =>
    m.target.nodeName === 'TERMLIGHT-CARD' ||
    (m.type === 'childList' &&
      [...m.addedNodes, ...m.removedNodes].every((n) => n.nodeName === 'TERMLIGHT-CARD'));
  // Watches the DOM only while the page is a known document; otherwise a change of address
  // reaches us from the background (page/recheck) or as popstate.
  const observer = new MutationObserver((mutations) => {
    if (mutations.every(isOwn)) return;
    schedule();
  });
  const watch = (on: boolean) => {
    if (on) observer.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
    else observer.disconnect();
  };

  window.addEventListener('popstate', () => void run());
  onCommand({
    'page/recheck': () => {
      force = true;
      void run();
      return { ok: true };
    },
    'clause/show': (command) => ({ shown: interactions?.show(command.recordKey) ?? false }),
  });

  void run();
}
