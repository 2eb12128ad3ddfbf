/**
 * `node scripts/bench/reach.mjs [chromium] [firefox] [--without-access]`, by hand after a build: automatic
 * highlights measured on the 22 corpus services imported from ToS;DR, with their sites allowed.
 * Prints, never asserts.
 *
 * In each browser, on the built extension: the 22 ToS;DR exports imported through the options
 * page, the offer granted (Firefox: the click, its prompt answered by its pref; Chromium: the
 * grant stored in the profile as an "Allow" is, then a restart: its prompt cannot be answered
 * headless), then every current Open Terms Archive document of those services rendered and served
 * (a) at its real fetch address (../shared/corpus/ota/documents.json), and (b) at the address the
 * ToS;DR record gives the document, where that differs. For every ToS;DR quote the corpus finds
 * in the current text (tosdr/points.json, match level other than not_found): is it highlighted on
 * that page? Every Termlight highlight on the page: is it some record's clause (bundled or
 * ToS;DR)? And the time from the page's load event to its first highlight, measured in the page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundledPackJson } from '../../src/records/bundled';
import { convertTosdrService } from '../../src/records/tosdr';
import {
  DIST,
  importFiles,
  launch,
  markdownPage,
  poll,
  sleep,
  termlightRanges,
  unpackedExtensionId,
  type BrowserName,
  type LaunchOptions,
  type TestBrowser,
} from '../../test/e2e/harness';
import { sameClause } from '../../test/e2e/harness/clauses';
import { GRANT_WITHOUT_PROMPT_PREFS, grantInChromiumProfile, requestedOrigins, spyOnPermissionRequests } from '../../test/e2e/harness/host-access';
import { CORPUS_DIR, hasCorpus } from '../../test/helpers/corpus';

interface OtaDocument {
  role: string;
  service: string;
  terms_type: string;
  fetch_urls: string[];
  file: string;
}
interface Point {
  tosdr_service_slug: string;
  service: string;
  document_type: string;
  tosdr_document_url: string | null;
  quote_text: string;
  match: { current: { file: string; level: string } };
}

/** Records the time of the load event and of the first Termlight highlight, in the page's own clock. */
const TIMING_SCRIPT = `<script>(function(){var w=window;addEventListener('load',function(){w.__tlLoad=performance.now()});
function look(){var found=false;if(w.CSS&&CSS.highlights)CSS.highlights.forEach(function(h,name){if(name.indexOf('termlight-')===0&&name!=='termlight-flash')found=true});
if(found){w.__tlFirst=performance.now();return}setTimeout(look,5)}look()})();</script>`;

interface Page {
  url: string;
  html: string;
  /** The present quotes this page should show. */
  quotes: string[];
  kind: 'fetch address' | 'ToS;DR address';
}

interface PageResult {
  url: string;
  kind: Page['kind'];
  present: number;
  highlighted: number;
  highlights: number;
  falseHighlights: string[];
  loadToHighlightMs: number | null;
}

function pages(): { pages: Page[]; allQuotes: string[]; exports: string[] } {
  const documents = (JSON.parse(readFileSync(path.join(CORPUS_DIR, 'ota/documents.json'), 'utf8')) as OtaDocument[]).filter(
    (d) => d.role === 'current',
  );
  const points = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'tosdr/points.json'), 'utf8')) as Point[];
  const slugs = [...new Set(points.map((p) => p.tosdr_service_slug))];
  const present = points.filter((p) => p.match.current.level !== 'not_found');
  const out: Page[] = [];
  for (const doc of documents) {
    const quotes = present.filter((p) => p.match.current.file === doc.file);
    if (quotes.length === 0) continue;
    const html = TIMING_SCRIPT + markdownPage(path.join(CORPUS_DIR, doc.file), `${doc.service} ${doc.terms_type}`);
    out.push({ url: doc.fetch_urls[0]!, html, quotes: quotes.map((q) => q.quote_text), kind: 'fetch address' });
    // Where ToS;DR says the document is, when that is elsewhere: its quotes there.
    const elsewhere = new Map<string, string[]>();
    for (const q of quotes) {
      // Scheme and trailing slash never count (URL patterns ignore them).
      const at = q.tosdr_document_url?.replace(/^http:/, 'https:');
      const same = (a: string, b: string) => a.replace(/\/$/, '') === b.replace(/\/$/, '');
      if (!at || !/^https:\/\//.test(at) || doc.fetch_urls.some((f) => same(f, at))) continue;
      elsewhere.set(at, [...(elsewhere.get(at) ?? []), q.quote_text]);
    }
    for (const [url, q] of elsewhere) out.push({ url, html, quotes: q, kind: 'ToS;DR address' });
  }
  // Every record's quote, bundled and imported, against which a highlight is judged.
  const bundled = (bundledPackJson('bench') as { records: { quote: { exact: string } }[] }).records.map((r) => r.quote.exact);
  const exports = slugs.map((s) => path.join(CORPUS_DIR, 'tosdr/api-v1', `${s}.json`));
  const imported = exports.flatMap((file) => {
    const converted = convertTosdrService(JSON.parse(readFileSync(file, 'utf8')), path.basename(file));
    return converted.ok ? converted.pack.records.map((r) => r.quote.exact) : [];
  });
  return { pages: out, allQuotes: [...bundled, ...imported], exports };
}

async function measurePage(browser: TestBrowser, page: Page, allQuotes: readonly string[]): Promise<PageResult> {
  await browser.serve(page.url, page.html);
  const tab = await browser.open(page.url);
  try {
    const badge = await poll(async () => (await browser.badge(tab)).text, { timeout: 20_000 }).catch(() => '');
    const texts = badge
      ? (await termlightRanges(browser, tab)).filter((r) => r.highlight !== 'termlight-flash' && r.highlight !== 'termlight-changed').map((r) => r.text)
      : [];
    const timing = await tab.evaluate(() => {
      const w = window as { __tlLoad?: number; __tlFirst?: number };
      return w.__tlLoad !== undefined && w.__tlFirst !== undefined ? w.__tlFirst - w.__tlLoad : null;
    });
    return {
      url: page.url,
      kind: page.kind,
      present: page.quotes.length,
      highlighted: page.quotes.filter((q) => texts.some((t) => sameClause(t, q))).length,
      highlights: texts.length,
      falseHighlights: texts.filter((t) => !allQuotes.some((q) => sameClause(t, q))),
      loadToHighlightMs: timing,
    };
  } finally {
    await tab.close();
  }
}

async function measureAll(browser: TestBrowser, list: readonly Page[], allQuotes: readonly string[]): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of list) results.push(await measurePage(browser, page, allQuotes));
  return results;
}

async function run(name: BrowserName, grant: boolean): Promise<PageResult[]> {
  const { pages: list, allQuotes, exports } = pages();
  const profileDir = await mkdtemp(path.join(os.tmpdir(), `termlight-reach-bench-${name}-`));
  const options: LaunchOptions = { profileDir, firefoxPrefs: GRANT_WITHOUT_PROMPT_PREFS };
  let browser = await launch(name, options);
  try {
    const settings = await browser.openExtensionPage('popup/options.html');
    console.log(`[${name}] ${await importFiles(settings, exports, 120_000)}`);
    const offer = await settings.waitFor(() => document.getElementById('reach-allow')?.textContent ?? '', undefined, { timeout: 30_000 });
    console.log(`[${name}] offer: "${offer}"`);
    if (!grant) return await measureAll(browser, list, allQuotes);
    await spyOnPermissionRequests(settings);
    await settings.click('#reach-allow');
    const [origins] = await poll(async () => {
      const asked = await requestedOrigins(settings);
      return asked.length ? asked : null;
    });
    console.log(`[${name}] asked for ${origins!.length} sites: ${origins!.join(' ')}`);
    if (name === 'chromium') {
      await sleep(500);
      await browser.close();
      grantInChromiumProfile(profileDir, unpackedExtensionId(DIST.chromium), origins!);
      browser = await launch(name, options);
    }
    const check = await browser.openExtensionPage('popup/options.html');
    await poll(async () => /automatic on/.test(await check.evaluate(() => document.getElementById('reach')?.textContent ?? '')), { timeout: 30_000 });
    await check.close();
    return await measureAll(browser, list, allQuotes);
  } finally {
    await browser.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

function report(name: BrowserName, results: PageResult[]): void {
  for (const kind of ['fetch address', 'ToS;DR address'] as const) {
    const rows = results.filter((r) => r.kind === kind);
    const present = rows.reduce((n, r) => n + r.present, 0);
    const highlighted = rows.reduce((n, r) => n + r.highlighted, 0);
    const falses = rows.flatMap((r) => r.falseHighlights.map((t) => `${r.url}: ${t.slice(0, 80)}`));
    const times = rows.map((r) => r.loadToHighlightMs).filter((t): t is number => t !== null);
    console.log(
      `[${name}] at the ${kind}: ${rows.length} pages, ${highlighted} of ${present} present ToS;DR quotes highlighted ` +
        `(${((100 * highlighted) / Math.max(1, present)).toFixed(1)}%), ${rows.reduce((n, r) => n + r.highlights, 0)} highlights, ` +
        `${falses.length} false; load → first highlight median ${percentile(times, 50).toFixed(0)} ms, ` +
        `p90 ${percentile(times, 90).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} pages`,
    );
    for (const f of falses) console.log(`    false: ${f}`);
    for (const r of rows) console.log(`    ${r.highlighted}/${r.present}  ${r.highlights} highlights  ${r.loadToHighlightMs?.toFixed(0) ?? '-'} ms  ${r.url}`);
  }
}

export async function main(args: readonly string[]): Promise<number> {
  if (!hasCorpus) {
    console.log(`No corpus at ${CORPUS_DIR}: nothing to measure.`);
    return 0;
  }
  // --without-access: the same pages before the reader allows anything, for comparison.
  const grant = !args.includes('--without-access');
  const named = args.filter((a) => !a.startsWith('--'));
  const browsers = (named.length ? named : ['chromium', 'firefox']) as BrowserName[];
  for (const name of browsers) report(name, await run(name, grant));
  return 0;
}
