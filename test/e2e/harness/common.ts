/** What both launchers share: paths, polling, and the reads done through an extension page. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Badge, HighlightInfo, TestBrowser, TestPage, WaitOptions } from './types';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** The built extensions (TERMLIGHT_DIST names another folder than dist/, as for the build). */
const DIST_ROOT = path.resolve(REPO_ROOT, process.env.TERMLIGHT_DIST ?? 'dist');
export const DIST = {
  chromium: path.join(DIST_ROOT, 'chrome'),
  firefox: path.join(DIST_ROOT, 'firefox'),
};
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');

/** Fails early, with the fix, when the extension was not built. */
export function requireBuilt(dir: string): void {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run "npm run build" first.`);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `check` until it returns something truthy. Errors thrown while the page navigates or
 * its context is replaced are retried; the last one is told if the wait gives up.
 */
export async function poll<R>(check: () => Promise<R>, options: WaitOptions = {}): Promise<NonNullable<R>> {
  const timeout = options.timeout ?? 15_000;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`${options.message ?? 'Condition not met'}: gave up after ${timeout} ms${why}`);
    }
    await sleep(50);
  }
}

/** Normalises a requested address the way both launchers key served pages: no fragment. */
export const pageKey = (url: string) => new URL(url).href.split('#')[0]!;

export const NOT_SERVED = (url: string) =>
  `<!doctype html><meta charset="utf-8"><title>404</title><p>Not served by the Termlight e2e harness: ${url
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')}</p>`;

/**
 * The pages a test serves at real addresses, and the answer both launchers give a request:
 * the served page, or a 404 (nothing ever reaches the network).
 */
export class ServedPages {
  private readonly pages = new Map<string, { html: string; headers: Record<string, string> }>();

  set(url: string, html: string, headers: Record<string, string> = {}): void {
    this.pages.set(pageKey(url), { html, headers });
  }

  response(url: string): { status: number; contentType: string; body: string; headers?: Record<string, string> } {
    const page = this.pages.get(pageKey(url));
    const contentType = 'text/html; charset=utf-8';
    return page === undefined
      ? { status: 404, contentType, body: NOT_SERVED(url) }
      : { status: 200, contentType, body: page.html, headers: page.headers };
  }
}

/** [r, g, b, a] as the action API returns it → '#rrggbb'. */
export function toHex(color: number[]): string {
  return `#${color
    .slice(0, 3)
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Every CSS highlight of the page, read in its main world. */
export function readHighlights(page: TestPage): Promise<HighlightInfo[]> {
  return page.evaluate(() => {
    const out: { name: string; texts: string[]; where: string[] }[] = [];
    CSS.highlights.forEach((highlight, name) => {
      const texts: string[] = [];
      const where: string[] = [];
      highlight.forEach((range) => {
        const r = range as Range;
        texts.push(r.toString());
        const node = r.startContainer;
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        where.push(el?.closest('[id]')?.id ?? '');
      });
      out.push({ name, texts, where });
    });
    return out;
  });
}

/**
 * The extension API's tab id for `page`: bring it to the front, then ask an extension page for
 * the active tab. Looking the tab up by URL (tabs.query({url})) would need the "tabs" permission,
 * which Termlight does not ask for, so Chromium hides every tab's URL from it.
 */
export async function activeTabId(page: TestPage, probe: TestPage): Promise<number> {
  await page.bringToFront();
  const ids = await probe.evaluate(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const tabs = await api.tabs.query({ active: true });
    return tabs.map((t) => t.id ?? -1);
  });
  if (ids.length !== 1 || ids[0]! < 0) throw new Error(`Expected one active tab, found ${JSON.stringify(ids)}`);
  return ids[0]!;
}

/** The badge of a tab, read through the action API from an extension page. */
export async function readBadge(probe: TestPage, tabId: number): Promise<Badge> {
  const raw = await probe.evaluate(async (id: number) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const text = await api.action.getBadgeText({ tabId: id });
    const color = (await api.action.getBadgeBackgroundColor({ tabId: id })) as unknown as number[];
    return { text, color: [...color] };
  }, tabId);
  return { text: raw.text, color: toHex(raw.color) };
}

/**
 * What both launchers read through an extension page (the probe) the same way: the active
 * tab's id, its badge, and a page's highlights.
 */
export function probeReaders(getProbe: () => Promise<TestPage>): Pick<TestBrowser, 'tabId' | 'badge' | 'highlights'> {
  return {
    async tabId(page) {
      return activeTabId(page, await getProbe());
    },
    async badge(page) {
      const probe = await getProbe();
      return readBadge(probe, await activeTabId(page, probe));
    },
    highlights: readHighlights,
  };
}

/** Resolves a form control by the text of its <label>, in the page (used where no library helper is). */
export function controlByLabelSource(label: string): Element | null {
  for (const l of Array.from(document.querySelectorAll('label'))) {
    const text = (l.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === label && l.control) return l.control;
  }
  return null;
}
