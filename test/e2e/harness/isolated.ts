/**
 * Reading a hostile page without trusting it. TestPage.evaluate runs in the page's main world,
 * where a hostile page may have replaced Array.prototype, JSON, CSS, MutationObserver… and the
 * test's own code would break or be lied to. `isolatedView(page)` gives the same TestPage whose
 * evaluate and waitFor run in a fresh isolated world of the page's top frame instead: the same
 * DOM and the same CSS highlight registry, but the browser's own, untouched JavaScript objects.
 *
 * Chromium: CDP Page.createIsolatedWorld on the tab, Runtime.callFunctionOn in it.
 * Firefox: the BiDi sandbox realm puppeteer keeps for its own utilities (Frame.isolatedRealm()).
 */
import type { CDPSession, Page as PwPage } from 'playwright-core';
import type { Page as PptrPage } from 'puppeteer-core';
import { poll } from './common';
import type { TestPage } from './types';

type Evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => Promise<R>;

function chromiumEvaluator(page: PwPage): Evaluate {
  let session: CDPSession | null = null;
  let contextId: number | null = null;
  const world = async (): Promise<{ cdp: CDPSession; id: number }> => {
    session ??= await page.context().newCDPSession(page);
    if (contextId === null) {
      const { frameTree } = await session.send('Page.getFrameTree');
      const created = await session.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'termlight-e2e-reader',
      });
      contextId = created.executionContextId;
    }
    return { cdp: session, id: contextId };
  };
  return async (fn, arg) => {
    const { cdp, id } = await world();
    try {
      const result = await cdp.send('Runtime.callFunctionOn', {
        functionDeclaration: fn.toString(),
        executionContextId: id,
        arguments: arg === undefined ? [] : [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (result.exceptionDetails) {
        const details = result.exceptionDetails;
        throw new Error(`In the isolated world: ${details.exception?.description ?? details.text}`);
      }
      return result.result.value as never;
    } catch (error) {
      // A navigation or reload takes the world with it: make a new one on the next call.
      if (!(error instanceof Error) || !error.message.startsWith('In the isolated world')) contextId = null;
      throw error;
    }
  };
}

function firefoxEvaluator(page: PptrPage): Evaluate {
  return (fn, arg) => {
    const realm = (page.mainFrame() as unknown as { isolatedRealm(): { evaluate: PptrPage['evaluate'] } }).isolatedRealm();
    return realm.evaluate(fn as never, arg as never);
  };
}

/** `page`, read through an isolated world; every other method is the page's own. */
export function isolatedView(page: TestPage): TestPage {
  const raw = page.raw as { context?: unknown };
  // A playwright Page has context(); puppeteer's Page has browserContext() instead.
  const evaluate: Evaluate =
    typeof raw.context === 'function' ? chromiumEvaluator(page.raw as PwPage) : firefoxEvaluator(page.raw as PptrPage);
  return {
    ...page,
    evaluate: (fn, arg) => evaluate(fn, arg),
    waitFor: (fn, arg, options) => poll(() => evaluate(fn, arg), options),
  };
}
