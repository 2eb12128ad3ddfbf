/**
 * The Chromium pass (playwright-core, the built dist/chrome, through the e2e harness):
 * - measure() bundled into pages served at an address the extension ignores, so the production
 *   code is timed on a real DOM with ranges and CSS highlights, against the same references;
 * - end to end: a corpus document at its real address (bundled records) and the 1 MB page with
 *   a generated pack imported through the options page, from navigation to the badge, with the
 *   page's long tasks recorded by an observer that starts before the content script.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { QuoteSelector } from '../../src/anchoring';
import { bundledPackJson } from '../../src/records/bundled';
import { urlMatchesAny } from '../../src/records/url-pattern';
import { activeTabId, readBadge } from '../../test/e2e/harness/common';
import { DIST, REPO_ROOT, importFiles, launchChromium, type TestBrowser, type TestPage } from '../../test/e2e/harness';
import { CHROMIUM_PATH } from '../../test/e2e/harness/chromium';
import type { Measured } from './measure';

/**
 * Started by the page's first script, before any content script: long tasks (PerformanceObserver
 * 'longtask'), long animation frames, and gaps over 50 ms in a setTimeout heartbeat (which sees
 * any main-thread work, whoever runs it) for the first 15 s.
 */
export const LONG_TASK_OBSERVER = `<script>(function(){var w=window;w.__longTasks=[];w.__loaf=[];w.__gaps=[];
function watch(type,list){try{new PerformanceObserver(function(l){l.getEntries().forEach(function(e){list.push([e.startTime,e.duration])})}).observe({type:type,buffered:true})}catch(e){}}
watch('longtask',w.__longTasks);watch('long-animation-frame',w.__loaf);
var last=performance.now(),end=last+15000;function tick(){var n=performance.now();if(n-last>50)w.__gaps.push([last,n-last]);last=n;if(end>n)setTimeout(tick,0)}setTimeout(tick,0)})();</script>`;

export function browserProblem(): string | null {
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH} (see ../shared/BROWSER-TESTING.md)`;
  if (!existsSync(path.join(DIST.chromium, 'manifest.json'))) return 'no built extension in dist/chrome: run "npm run build" first';
  return null;
}

async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'error',
    root: REPO_ROOT,
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(REPO_ROOT, 'scripts/bench/in-page.ts'), formats: ['iife'], name: 'termlightBenchBundle', fileName: () => 'bench.js' },
    },
  });
  const result = Array.isArray(out) ? out[0]! : out;
  if (!('output' in result)) throw new Error('vite did not return the bundle');
  return result.output[0].code;
}

/**
 * An address for the generated pack's page: inside the built manifest's content-script matches
 * (under www.anthropic.com/legal/ when it can), outside every bundled document's URL patterns,
 * so that only the pack's records apply there.
 */
export function benchUrl(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[] }[] };
  const bundled = (bundledPackJson('bench') as { documents: { urlPatterns: string[] }[] }).documents.flatMap((d) => d.urlPatterns);
  const candidates = manifest.content_scripts
    .flatMap((c) => c.matches)
    .filter((m) => /^https:\/\/[^*]+\*$/.test(m))
    .map((m) => `${m.slice(0, -1).replace(/\/$/, '')}-termlight-bench-1mb`)
    .sort((a, b) => Number(b.startsWith('https://www.anthropic.com/legal/')) - Number(a.startsWith('https://www.anthropic.com/legal/')));
  const url = candidates.find((u) => !urlMatchesAny(bundled, new URL(u)));
  if (!url) throw new Error('No address in the manifest matches that no bundled document claims');
  return url;
}

export interface PageToMeasure {
  name: string;
  html: string;
  records: QuoteSelector[];
}

export interface EndToEnd {
  name: string;
  url: string;
  records: number;
  runs: {
    badgeMs: number;
    badge: string;
    domContentLoadedMs: number;
    loadMs: number;
    /** [count, longest ms] of entries starting after DOMContentLoaded (the content script runs after it). */
    longTasks: [number, number];
    longAnimationFrames: [number, number];
    heartbeatGaps: [number, number];
    timing: Record<string, number> | null;
  }[];
}

export class ChromiumPass {
  private constructor(
    private browser: TestBrowser,
    private code: string,
    private probe: TestPage,
    /** A private copy of dist/chrome: a rebuild during the run must not pull it away. */
    readonly extensionDir: string,
  ) {}

  static async start(): Promise<ChromiumPass> {
    const code = await bundle();
    const extensionDir = await mkdtemp(path.join(os.tmpdir(), 'termlight-bench-ext-'));
    try {
      await cp(DIST.chromium, extensionDir, { recursive: true });
      const browser = await launchChromium({ extensionDir });
      const probe = await browser.openExtensionPage('popup/options.html');
      return new ChromiumPass(browser, code, probe, extensionDir);
    } catch (error) {
      await rm(extensionDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** measure() in a page the extension does not run on. */
  async measure(p: PageToMeasure, repeats: number, refRepeats: number): Promise<Measured> {
    const url = `https://bench.termlight.test/${encodeURIComponent(p.name.replace(/\W+/g, '-'))}`;
    await this.browser.serve(url, p.html);
    const page = await this.browser.open(url);
    try {
      const raw = page.raw as Page;
      await raw.addScriptTag({ content: this.code });
      return await raw.evaluate(
        ([records, r, rr]) => globalThis.termlightBench.measure(records, r, rr),
        [p.records, repeats, refRepeats] as const,
      );
    } finally {
      await page.close();
    }
  }

  /** Imports a pack file through the options page's "Import records" input. */
  async importPack(pack: unknown): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'termlight-bench-'));
    const file = path.join(dir, 'bench-pack.json');
    await writeFile(file, JSON.stringify(pack));
    try {
      const options = await this.browser.openExtensionPage('popup/options.html');
      const status = await importFiles(options, file);
      await options.close();
      return status;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Navigation → badge, `runs` times in fresh tabs; the html must carry LONG_TASK_OBSERVER. */
  async endToEnd(name: string, url: string, html: string, records: number, runs: number): Promise<EndToEnd> {
    await this.browser.serve(url, html);
    const out: EndToEnd = { name, url, records, runs: [] };
    for (let r = 0; r < runs; r++) {
      const page = await this.browser.open('about:blank');
      const raw = page.raw as Page;
      const tabId = await activeTabId(page, this.probe);
      const t0 = performance.now();
      const navigation = raw.goto(url);
      let badge = '';
      let badgeMs = NaN;
      while (performance.now() - t0 < 60_000) {
        badge = (await readBadge(this.probe, tabId)).text;
        if (badge) {
          badgeMs = performance.now() - t0;
          break;
        }
      }
      await navigation;
      await raw.waitForTimeout(300); // observers report asynchronously
      const inPage = await raw.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const w = window as unknown as Record<'__longTasks' | '__loaf' | '__gaps', [number, number][]>;
        return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, tasks: w.__longTasks, loaf: w.__loaf, gaps: w.__gaps };
      });
      const reply = await this.probe.evaluate(
        (id: number) => chrome.runtime.sendMessage<unknown, { ok: boolean; data?: { timing?: Record<string, number> } }>({ type: 'popup/tab', tabId: id }),
        tabId,
      );
      const summary = (list: [number, number][]): [number, number] => {
        const after = list.filter(([start]) => start >= inPage.dcl);
        return [after.length, Math.max(0, ...after.map(([, d]) => d))];
      };
      out.runs.push({
        badgeMs,
        badge,
        domContentLoadedMs: inPage.dcl,
        loadMs: inPage.load,
        longTasks: summary(inPage.tasks),
        longAnimationFrames: summary(inPage.loaf),
        heartbeatGaps: summary(inPage.gaps),
        timing: reply.ok && reply.data?.timing ? reply.data.timing : null,
      });
      await page.close();
    }
    return out;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await rm(this.extensionDir, { recursive: true, force: true });
  }
}

/** A Termlight pack with one document at `url` and one record per quote. */
export function benchPack(url: string, quotes: readonly QuoteSelector[]): unknown {
  const severities = ['critical', 'high', 'medium', 'low', 'positive'];
  const today = new Date().toISOString().slice(0, 10);
  const u = new URL(url);
  return {
    schemaVersion: 1,
    packId: 'termlight-bench',
    packVersion: '1',
    publishedAt: today,
    source: { kind: 'import', name: 'Termlight benchmark (generated)' },
    platforms: [{ id: 'termlight-bench', name: 'Termlight benchmark', domains: [] }],
    documents: [
      { id: 'termlight-bench.page', platformId: 'termlight-bench', title: 'Benchmark page', kind: 'terms', url, urlPatterns: [`${u.host}${u.pathname}`] },
    ],
    records: quotes.map((quote, i) => ({
      id: `termlight-bench.r${i}`,
      documentId: 'termlight-bench.page',
      title: `Benchmark clause ${i + 1}`,
      quote,
      severity: severities[i % severities.length],
      categories: ['other'],
      impact: 'A clause drawn from the page for the benchmark.',
      whyItMatters: 'It measures anchoring at scale.',
      firstTracked: today,
      lastVerified: today,
      provenance: { sourceUrl: url },
    })),
  };
}
