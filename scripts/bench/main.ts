/**
 * `npm run bench`: accuracy and speed of the production anchoring on the shared corpus (see
 * README, "Anchoring benchmark"). Flags: --quick (2 runs, no sensitivity table), --no-browser.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { QuoteSelector } from '../../src/anchoring';
import { bundledPackJson } from '../../src/records/bundled';
import { accuracy } from './accuracy';
import { ChromiumPass, LONG_TASK_OBSERVER, benchPack, benchUrl, browserProblem, type EndToEnd } from './browser';
import { CORPUS_DIR, hasCorpus, loadCorpus, serviceOf, typeOf } from './corpus';
import { measure } from './measure';
import { isHiddenInline, parseHtml, renderPage, seedOf } from './render';
import { Report, ms, n, pct, ratio } from './report';
import { bigPage, manyNodesPage } from './scale';
import { Pages, buildSets } from './sets';
import { speedSummary, speedTable, totals, type Row } from './speed';
import { tuningReport } from './tuning';

const CLAUDE_URL = 'https://www.anthropic.com/legal/consumer-terms';
const CLAUDE_FILE = 'ota/current/Claude.ai/Terms of Service.md';

interface Bundled {
  documents: { id: string; url?: string }[];
  records: { documentId: string; quote: QuoteSelector }[];
}

export async function main(args: readonly string[]): Promise<number> {
  if (!hasCorpus) {
    console.log(`Termlight bench: no corpus at ${CORPUS_DIR} (set $TERMLIGHT_CORPUS or put it at ../shared/corpus). Nothing to measure.`);
    return 0;
  }
  const quick = args.includes('--quick');
  const repeats = quick ? 2 : 5;
  const phases: [string, number][] = [];
  let t = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases.push([name, now - t]);
    t = now;
  };
  const report = new Report();
  const json: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, repeats };

  report.section('Termlight anchoring benchmark', 1);
  report.para(
    `Corpus ${CORPUS_DIR}; ${os.cpus().length} cores, Node ${process.version}; times are medians of ${repeats} runs in ms. ` +
      'Pages are the corpus Markdown rendered by scripts/bench/render.ts (menus, hidden mobile menu, footer, seeded inline links and emphasis, &nbsp;, soft hyphens).',
  );

  const corpus = loadCorpus();
  const pages = new Pages(corpus);
  const sets = buildSets(pages);
  phase('render pages, build sets');

  const acc = accuracy(pages, sets, report);
  json.accuracy = {
    present: acc.present.ours.filter((o) => !o.correct).map((o) => o.item.id),
    reworded: acc.reworded.ours.map((o) => ({ id: o.item.id, anchored: !!o.anchor, correct: o.correct, score: o.anchor?.score, context: o.anchor?.context, survival: o.item.truth.survival })),
    falseAnchors: acc.negatives.ours.filter((o) => o.anchor).map((o) => ({ id: o.item.id, file: o.item.file, score: o.anchor!.score })),
    summary: {
      present: [acc.present.ours.length, acc.present.ours.filter((o) => o.correct).length, acc.present.reference.filter((o) => o.correct).length],
      reworded: [acc.reworded.ours.length, acc.reworded.ours.filter((o) => o.anchor).length, acc.reworded.ours.filter((o) => o.correct).length],
      negatives: [acc.negatives.ours.length, acc.negatives.ours.filter((o) => o.anchor).length],
    },
  };
  phase('accuracy (ours and Hypothesis)');

  report.section('FUZZY thresholds: what the data shows');
  const withContext = tuningReport(report, 'records with context (sets 2 and 3)', pages, sets.reworded, sets.negatives.items, quick);
  const noContext = tuningReport(report, 'records without context (CLAUDETTE, sets 2b and 3b)', pages, acc.claudetteSets.reworded, acc.claudetteSets.negatives.items, quick);
  json.tuning = { withContext: withContext.variants.map(({ tuning: _, ...v }) => v), noContext: noContext.variants.map(({ tuning: _, ...v }) => v) };
  phase('FUZZY analysis');

  // Records per document: sets 1 and 2, and the bundled records of the corpus documents.
  const byFile = new Map<string, QuoteSelector[]>();
  const add = (file: string, q: QuoteSelector) => byFile.set(file, [...(byFile.get(file) ?? []), q]);
  for (const item of [...sets.present, ...sets.reworded]) add(item.file, item.quote);
  // Bundled records whose document is in the corpus: the same address as OTA's.
  const bundled = bundledPackJson('bench') as Bundled;
  const fileOf = new Map<string, string>();
  for (const d of bundled.documents) {
    const same = corpus.documents.find((c) => c.role === 'current' && c.fetch_urls?.some((u) => u.replace(/\/$/, '') === d.url?.replace(/\/$/, '')));
    if (same) fileOf.set(d.id, same.file);
  }
  for (const r of bundled.records) if (fileOf.has(r.documentId)) add(fileOf.get(r.documentId)!, r.quote);
  const docs = [...byFile.keys()].sort();
  const scale = [bigPage(corpus), manyNodesPage(corpus)];
  const name = (file: string) => `${serviceOf(file)} ${typeOf(file) === 'Privacy Policy' ? 'PP' : 'ToS'}`;

  report.section('Speed in Node (happy-dom)');
  const nodeRows: Row[] = docs.map((file) => {
    const d = pages.get(file);
    return { name: name(file), htmlBytes: d.html.length, records: byFile.get(file)!, m: measure(d.doc, byFile.get(file)!, { repeats, isHidden: isHiddenInline }) };
  });
  speedTable(report, nodeRows, false);
  speedSummary(report, 'Corpus documents', nodeRows, false);
  const nodeScale: Row[] = scale.map((p) => ({
    name: p.name,
    htmlBytes: p.html.length,
    records: p.records,
    m: measure(parseHtml(p.html), p.records, { repeats, refRepeats: 1, isHidden: isHiddenInline }),
  }));
  speedTable(report, nodeScale, false);
  json.node = { docs: nodeRows.map((r) => ({ name: r.name, records: r.records.length, ...r.m.median })), scale: nodeScale.map((r) => ({ name: r.name, records: r.records.length, textNodes: r.m.textNodes, ...r.m.median })) };
  phase('speed in Node');

  let chrome: { docs: Row[]; scale: Row[]; e2e: EndToEnd[] } | null = null;
  const problem = args.includes('--no-browser') ? 'skipped (--no-browser)' : browserProblem();
  if (problem) {
    report.section('Chromium');
    report.para(`Chromium pass: ${problem}.`);
  } else {
    const pass = await ChromiumPass.start();
    try {
      report.section('Speed in Chromium (the same code bundled into the page; ranges and CSS highlights included)');
      const chromeRows: Row[] = [];
      for (const file of docs) {
        const d = pages.get(file);
        chromeRows.push({ name: name(file), htmlBytes: d.html.length, records: byFile.get(file)!, m: await pass.measure({ name: file, html: d.html, records: byFile.get(file)! }, repeats, repeats) });
      }
      speedTable(report, chromeRows, true);
      speedSummary(report, 'Corpus documents', chromeRows, true);
      const chromeScale: Row[] = [];
      for (const p of scale) chromeScale.push({ name: p.name, htmlBytes: p.html.length, records: p.records, m: await pass.measure(p, repeats, quick ? 1 : 2) });
      speedTable(report, chromeScale, true);
      json.chromium = { docs: chromeRows.map((r) => ({ name: r.name, records: r.records.length, ...r.m.median })), scale: chromeScale.map((r) => ({ name: r.name, records: r.records.length, textNodes: r.m.textNodes, ...r.m.median })) };
      phase('speed in Chromium');

      report.section('End to end in Chromium with the built extension (navigation → badge)');
      const claude = renderPage(corpus.read(CLAUDE_FILE), { service: 'Anthropic', title: 'Consumer Terms of Service', seed: seedOf(CLAUDE_FILE), headHtml: LONG_TASK_OBSERVER });
      const claudeRecords = bundled.records.filter((r) => fileOf.get(r.documentId) === CLAUDE_FILE).length;
      const runs: EndToEnd[] = [await pass.endToEnd(`Claude.ai Terms of Service (bundled records)`, CLAUDE_URL, claude, claudeRecords, repeats)];
      const big = bigPage(corpus, 1_000_000, 500, LONG_TASK_OBSERVER);
      const bigUrl = benchUrl(pass.extensionDir);
      const status = await pass.importPack(benchPack(bigUrl, big.records));
      report.para(`Pack of ${big.records.length} records for ${bigUrl} (inside the manifest's matches, claimed by no bundled document), through the options page: "${status}"`);
      runs.push(await pass.endToEnd(`${big.name}, ${big.records.length} imported records`, bigUrl, big.html, big.records.length, quick ? 1 : 3));
      endToEndTable(report, runs);
      json.endToEnd = runs;
      chrome = { docs: chromeRows, scale: chromeScale, e2e: runs };
      phase('end to end in Chromium');
    } finally {
      await pass.close();
    }
  }

  const headline = summary(acc, { docs: nodeRows, scale: nodeScale }, chrome);
  report.section('Summary');
  report.table(['figure', 'value', 'goal'], headline);
  report.section('Bench run time');
  report.table(['phase', 's'], phases.map(([p, x]) => [p, (x / 1000).toFixed(1)]));
  json.phases = Object.fromEntries(phases.map(([p, x]) => [p, Math.round(x)]));
  const out = path.resolve('artifacts');
  await mkdir(out, { recursive: true });
  // The file opens with the summary; the console printed it last.
  const md = new Report(true);
  md.table(['figure', 'value', 'goal'], headline);
  await writeFile(path.join(out, 'bench.md'), `${[...report.lines.slice(0, 5), '## Summary', '', ...md.lines, ...report.lines.slice(5)].join('\n')}\n`);
  await writeFile(path.join(out, 'bench.json'), JSON.stringify(json, null, 1));
  console.log(`\nWritten: artifacts/bench.md, artifacts/bench.json`);
  return 0;
}

type Acc = ReturnType<typeof accuracy>;

function summary(acc: Acc, node: { docs: Row[]; scale: Row[] }, chrome: { docs: Row[]; scale: Row[]; e2e: EndToEnd[] } | null): string[][] {
  const count = (o: { anchor: unknown; correct: boolean }[]) => [o.filter((x) => x.anchor).length, o.filter((x) => x.correct).length] as const;
  const [, p1c] = count(acc.present.ours);
  const [p2a, p2c] = count(acc.reworded.ours);
  const [, r1c] = count(acc.present.reference);
  const [r2a, r2c] = count(acc.reworded.reference);
  const rows: string[][] = [
    ['Set 1 recall (present clauses)', `${pct(p1c, acc.present.ours.length)} (${p1c}/${acc.present.ours.length}); Hypothesis ${pct(r1c, acc.present.ours.length)}`, '100%'],
    ['Set 2 precision (reworded)', `${pct(p2c, p2a)} (${p2c}/${p2a}); Hypothesis ${pct(r2c, r2a)} (${r2c}/${r2a})`, '100%'],
    ['Set 2 recall', `${pct(p2c, acc.reworded.ours.length)} of all, ${pct(p2c, acc.reworded.stillThere)} of the ${acc.reworded.stillThere} still there; Hypothesis ${pct(r2c, acc.reworded.stillThere)}`, '—'],
    ['Set 3 false anchors (negatives)', `${acc.negatives.ours.filter((o) => o.anchor).length} of ${n(acc.negatives.ours.length)}`, '0'],
  ];
  const speed = (label: string, docs: Row[], scale: Row[]) => {
    const t = totals(docs);
    rows.push([`${label}: ours / floor, corpus documents`, ratio(t.total, t.floor), '≤ 3x']);
    rows.push([`${label}: Hypothesis / ours, corpus documents`, ratio(t.refTotal, t.total), '≥ 10x']);
    for (const r of scale) {
      const s = totals([r]);
      rows.push([`${label}: ${r.name}, ours / floor; Hypothesis / ours`, `${ratio(s.total, s.floor)}; ${ratio(s.refTotal, s.total)} (ours ${ms(s.total)} ms)`, '≤ 3x; ≥ 10x']);
    }
  };
  speed('Node', node.docs, node.scale);
  if (chrome) {
    speed('Chromium', chrome.docs, chrome.scale);
    for (const e of chrome.e2e) {
      const badge = e.runs.map((r) => r.badgeMs).sort((a, b) => a - b)[Math.floor(e.runs.length / 2)]!;
      const longest = Math.max(...e.runs.map((r) => r.longTasks[1]));
      rows.push([`End to end: ${e.name}`, `badge after ${ms(badge)} ms (median); longest long task after DOMContentLoaded ${ms(longest)} ms`, '—']);
    }
  }
  return rows;
}

function endToEndTable(report: Report, runs: readonly EndToEnd[]): void {
  const pair = ([count, longest]: [number, number]) => (count ? `${count}, ${ms(longest)}` : '0');
  const rows = runs.flatMap((e) =>
    e.runs.map((r, i) => [
      i === 0 ? e.name : '',
      i + 1,
      ms(r.badgeMs),
      r.badge,
      ms(r.domContentLoadedMs),
      pair(r.longTasks),
      pair(r.longAnimationFrames),
      pair(r.heartbeatGaps),
      r.timing ? `${ms(r.timing.extractMs ?? NaN)} / ${ms(r.timing.anchorMs ?? NaN)} / ${ms(r.timing.paintMs ?? NaN)} / ${ms(r.timing.longestSliceMs ?? NaN)}` : 'not reported',
    ]),
  );
  report.table(
    ['page', 'run', 'badge after', 'badge', 'DOMContentLoaded', 'long tasks (n, longest)', 'long frames', 'heartbeat gaps > 50 ms', 'content script: extract / anchor / paint / longest slice'],
    rows,
  );
  report.para(
    'Badge: from page.goto to the toolbar badge being set, polled through an extension page. Long tasks, long animation frames and heartbeat gaps: counted after DOMContentLoaded ' +
      '(the content script runs at document_idle), recorded by a script at the top of the page. The last column is the popup/tab reply\'s timing field, as the content script measured itself.',
  );
  report.para(`Records per run: ${runs.map((e) => `${e.name}: ${n(e.records)}`).join('; ')}.`);
}
