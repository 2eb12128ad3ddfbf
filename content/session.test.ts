// @vitest-environment happy-dom
/**
 * The content script's session on happy-dom, with a fake background and fake timers: what the
 * page gets highlighted and what the background is told, as the page changes under it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAILURE_TEXT_MAX } from '../src/messages/limits';
import type { ContentCommand, PageLookup, PageRecord, Request } from '../src/messages/protocol';
import { parseRequest } from '../src/messages/validate';
import { anchorPage } from './anchor-page';
import type { CommandHandlers } from './messaging';
import { startSession, type SessionDeps } from './session';

const ARBITRATION = 'You agree to settle every dispute with us by binding arbitration.';
const TERMINATION = 'We may close your account at any time, for any reason or none.';
const SELLING = 'We share what you read with advertisers who pay us for it.';
const COOKIES = 'Cookies follow you to other sites so that we can show you offers there.';

const record = (key: string, exact: string): PageRecord => ({ key, title: key, severity: 'high', impact: `${key} impact`, quote: { exact } });
const lookupOf = (...records: PageRecord[]): PageLookup => ({ documents: [], records });

const termsPage = `<main><h1>Terms</h1><p id="arbitration">${ARBITRATION}</p><p id="termination">${TERMINATION}</p></main>`;
const terms = lookupOf(record('arbitration', ARBITRATION), record('termination', TERMINATION));
/** Records not on the page, so every run anchors again (they may have arrived). */
const termsWithMissing = lookupOf(record('arbitration', ARBITRATION), record('selling', SELLING), record('cookies', COOKIES));
const privacyPage = `<main><h1>Privacy</h1><p>${SELLING}</p></main>`;
const privacy = lookupOf(record('selling', SELLING));

const url = (path: string) => new URL(path, location.origin).href;

/** Messages the session sent that the real background would have refused. */
let refused: unknown[] = [];

/** The page's mutation observers, so that a test can end its session's watch. */
const observers: MutationObserver[] = [];
globalThis.MutationObserver = class extends MutationObserver {
  constructor(callback: MutationCallback) {
    super(callback);
    observers.push(this);
  }
};
/** Ends a test's session: it stops watching the page and its background stops answering. */
let unplug = () => {};

/**
 * Starts a session on `path` against a background that knows `pages` (path → lookup, or the
 * error it answers with). Returns what a test watches: the requests sent, the highlighted text
 * and the background's commands.
 */
function start(path: string, html: string, pages: Record<string, PageLookup | Error>, anchor: SessionDeps['anchorPage'] = anchorPage) {
  history.replaceState(null, '', path);
  document.body.innerHTML = html;
  const sent: Request[] = [];
  let plugged = true;
  unplug = () => {
    plugged = false;
    for (const observer of observers.splice(0)) observer.disconnect();
  };
  const request = (async (message: Request) => {
    if (!plugged) return new Promise(() => {});
    if (!parseRequest(message)) refused.push(message);
    sent.push(message);
    if (message.type === 'page/lookup') {
      const lookup = pages[new URL(message.url).pathname] ?? null;
      if (lookup instanceof Error) throw lookup;
      return lookup;
    }
    if (message.type === 'page/anchored') return { badge: String(message.found.length) };
    if (message.type === 'page/failed') return { recorded: true };
    return { opened: true };
  }) as SessionDeps['request'];
  let commands: CommandHandlers | undefined;
  let highlighted: Range[] = [];
  const anchorCalls = vi.fn(anchor);
  startSession({
    request,
    onCommand: (handlers) => void (commands = handlers),
    anchorPage: anchorCalls,
    highlight: (clauses) => void (highlighted = clauses.map((c) => c.range)),
    sendFingerprints: async () => {},
  });
  return {
    /** The requests of one type sent so far. */
    sent: <T extends Request['type']>(type: T) => sent.filter((m): m is Extract<Request, { type: T }> => m.type === type),
    /** Runs that anchored the page (and so told the background). */
    anchoredRuns: () => sent.filter((m) => m.type === 'page/anchored').length,
    lookups: () => sent.filter((m) => m.type === 'page/lookup').map((m) => new URL((m as { url: string }).url).pathname),
    /** The text of each highlighted clause, as the reader sees it painted (a detached range shows nothing). */
    highlighted: () => highlighted.map((r) => (r.startContainer.isConnected ? r.toString() : '(detached)')),
    command: <T extends ContentCommand['type']>(command: ContentCommand<T>) =>
      (commands![command.type] as (c: ContentCommand<T>) => unknown)(command),
    anchorCalls,
  };
}

/** Lets the session finish what it started (its awaits, and timers due by then). */
const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
/** A change to the page outside any clause. */
const touch = () => document.querySelector('main')!.append(document.createElement('span'));

beforeEach(() => {
  vi.useFakeTimers();
  refused = [];
});

afterEach(() => {
  unplug();
  vi.useRealTimers();
  expect(refused).toEqual([]);
});

describe('a known page', () => {
  it('is looked up, its clauses highlighted in page order, and the background told what was found', async () => {
    const page = start('/terms', termsPage, { '/terms': terms });
    await settle();
    expect(page.lookups()).toEqual(['/terms']);
    expect(page.highlighted()).toEqual([ARBITRATION, TERMINATION]);
    const [report] = page.sent('page/anchored');
    expect(report?.url).toBe(url('/terms'));
    expect(report?.found.map((f) => f.key)).toEqual(['arbitration', 'termination']);
    expect(report?.notFound).toEqual([]);
  });
});

describe('changes to the page are debounced', () => {
  it('gives one run for a burst of changes, once the page has been calm for 300 ms', async () => {
    const page = start('/terms', termsPage, { '/terms': termsWithMissing });
    await settle();
    expect(page.anchoredRuns()).toBe(1);
    for (let i = 0; i < 5; i++) {
      touch();
      await settle(100);
    }
    expect(page.anchoredRuns()).toBe(1);
    await settle(200);
    expect(page.anchoredRuns()).toBe(2);
    await settle(5000);
    expect(page.anchoredRuns()).toBe(2);
  });

  it('still runs within 2 s of the first change while the page never stops changing', async () => {
    const page = start('/terms', termsPage, { '/terms': termsWithMissing });
    await settle();
    for (let i = 0; i < 19; i++) {
      touch();
      await settle(100);
    }
    expect(page.anchoredRuns()).toBe(1);
    touch();
    await settle(100);
    expect(page.anchoredRuns()).toBe(2);
  });

  it('waits longer and longer on a page whose changes bring nothing new, and promptly again once one does', async () => {
    const page = start('/terms', termsPage, { '/terms': termsWithMissing });
    await settle();
    // Three runs that find nothing new: the quiet wait is still 300 ms.
    for (let run = 2; run <= 4; run++) {
      touch();
      await settle(300);
      expect(page.anchoredRuns()).toBe(run);
    }
    // From then on it doubles: 600 ms, then 1200 ms.
    touch();
    await settle(300);
    expect(page.anchoredRuns()).toBe(4);
    await settle(300);
    expect(page.anchoredRuns()).toBe(5);
    touch();
    await settle(600);
    expect(page.anchoredRuns()).toBe(5);
    await settle(600);
    expect(page.anchoredRuns()).toBe(6);
    // A missing clause arrives: that run finds it, and the next change is handled in 300 ms again.
    document.querySelector('main')!.insertAdjacentHTML('beforeend', `<p>${SELLING}</p>`);
    await settle(10_000);
    expect(page.anchoredRuns()).toBe(7);
    expect(page.highlighted()).toEqual([ARBITRATION, SELLING]);
    touch();
    await settle(300);
    expect(page.anchoredRuns()).toBe(8);
  });

  it('ignores changes to its own card', async () => {
    const page = start('/terms', termsPage, { '/terms': termsWithMissing });
    await settle();
    expect(page.command({ type: 'clause/show', recordKey: 'arbitration' })).toEqual({ shown: true });
    expect(document.querySelector('termlight-card')).not.toBeNull();
    await settle(5000);
    expect(page.anchoredRuns()).toBe(1);
    // The same change made by the page is a change.
    document.documentElement.append(document.createElement('aside'));
    await settle(300);
    expect(page.anchoredRuns()).toBe(2);
  });
});

describe('runs never overlap', () => {
  it('gives exactly one more run for any number of triggers during a run', async () => {
    let release = () => {};
    let active = 0;
    let mostAtOnce = 0;
    const page = start('/terms', termsPage, { '/terms': terms }, async (...args) => {
      mostAtOnce = Math.max(mostAtOnce, ++active);
      if (page.anchorCalls.mock.calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      try {
        return await anchorPage(...args);
      } finally {
        active--;
      }
    });
    await settle();
    expect(page.anchorCalls).toHaveBeenCalledTimes(1);
    page.command({ type: 'page/recheck' });
    window.dispatchEvent(new PopStateEvent('popstate'));
    page.command({ type: 'page/recheck' });
    await settle(5000);
    expect(page.anchorCalls).toHaveBeenCalledTimes(1);
    release();
    await settle(5000);
    expect(mostAtOnce).toBe(1);
    expect(page.lookups()).toEqual(['/terms', '/terms']);
    expect(page.anchoredRuns()).toBe(2);
  });
});

describe('history-API navigation', () => {
  const pages = { '/terms': terms, '/privacy': privacy };

  it('follows the page to another known address, away to an unknown one, and back', async () => {
    const page = start('/terms', termsPage, pages);
    await settle();
    // The site swaps its content and address; the background notices and asks for a recheck.
    history.pushState(null, '', '/privacy');
    document.body.innerHTML = privacyPage;
    page.command({ type: 'page/recheck' });
    await settle();
    expect(page.lookups()).toEqual(['/terms', '/privacy']);
    expect(page.highlighted()).toEqual([SELLING]);
    expect(page.sent('page/anchored').at(-1)?.url).toBe(url('/privacy'));

    history.pushState(null, '', '/pricing');
    document.body.innerHTML = '<main><p>Plans and prices.</p></main>';
    page.command({ type: 'page/recheck' });
    await settle();
    expect(page.lookups().at(-1)).toBe('/pricing');
    expect(page.highlighted()).toEqual([]);
    // Not a known page: the session stops watching it, so its changes cost nothing.
    await settle(5000);
    touch();
    await settle();
    expect(vi.getTimerCount()).toBe(0);

    // Back (popstate) to the first page.
    history.replaceState(null, '', '/terms');
    document.body.innerHTML = termsPage;
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(page.lookups()).toEqual(['/terms', '/privacy', '/pricing', '/terms']);
    expect(page.highlighted()).toEqual([ARBITRATION, TERMINATION]);
  });

  it('drops what it anchored for an address the page left meanwhile, and anchors the new one', async () => {
    const page = start('/terms', termsPage, pages, async (...args) => {
      if (page.anchorCalls.mock.calls.length === 1) {
        history.pushState(null, '', '/privacy');
        document.querySelector('main')!.insertAdjacentHTML('beforeend', `<p>${SELLING}</p>`);
      }
      return anchorPage(...args);
    });
    await settle();
    expect(page.lookups()).toEqual(['/terms', '/privacy']);
    expect(page.sent('page/anchored').map((m) => m.url)).toEqual([url('/privacy')]);
    expect(page.highlighted()).toEqual([SELLING]);
  });
});

describe('staleness', () => {
  it('leaves an unchanged page alone', async () => {
    const page = start('/terms', termsPage, { '/terms': terms });
    await settle();
    touch();
    await settle(5000);
    expect(page.anchoredRuns()).toBe(1);
  });

  it('anchors again when the page renders a clause anew', async () => {
    const page = start('/terms', termsPage, { '/terms': terms });
    await settle();
    document.getElementById('arbitration')!.replaceWith(Object.assign(document.createElement('p'), { textContent: ARBITRATION }));
    expect(page.highlighted()).toEqual(['(detached)', TERMINATION]);
    await settle(300);
    expect(page.anchoredRuns()).toBe(2);
    expect(page.highlighted()).toEqual([ARBITRATION, TERMINATION]);
  });

  it('anchors again when a clause is reworded, and reports it no longer found', async () => {
    const page = start('/terms', termsPage, { '/terms': terms });
    await settle();
    document.getElementById('termination')!.firstChild!.textContent = 'Your account is yours to keep.';
    await settle(300);
    expect(page.highlighted()).toEqual([ARBITRATION]);
    expect(page.sent('page/anchored').at(-1)?.notFound).toEqual(['termination']);
  });
});

describe('a run that fails', () => {
  it('is reported as failed, briefly, and the next change of the page is anchored', async () => {
    const page = start('/terms', termsPage, { '/terms': terms }, async (...args) => {
      if (page.anchorCalls.mock.calls.length === 1) throw new Error(`Out of luck: ${'x'.repeat(1000)}`);
      return anchorPage(...args);
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await settle();
    const [failed] = page.sent('page/failed');
    expect(failed?.url).toBe(url('/terms'));
    expect(failed?.error).toMatch(/^Out of luck: x+…$/);
    expect(failed?.error.length).toBe(FAILURE_TEXT_MAX);
    expect(page.highlighted()).toEqual([]);
    touch();
    await settle(300);
    expect(page.anchoredRuns()).toBe(1);
    expect(page.highlighted()).toEqual([ARBITRATION, TERMINATION]);
  });

  it('is tried again from the lookup when the lookup itself failed', async () => {
    const pages: Record<string, PageLookup | Error> = { '/terms': new Error('Termlight: no answer from the background') };
    const page = start('/terms', termsPage, pages);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await settle();
    expect(page.sent('page/failed').map((m) => m.error)).toEqual(['Termlight: no answer from the background']);
    // The background is up again; the reader follows a link within the page.
    pages['/terms'] = terms;
    history.pushState(null, '', '#termination');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(page.lookups()).toEqual(['/terms', '/terms']);
    expect(page.highlighted()).toEqual([ARBITRATION, TERMINATION]);
  });

  it('backs off on a page where every run fails', async () => {
    const page = start('/terms', termsPage, { '/terms': terms }, async () => {
      throw new Error('Out of luck');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await settle();
    for (let failures = 2; failures <= 3; failures++) {
      touch();
      await settle(300);
      expect(page.sent('page/failed')).toHaveLength(failures);
    }
    touch();
    await settle(300);
    expect(page.sent('page/failed')).toHaveLength(3);
    await settle(300);
    expect(page.sent('page/failed')).toHaveLength(4);
  });
});
