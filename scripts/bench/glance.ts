/**
 * `node scripts/bench/glance.mjs [chromium] [firefox] [--opens=N]`, by hand after a build (TERMLIGHT_DIST
 * as for the e2e tests): how fast the reader sees something. Prints a table and writes
 * artifacts/glance-<browser>.json; never asserts.
 *
 * In each browser, on the demo page and two real corpus documents served at their addresses,
 * first with the bundled records, then with the whole ToS;DR export imported (645 files, through
 * the options page):
 * - popup list: popup/popup.html?tab=<id> opened as a page; from its navigation start to the
 *   `termlight:list-ready` mark, which the popup sets in the effect that runs after the clause
 *   list's first paint (its own clock). "warm": the background was running (its caches built);
 *   "cold": the background was stopped just before, as after a while away (the browser's own stop).
 * - badge: the harness opens the tab while a bench page reads every new tab's badge through the
 *   action API in a loop of awaited calls (no timer, so not slowed as a hidden tab's timers are); the page
 *   served carries a script noting its navigation start, DOMContentLoaded and first Termlight
 *   highlight. The badge time is the badge seen (the bench page's clock) minus the page's
 *   navigation start, both as epoch milliseconds (performance.timeOrigin + now()).
 * - search: the first 'popup/search' after the import, as a round trip from an extension page,
 *   then a warm one, then one after the background was stopped.
 * - baselines of the same run: the round trip of 'options/summary' (warm, and cold: the
 *   background stopped first, so it is the background's waking), and the popup page's own load
 *   event (loadEventEnd, before it has asked anything of the background that could delay it).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEMO_FIXTURE,
  DEMO_URL,
  REPO_ROOT,
  fixtureHtml,
  importFiles,
  launch,
  markdownPage,
  sleep,
  type BrowserName,
  type TestBrowser,
  type TestPage,
} from '../../test/e2e/harness';
import { CORPUS_DIR, hasCorpus } from '../../test/helpers/corpus';

interface Served {
  label: string;
  url: string;
  html: () => string;
}

const PAGES: Served[] = [
  { label: 'demo', url: DEMO_URL, html: () => fixtureHtml(DEMO_FIXTURE) },
  {
    label: 'Claude.ai terms',
    url: 'https://www.anthropic.com/legal/consumer-terms',
    html: () => markdownPage(path.join(CORPUS_DIR, 'ota/current/Claude.ai/Terms of Service.md'), 'Claude.ai Terms of Service'),
  },
  {
    label: 'ChatGPT terms',
    url: 'https://openai.com/policies/eu-terms-of-use/',
    html: () => markdownPage(path.join(CORPUS_DIR, 'ota/current/ChatGPT/Terms of Service.md'), 'ChatGPT Terms of Service'),
  },
];

/** Notes, in the served page, its navigation start (epoch ms), DOMContentLoaded and first Termlight highlight. */
const TIMING_SCRIPT = `<script>(function(){var w=window;w.__glance={origin:performance.timeOrigin};
addEventListener('DOMContentLoaded',function(){w.__glance.dcl=performance.now()});
function look(){var found=false;if(w.CSS&&CSS.highlights)CSS.highlights.forEach(function(h,name){if(name.indexOf('termlight-')===0&&name!=='termlight-flash')found=true});
if(found){w.__glance.highlight=performance.now();return}setTimeout(look,5)}look()})();</script>`;

const withTiming = (html: string) => (/<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (h) => h + TIMING_SCRIPT) : TIMING_SCRIPT + html);

/** A tab id no tab has: the bench page is the popup of nothing. */
const NO_TAB = 2 ** 30;

type Stats = { n: number; median: number; p95: number; min: number; max: number };

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, median: at(50), p95: at(95), min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

/** One request to the background from an extension page, timed there: [milliseconds, JSON length of the reply]. */
function roundTrip(page: TestPage, message: unknown): Promise<[number, number]> {
  return page.evaluate(async (m: unknown) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const t0 = performance.now();
    const reply = await api.runtime.sendMessage<unknown, { ok: boolean; error?: string } | undefined>(m);
    const ms = performance.now() - t0;
    if (!reply?.ok) throw new Error(`No answer to ${JSON.stringify(m)}: ${reply?.error}`);
    return [ms, JSON.stringify(reply).length] as [number, number];
  }, message);
}

interface BadgeSample {
  label: string;
  background: 'warm' | 'cold';
  tabId: number;
  /** From the page's navigation start. */
  badgeMs: number;
  dclMs: number;
  highlightMs: number | null;
}

/** Opens `served` in a new tab and times its badge. */
async function openTimed(browser: TestBrowser, bench: TestPage, served: Served, background: 'warm' | 'cold'): Promise<{ sample: BadgeSample; page: TestPage }> {
  if (background === 'cold') await browser.stopBackground();
  // The harness opens the tab (it serves the page; Firefox serves only tabs it opened), while the
  // bench page watches every new tab's badge.
  const known = await bench.evaluate(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return (await api.tabs.query({})).map((t) => t.id ?? -1);
  });
  const seen = bench.evaluate(async (before: number[]) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const limit = performance.now() + 30_000;
    // Awaited calls, no timer: a hidden page's timers are slowed, its messages are not.
    while (performance.now() < limit) {
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined || before.includes(tab.id)) continue;
        if (await api.action.getBadgeText({ tabId: tab.id })) return { id: tab.id, at: performance.timeOrigin + performance.now() };
      }
    }
    return { id: -1, at: NaN };
  }, known);
  const page = await browser.open(served.url);
  const { id, at } = await seen;
  const timing = await page.waitFor(() => {
    const g = (window as { __glance?: { origin: number; dcl?: number; highlight?: number } }).__glance;
    return g && g.dcl !== undefined && g.highlight !== undefined ? g : null;
  }, undefined, { timeout: 30_000 }).catch(async () => page.evaluate(() => (window as unknown as { __glance: { origin: number; dcl?: number; highlight?: number } }).__glance));
  if (Number.isNaN(at)) throw new Error(`No badge on ${served.url} within 30 s`);
  return {
    page,
    sample: {
      label: served.label,
      background,
      tabId: id,
      badgeMs: at - timing.origin,
      dclMs: timing.dcl ?? NaN,
      highlightMs: timing.highlight ?? null,
    },
  };
}

interface PopupSample {
  label: string;
  background: 'warm' | 'cold';
  listMs: number;
  loadMs: number;
}

/** Opens the popup for `tabId` as a page and reads its own timings. */
async function openPopup(browser: TestBrowser, label: string, tabId: number, background: 'warm' | 'cold'): Promise<PopupSample> {
  if (background === 'cold') await browser.stopBackground();
  const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  try {
    const [listMs, loadMs] = await popup.waitFor(
      () => {
        const mark = performance.getEntriesByName('termlight:list-ready')[0];
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return mark ? ([mark.startTime, nav?.loadEventEnd ?? NaN] as [number, number]) : null;
      },
      undefined,
      { timeout: 30_000, message: `The popup of ${label} never showed its list (no termlight:list-ready mark)` },
    );
    return { label, background, listMs, loadMs };
  } finally {
    await popup.close();
  }
}

interface Phase {
  badge: BadgeSample[];
  popup: PopupSample[];
  /** JSON length of each page's popup/tab reply. */
  replyBytes: Record<string, number>;
  summaryWarm: number[];
  summaryCold: number[];
  /** 'popup/tab' round trips from the bench page, the background running and stopped first. */
  tabWarm: number[];
  tabCold: number[];
}

async function phase(browser: TestBrowser, bench: TestPage, opens: number): Promise<Phase> {
  const summaryWarm: number[] = [];
  const summaryCold: number[] = [];
  for (let i = 0; i < opens; i++) summaryWarm.push((await roundTrip(bench, { type: 'options/summary' }))[0]);
  for (let i = 0; i < Math.ceil(opens / 2); i++) {
    await browser.stopBackground();
    summaryCold.push((await roundTrip(bench, { type: 'options/summary' }))[0]);
  }

  // The badge: each page opened afresh, with the background running and stopped, in turn.
  const badge: BadgeSample[] = [];
  const tabs = new Map<string, number>();
  const kept: TestPage[] = [];
  const reps = Math.max(2, Math.ceil(opens / PAGES.length));
  for (let rep = 0; rep < reps; rep++) {
    for (const background of ['warm', 'cold'] as const) {
      for (const served of PAGES) {
        const { sample, page } = await openTimed(browser, bench, served, background);
        badge.push(sample);
        const last = rep === reps - 1 && background === 'cold';
        if (last) {
          tabs.set(served.label, sample.tabId);
          kept.push(page);
        } else await page.close();
        await sleep(200);
      }
    }
  }

  // The background's part of the popup alone: 'popup/tab' asked from the bench page.
  const replyBytes: Record<string, number> = {};
  const tabWarm: number[] = [];
  const tabCold: number[] = [];
  for (const [label, id] of tabs) {
    const [, bytes] = await roundTrip(bench, { type: 'popup/tab', tabId: id });
    replyBytes[label] = bytes;
    for (let i = 0; i < Math.ceil(opens / tabs.size); i++) tabWarm.push((await roundTrip(bench, { type: 'popup/tab', tabId: id }))[0]);
    for (let i = 0; i < Math.ceil(opens / tabs.size / 2); i++) {
      await browser.stopBackground();
      tabCold.push((await roundTrip(bench, { type: 'popup/tab', tabId: id }))[0]);
    }
  }

  // The popup list: `opens` warm and `opens` cold, the pages in turn.
  const popup: PopupSample[] = [];
  const labels = [...tabs.keys()];
  for (const background of ['warm', 'cold'] as const) {
    if (background === 'warm') await roundTrip(bench, { type: 'popup/tab', tabId: tabs.get(labels[0]!)! }); // wake and warm it
    for (let i = 0; i < opens; i++) {
      const label = labels[i % labels.length]!;
      popup.push(await openPopup(browser, label, tabs.get(label)!, background));
    }
  }
  // Closed, so that the next phase's tabs at the same addresses are the only ones.
  for (const page of kept) await page.close();
  return { badge, popup, replyBytes, summaryWarm, summaryCold, tabWarm, tabCold };
}

interface Run {
  browser: BrowserName;
  bundled: Phase;
  importSeconds?: number;
  importStatus?: string;
  search?: { firstMs: number; warmMs: number; coldMs: number; bytes: number };
  exported?: Phase;
}

async function run(name: BrowserName, opens: number): Promise<Run> {
  const browser = await launch(name);
  try {
    for (const served of PAGES) await browser.serve(served.url, withTiming(served.html()));
    // The bench's own page: the popup of no tab, which asks one question at its start and is
    // quiet after it (the options page asks for its summary again as the records change).
    const bench = await browser.openExtensionPage(`popup/popup.html?tab=${NO_TAB}`);
    console.log(`[${name}] bundled records`);
    const result: Run = { browser: name, bundled: await phase(browser, bench, opens) };

    const exportDir = path.join(CORPUS_DIR, 'tosdr/api-v1');
    const files = readdirSync(exportDir).filter((f) => f.endsWith('.json')).map((f) => path.join(exportDir, f));
    const options = await browser.openExtensionPage('popup/options.html');
    await options.waitFor(() => document.getElementById('totals')?.textContent ?? '');
    const t0 = Date.now();
    result.importStatus = await importFiles(options, files, 180_000);
    result.importSeconds = (Date.now() - t0) / 1000;
    await options.close();
    console.log(`[${name}] ${result.importStatus}`);
    const query = { type: 'popup/search', query: 'class action' };
    const [firstMs, bytes] = await roundTrip(bench, query);
    const [warmMs] = await roundTrip(bench, { type: 'popup/search', query: 'duckduckgo' });
    await browser.stopBackground();
    const [coldMs] = await roundTrip(bench, query);
    result.search = { firstMs, warmMs, coldMs, bytes };
    console.log(`[${name}] with the whole ToS;DR export`);
    result.exported = await phase(browser, bench, opens);
    return result;
  } finally {
    await browser.close();
  }
}

const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v)}` : '-');

function report(r: Run): void {
  const lines: string[] = [];
  const row = (what: string, values: readonly number[], base: number) => {
    const s = stats(values);
    lines.push(`  ${what.padEnd(44)} ${ms(s.median).padStart(6)} ${ms(s.p95).padStart(6)} ${ms(s.max).padStart(6)} ${String(s.n).padStart(3)}   ×${(s.median / base).toFixed(1)}`);
  };
  for (const [title, p] of [['bundled records', r.bundled], ['whole ToS;DR export imported', r.exported]] as const) {
    if (!p) continue;
    const base = stats(p.summaryWarm).median;
    lines.push(`[${r.browser}] ${title}: ms  (median  p95  max  n   median / warm options/summary round trip = ${base.toFixed(1)} ms)`);
    row('options/summary round trip, warm', p.summaryWarm, base);
    row('options/summary round trip, background stopped', p.summaryCold, base);
    row('popup/tab round trip, warm', p.tabWarm, base);
    row('popup/tab round trip, background stopped', p.tabCold, base);
    for (const bg of ['warm', 'cold'] as const) {
      const popups = p.popup.filter((s) => s.background === bg);
      row(`popup page load event, ${bg}`, popups.map((s) => s.loadMs), base);
      row(`POPUP LIST READY, ${bg}`, popups.map((s) => s.listMs), base);
      for (const label of PAGES.map((x) => x.label)) row(`  ${label}`, popups.filter((s) => s.label === label).map((s) => s.listMs), base);
    }
    for (const bg of ['warm', 'cold'] as const) {
      const badges = p.badge.filter((s) => s.background === bg);
      row(`page DOMContentLoaded, ${bg}`, badges.map((s) => s.dclMs), base);
      row(`first highlight, ${bg}`, badges.flatMap((s) => s.highlightMs ?? []), base);
      row(`BADGE, ${bg}`, badges.map((s) => s.badgeMs), base);
      row(`badge after DOMContentLoaded, ${bg}`, badges.map((s) => s.badgeMs - s.dclMs), base);
    }
    lines.push(`  popup/tab reply: ${Object.entries(p.replyBytes).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KB`).join(', ')}`);
  }
  if (r.search) {
    lines.push(
      `[${r.browser}] import ${r.importSeconds?.toFixed(1)} s; popup/search round trip after it: first ${ms(r.search.firstMs)} ms, ` +
        `warm ${ms(r.search.warmMs)} ms, background stopped ${ms(r.search.coldMs)} ms (reply ${(r.search.bytes / 1024).toFixed(0)} KB)`,
    );
  }
  console.log(lines.join('\n'));
}

export async function main(args: readonly string[]): Promise<number> {
  if (!hasCorpus) {
    console.log(`No corpus at ${CORPUS_DIR}: the corpus documents and the ToS;DR export are needed.`);
    return 1;
  }
  const opens = Number(args.find((a) => a.startsWith('--opens='))?.slice('--opens='.length) ?? 12);
  const named = args.filter((a) => !a.startsWith('--'));
  const browsers = (named.length ? named : ['chromium', 'firefox']) as BrowserName[];
  const dir = path.join(REPO_ROOT, 'artifacts');
  mkdirSync(dir, { recursive: true });
  for (const name of browsers) {
    const result = await run(name, opens);
    report(result);
    const file = path.join(dir, `glance-${name}.json`);
    writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), opens, ...result }, null, 2)}\n`);
    console.log(`[${name}] written to ${path.relative(REPO_ROOT, file)}`);
  }
  return 0;
}
