/**
 * `npm run records -- detect`: the detector on a saved page, through the CLI's own `run`, on a
 * short terms text written for this test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/records/cli';
import { bundledModel } from '../../src/detector/bundled-model';
import { KINDS } from '../../src/detector/kinds';
import { CATEGORY_IDS } from '../../src/records/taxonomy';

const dir = mkdtempSync(path.join(tmpdir(), 'termlight-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARBITRATION = 'Any dispute arising out of these terms shall be resolved exclusively by final and binding arbitration, and you waive your right to a jury trial or to take part in a class action.';
const NEUTRAL = 'Our team met in Lisbon last spring to plan the new garden.';

writeFileSync(path.join(dir, 'terms.txt'), `Acme terms\n\n${NEUTRAL}\n\n${ARBITRATION}\n`);
writeFileSync(
  path.join(dir, 'terms.html'),
  `<html><body><h1>Acme terms</h1><p>${NEUTRAL}</p><p style="display:none">${ARBITRATION}</p><p>${ARBITRATION}</p></body></html>`,
);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('records detect', () => {
  it('--json prints one array of detected sentences with offsets, kind ids, confidence and why', async () => {
    const { code, stdout } = await cli('detect', 'terms.txt', '--json');
    expect(code).toBe(0);
    const units = JSON.parse(stdout) as Record<string, unknown>[];
    expect(units).toHaveLength(1);
    const [unit] = units;
    expect(Object.keys(unit!).sort()).toEqual(['confidence', 'end', 'kinds', 'start', 'text', 'why']);
    expect(unit!.text).toBe(ARBITRATION);
    expect(unit!.kinds).toContain('arbitration');
    for (const kind of unit!.kinds as string[]) expect(KINDS).toContain(kind);
    expect(unit!.confidence).toBeGreaterThanOrEqual(bundledModel().file.readerThreshold);
    expect(unit!.confidence).toBeLessThanOrEqual(1);
    expect((unit!.end as number) - (unit!.start as number)).toBe(ARBITRATION.length);
    expect((unit!.why as string[]).length).toBeGreaterThan(0);
  });

  it('reads a saved HTML page as the extension does: hidden text is not analysed', async () => {
    const { stdout } = await cli('detect', 'terms.html', '--json');
    const units = JSON.parse(stdout) as { text: string }[];
    expect(units.map((u) => u.text)).toEqual([ARBITRATION]);
  });

  it('says in words what it found, marked as not reviewed', async () => {
    const { code, stdout } = await cli('detect', 'terms.txt');
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 clause detected automatically \(not reviewed\)/);
    expect(stdout).toMatch(/Arbitration/);
    expect(stdout).toMatch(/why: "/);
  });

  it('--draft writes a pack skeleton: the quote with context, categories, a severity, impact and why-it-matters left to write', async () => {
    const { code, stdout } = await cli('detect', 'terms.txt', '--draft');
    expect(code).toBe(0);
    const pack = JSON.parse(stdout) as { records: { quote: { exact: string; prefix: string }; categories: string[]; severity: string; impact: string; whyItMatters: string }[] };
    expect(pack.records).toHaveLength(1);
    const [record] = pack.records;
    expect(record!.quote.exact).toBe(ARBITRATION);
    expect(NEUTRAL.endsWith(record!.quote.prefix.trim())).toBe(true);
    expect(record!.categories).toContain('arbitration');
    for (const c of record!.categories) expect(CATEGORY_IDS).toContain(c);
    expect(record!.severity).toBe('high');
    expect([record!.impact, record!.whyItMatters]).toEqual(['', '']);
  });

  it('refuses --json with --draft, and a missing file in a sentence', async () => {
    expect((await cli('detect', 'terms.txt', '--json', '--draft')).code).toBe(2);
    const missing = await cli('detect', 'nowhere.txt');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read nowhere\.txt: no such file/);
  });
});
