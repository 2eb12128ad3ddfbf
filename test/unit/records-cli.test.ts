/**
 * The maintainers' records CLI (scripts/records/cli.ts), run in-process through `run` on small
 * fixture files written to a temporary directory, plus one run on the shared corpus.
 */
import { Window } from 'happy-dom';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { request } from '../../content/messaging';
import { sendFingerprints } from '../../content/verify';
import { run } from '../../scripts/records/cli';
import type { Request } from '../../src/messages/protocol';
import { parsePack } from '../../src/records/schema';
import { TOSDR_ATTRIBUTION, TOSDR_LICENCE } from '../../src/records/tosdr';
import { CORPUS_DIR, hasCorpus } from '../helpers/corpus';
import { pack, record } from '../helpers/packs';

vi.mock('../../content/messaging', () => ({ request: vi.fn(async () => ({ verified: [] })) }));

const dir = mkdtempSync(path.join(tmpdir(), 'termlight-records-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: unknown): string => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
};

/**
 * The fingerprint the content script sends for a page showing `html`: content/verify.ts run on
 * it in a happy-dom window, with the message to the background caught.
 */
async function extensionFingerprint(html: string, contentSelector?: string): Promise<string> {
  const url = 'https://acme.example/terms';
  const window = new Window({ url, settings: { disableJavaScriptFileLoading: true } });
  window.document.write(html);
  vi.stubGlobal('document', window.document);
  vi.stubGlobal('location', window.location);
  const sent = vi.mocked(request);
  sent.mockClear();
  try {
    const document = { key: 'acme.terms', title: 'Terms', platformName: 'Acme', verify: true, ...(contentSelector ? { contentSelector } : {}) };
    await sendFingerprints({ documents: [document], records: [] }, url);
    const message = sent.mock.calls[0]![0] as Request<'page/fingerprints'>;
    return message.fingerprints[0]!.sha256;
  } finally {
    vi.unstubAllGlobals();
    await window.happyDOM.close();
  }
}

/** Runs the CLI from `dir`, collecting what it prints. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('usage', () => {
  it('prints the usage for help or no command, exit 0', async () => {
    for (const argv of [[], ['help']]) {
      const { code, stdout } = await cli(...argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: npm run records -- <command>');
      expect(stdout).toContain('convert-tosdr');
    }
  });

  it('sends usage to stderr with exit 2 for an unknown command, missing arguments or a bad option', async () => {
    for (const argv of [['frobnicate'], ['validate'], ['convert-tosdr', 'x.json'], ['check', 'bundled'], ['hash', 'a.html', '--out', 'x']]) {
      const { code, stdout, stderr } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('Usage:');
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
});

describe('validate', () => {
  it('reports a valid pack with its counts', async () => {
    const file = write('valid.json', pack('fixture', ['alpha', 'beta'], [{ id: 'r1', documentId: 'alpha.terms' }]));
    const { code, stdout } = await cli('validate', 'valid.json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK .*valid\.json: fixture 1, 2 platforms, 2 documents, 1 record$/m);
    expect((await cli('validate', file)).code).toBe(0); // absolute paths too
  });

  it('accepts "bundled" as the name of the bundled pack', async () => {
    const { code, stdout } = await cli('validate', 'bundled');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK .*bundled: termlight-bundled/m);
  });

  it('lists every problem of an invalid pack with its JSON path, and exits 1', async () => {
    const bad = pack('fixture', ['alpha'], [
      { id: 'r1', documentId: 'alpha.terms' },
      { id: 'r2', documentId: 'alpha.terms' },
    ]) as unknown as { records: { severity: string }[]; documents: { kind: string; platformId: string }[] };
    bad.records[1]!.severity = 'apocalyptic';
    bad.documents[0]!.kind = 'poem';
    write('invalid.json', bad);
    write('valid2.json', pack('other', ['beta'], []));
    const { code, stdout } = await cli('validate', 'invalid.json', 'valid2.json');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^INVALID invalid\.json: 2 problems$/m);
    expect(stdout).toMatch(/^ {2}documents\[0\]\.kind: /m);
    expect(stdout).toMatch(/^ {2}records\[1\]\.severity: /m);
    expect(stdout).toMatch(/^OK .*valid2\.json/m);
    expect(stdout).toContain('1 valid pack, 1 invalid');

    // References between items are checked once every item has the right shape.
    bad.records[1]!.severity = 'high';
    bad.documents[0]!.kind = 'terms';
    bad.documents[0]!.platformId = 'gamma';
    write('dangling.json', bad);
    const dangling = await cli('validate', 'dangling.json');
    expect(dangling.code).toBe(1);
    expect(dangling.stdout).toContain('documents[0].platformId: no platform "gamma" in this pack');
  });

  it('says so, as a sentence, when a file is missing or not JSON', async () => {
    write('broken.json', '{"schemaVersion": 1,');
    const { code, stdout } = await cli('validate', 'missing.json', 'broken.json');
    expect(code).toBe(1);
    expect(stdout).toContain('Cannot read missing.json: no such file.');
    expect(stdout).toContain('broken.json is not valid JSON');
  });
});

const tosdrService = (name: string, points: Record<string, { quoteText?: string; title: string; point: string }>) => ({
  name,
  urls: [`${name.toLowerCase()}.example`],
  links: { 'Terms of Service': { name: 'Terms of Service', url: `https://${name.toLowerCase()}.example/terms` } },
  pointsData: Object.fromEntries(
    Object.entries(points).map(([id, p]) => [
      id,
      {
        id,
        title: p.title,
        quoteDoc: 'Terms of Service',
        ...(p.quoteText ? { quoteText: p.quoteText } : {}),
        tosdr: { case: p.title, point: p.point, score: 60 },
      },
    ]),
  ),
});

describe('convert-tosdr', () => {
  write('tosdr/acme.json', tosdrService('Acme', {
    '1': { quoteText: 'Acme may terminate your account at any time.', title: 'Acme can delete your account', point: 'bad' },
    '2': { title: 'A point without a quote', point: 'neutral' },
  }));
  write('tosdr/globex.json', tosdrService('Globex', {
    '7': { quoteText: 'Any dispute will be resolved by binding arbitration.', title: 'Binding arbitration', point: 'blocker' },
  }));
  write('tosdr/notes.txt', 'not a service');

  it('merges services into one pack "tosdr", keeping the credit and licence, and counts skipped points', async () => {
    const { code, stdout } = await cli('convert-tosdr', 'tosdr/acme.json', 'tosdr/globex.json', '--out', 'tosdr.json', '--date', '2026-11-01');
    expect(code).toBe(0);
    expect(stdout).toContain('acme: 1 record in 1 document, 1 point skipped (no quote)');
    expect(stdout).toMatch(/Wrote tosdr\.json: 2 platforms, 2 documents, 2 records; 1 point skipped/);
    const result = parsePack(JSON.parse(readFileSync(path.join(dir, 'tosdr.json'), 'utf8')));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const merged = result.pack;
    expect(merged.packId).toBe('tosdr');
    expect(merged.publishedAt).toBe('2026-11-01');
    expect(merged.source).toMatchObject({ kind: 'tosdr', attribution: TOSDR_ATTRIBUTION, licence: TOSDR_LICENCE });
    expect(merged.platforms.map((p) => p.id)).toEqual(['acme', 'globex']);
    expect(merged.records.map((r) => [r.id, r.severity])).toEqual([
      ['acme.point-1', 'high'],
      ['globex.point-7', 'critical'],
    ]);
    for (const r of merged.records) expect(r.provenance).toMatchObject({ attribution: TOSDR_ATTRIBUTION, licence: TOSDR_LICENCE });
    expect((await cli('validate', 'tosdr.json')).code).toBe(0);
  });

  it('reads a directory as its *.json files, and writes to stdout with --out - (report on stderr)', async () => {
    const { code, stdout, stderr } = await cli('convert-tosdr', 'tosdr', '--out', '-');
    expect(code).toBe(0);
    expect(stderr).toContain('Wrote the pack to stdout: 2 platforms');
    const merged = parsePack(JSON.parse(stdout));
    expect(merged.ok && merged.pack.records.length).toBe(2);
  });

  it('reports files that are not ToS;DR exports, converts the rest and exits 1', async () => {
    write('tosdr-bad/pack.json', pack('fixture', ['alpha'], []));
    const { code, stderr } = await cli('convert-tosdr', 'tosdr/acme.json', 'tosdr-bad/pack.json', '--out', 'partial.json');
    expect(code).toBe(1);
    expect(stderr).toMatch(/Skipped: .*pack\.json is not a usable ToS;DR service export/);
    expect((JSON.parse(readFileSync(path.join(dir, 'partial.json'), 'utf8')) as { records: unknown[] }).records).toHaveLength(1);
  });
});

const TEXT = {
  heading: 'Terms of Service',
  termination:
    'We may suspend or terminate your access to the services at any time, for any reason or no reason, without notice to you.',
  licence:
    'You grant us a worldwide, royalty-free licence to use, copy, modify and publish any content you submit, including for training our models and improving our products.',
};

describe('hash', () => {
  it('gives the same hash to the same text in different markup and formats', async () => {
    write('a.html', `<!doctype html><html><head><title>Ignored</title></head><body><h1>${TEXT.heading}</h1><p>${TEXT.termination}</p></body></html>`);
    write('b.html', `<body><div><h2>Terms   of <em>Service</em></h2></div>\n<p>${TEXT.termination.replace('any time', '<b>any</b>&nbsp;time')}</p><script>var x = 1;</script></body>`);
    write('c.md', `# ${TEXT.heading}\n\n${TEXT.termination.replace('without notice', '*without notice*')}\n`);
    const results = await Promise.all(['a.html', 'b.html', 'c.md'].map((f) => cli('hash', f)));
    const hashes = results.map((r) => {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^[0-9a-f]{64} {2}\S+ {2}\(\d+ characters of normalised text\)$/);
      return r.stdout.slice(0, 64);
    });
    expect(new Set(hashes).size).toBe(1);

    write('d.html', `<h1>${TEXT.heading}</h1><p>${TEXT.termination.replace('any reason', 'any good reason')}</p>`);
    expect((await cli('hash', 'd.html')).stdout.slice(0, 64)).not.toBe(hashes[0]);
  });

  it('hashes only the region --selector picks', async () => {
    write('e.html', `<nav>Home | Pricing</nav><main><h1>${TEXT.heading}</h1><p>${TEXT.termination}</p></main><footer>© Acme</footer>`);
    const whole = await cli('hash', 'e.html');
    const main = await cli('hash', 'e.html', '--selector', 'main');
    const a = await cli('hash', 'a.html');
    expect(main.stdout.slice(0, 64)).toBe(a.stdout.slice(0, 64));
    expect(whole.stdout.slice(0, 64)).not.toBe(a.stdout.slice(0, 64));
    const none = await cli('hash', 'e.html', '--selector', 'article');
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('Nothing in e.html matches the selector "article".');
  });
});

describe('hash, as the extension computes it', () => {
  const visible = `<h1>${TEXT.heading}</h1><p>${TEXT.termination}</p>`;
  const hiddenPage = `<!doctype html><html><head><style>.mobile-menu { display: none }</style></head><body>
    <nav class="mobile-menu">Menu: Home, Pricing, Log in</nav>${visible}
    <div style="display: none"><p>Limited offer: the first month is free for new subscribers.</p></div></body></html>`;

  it('leaves out hidden text (display:none) as the content script does', async () => {
    write('hidden.html', hiddenPage);
    const cli_ = (await cli('hash', 'hidden.html')).stdout.slice(0, 64);
    expect(cli_).toBe(await extensionFingerprint(hiddenPage));
    // The same text shown: another hash, so the hidden text really is left out.
    write('shown.html', hiddenPage.replace('.mobile-menu { display: none }', '').replace('display: none', 'display: block'));
    expect((await cli('hash', 'shown.html')).stdout.slice(0, 64)).not.toBe(cli_);
    write('without.html', visible);
    expect((await cli('hash', 'without.html')).stdout.slice(0, 64)).toBe(cli_);
  });

  it('fingerprints the content region the document names, leaving out the nav, as the content script does', async () => {
    const page = `<nav><a href="/">Home</a> | <a href="/pricing">Pricing</a></nav><main>${visible}</main><footer>© Acme</footer>`;
    write('region.html', page);
    const region = (await cli('hash', 'region.html', '--selector', 'main')).stdout.slice(0, 64);
    expect(region).toBe(await extensionFingerprint(page, 'main'));
    expect(region).not.toBe(await extensionFingerprint(page));

    // check: the document's contentSelector chooses the region, as in the extension.
    const withRegion = pack('fixture', ['acme'], [{ id: 'acme.termination', documentId: 'acme.terms', quote: { exact: TEXT.termination } }]);
    withRegion.documents[0]!.contentSelector = 'main';
    withRegion.documents[0]!.sha256 = region;
    write('region-pack.json', withRegion);
    const checked = await cli('check', 'region-pack.json', 'acme.terms=region.html');
    expect(checked.stdout).toContain('  hash: same as when last verified (the content region "main")');
  });

  it('check anchors in the whole page but not in hidden text, as the content script does', async () => {
    const arbitration = 'All disputes will be resolved by binding individual arbitration and you waive any class action.';
    write('anchor-region.html', `<main>${visible}</main><aside><p>${TEXT.licence}</p></aside><div style="display:none"><p>${arbitration}</p></div>`);
    const records = [
      { id: 'acme.termination', documentId: 'acme.terms', title: 'In the region', quote: { exact: TEXT.termination } },
      { id: 'acme.licence', documentId: 'acme.terms', title: 'Outside the region', quote: { exact: TEXT.licence } },
      { id: 'acme.arbitration', documentId: 'acme.terms', title: 'Hidden', quote: { exact: arbitration } },
    ];
    const withRegion = pack('fixture', ['acme'], records);
    withRegion.documents[0]!.contentSelector = 'main';
    write('anchor-region-pack.json', withRegion);
    const { code, stdout } = await cli('check', 'anchor-region-pack.json', 'acme.terms=anchor-region.html');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}found exact +In the region$/m);
    expect(stdout).toMatch(/^ {2}found exact +Outside the region$/m);
    expect(stdout).toMatch(/^ {2}NOT FOUND +Hidden$/m);
  });
});

describe('check', () => {
  const reworded =
    'You grant us a worldwide, royalty-free licence to use, copy, adapt and publish any content you submit, including for training our models and developing our products.';
  const fixture = pack('fixture', ['acme'], [
    { id: 'acme.termination', documentId: 'acme.terms', title: 'Acme can close your account', quote: { exact: TEXT.termination } },
    {
      id: 'acme.licence',
      documentId: 'acme.terms',
      title: 'Broad licence to your content',
      quote: { exact: TEXT.licence, prefix: 'Your content. ', suffix: ' Fees.' },
    },
    {
      id: 'acme.arbitration',
      documentId: 'acme.terms',
      title: 'Binding arbitration',
      quote: { exact: 'All disputes will be resolved by binding individual arbitration and you waive any class action.' },
    },
  ]);

  it('reports each record found exactly, fuzzily or not at all, and exits 1 when one is missing', async () => {
    write('check-pack.json', fixture);
    write(
      'acme-terms.html',
      `<main><h1>${TEXT.heading}</h1><p>${TEXT.termination}</p><h2>Your content</h2><p>${reworded}</p><h2>Fees</h2><p>Plans renew monthly.</p></main>`,
    );
    const { code, stdout } = await cli('check', 'check-pack.json', 'acme.terms=acme-terms.html');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}found exact +Acme can close your account$/m);
    expect(stdout).toMatch(/^ {2}found fuzzy 0\.\d\d +Broad licence to your content$/m);
    expect(stdout).toMatch(/^ {2}NOT FOUND +Binding arbitration$/m);
    expect(stdout).toContain('Total: 1 document, 3 records: 1 exact, 0 normalized, 1 fuzzy, 1 NOT FOUND');
  });

  it('exits 0 when every quote is found, and compares the recorded hash', async () => {
    const found = structuredClone(fixture);
    found.records = [record({ id: 'acme.termination', documentId: 'acme.terms', quote: { exact: TEXT.termination } })];
    found.documents[0]!.sha256 = (await cli('hash', 'acme-terms.html')).stdout.slice(0, 64);
    write('check-pack-ok.json', found);
    const { code, stdout } = await cli('check', 'check-pack-ok.json', 'acme.terms=acme-terms.html', '--selector', 'main');
    expect(code).toBe(0);
    expect(stdout).toContain('1 record: 1 exact, 0 normalized, 0 fuzzy, 0 NOT FOUND');
    expect(stdout).toContain('  hash: same as when last verified');

    found.documents[0]!.sha256 = '0'.repeat(64);
    found.documents[0]!.lastVerified = '2026-10-01';
    write('check-pack-ok.json', found);
    const changed = await cli('check', 'check-pack-ok.json', 'acme.terms=acme-terms.html');
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/hash: [0-9a-f]{64}, not the recorded 0{64}: the text changed since 2026-10-01/);
  });

  it('refuses a document the pack does not have, or a pair without "="', async () => {
    const unknown = await cli('check', 'check-pack.json', 'acme.privacy=acme-terms.html');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('check-pack.json has no document "acme.privacy". Its documents: acme.terms.');
    expect((await cli('check', 'check-pack.json', 'acme-terms.html')).code).toBe(2);
  });
});

describe.skipIf(!hasCorpus)(`on the shared corpus${hasCorpus ? '' : ` (skipped: no corpus at ${CORPUS_DIR})`}`, () => {
  it('converts real ToS;DR services and checks the bundled records against the corpus', { timeout: 60_000 }, async () => {
    const services = ['spotify', '1password', '10minutemail'].map((s) => `${CORPUS_DIR}tosdr/api-v1/${s}.json`);
    const converted = await cli('convert-tosdr', ...services, '--out', 'real-tosdr.json');
    expect(converted.code).toBe(0);
    expect(converted.stdout).toMatch(/Wrote real-tosdr\.json: 3 platforms, \d+ documents, \d+ records/);
    expect((await cli('validate', 'real-tosdr.json')).code).toBe(0);

    const checked = await cli('check', 'bundled', '--corpus', CORPUS_DIR);
    expect(checked.stderr).toBe('');
    const total = checked.stdout.match(/^Total: (\d+) documents?, (\d+) records?: .* (\d+) NOT FOUND$/m);
    expect(total, checked.stdout).not.toBeNull();
    expect(Number(total![1])).toBeGreaterThan(0);
    expect(checked.code).toBe(total![3] === '0' ? 0 : 1);
    expect(checked.stdout).toMatch(/^anthropic\.consumer-terms .* in .*ota\/current\/Claude\.ai\/Terms of Service\.md$/m);
  });
});
