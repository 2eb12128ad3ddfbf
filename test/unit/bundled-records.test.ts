// @vitest-environment happy-dom
/**
 * Every bundled record's quote must anchor, with its context, in the real document it quotes:
 * the texts in ../shared (Open Terms Archive copies and the seed pages), rendered to HTML and
 * read by the same extraction and matching code the content script runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { createIndex, extractText, matchQuote, normalizeText } from '../../src/anchoring';
import { bundledPackJson } from '../../src/records/bundled';
import { parsePack } from '../../src/records/schema';
import { CORPUS_DIR, hasCorpus, SHARED_DIR } from '../helpers/corpus';

const seed = (prefix: string) => {
  const name = readdirSync(`${SHARED_DIR}seeds`).find((f) => f.startsWith(prefix));
  return `${SHARED_DIR}seeds/${name}`;
};

/** Documents whose text is one of the seeds rather than a corpus file. */
const SEEDS: Record<string, () => string> = {
  'anthropic.commercial-terms': () => seed('001_'),
  'anthropic.service-specific-terms': () => seed('002_'),
  'anthropic.claude-code-data-usage': () => seed('003_'),
};

/** The corpus's current copies, by the first address Open Terms Archive fetched them from. */
const byUrl = new Map<string, string>();
if (hasCorpus) {
  const index = JSON.parse(readFileSync(`${CORPUS_DIR}ota/documents.json`, 'utf8')) as {
    role: string;
    file: string;
    fetch_urls?: string[];
  }[];
  for (const entry of index) {
    if (entry.role === 'current' && entry.fetch_urls?.[0]) byUrl.set(entry.fetch_urls[0], `${CORPUS_DIR}${entry.file}`);
  }
}
const sourceOf = (doc: { id: string; url?: string }) => SEEDS[doc.id]?.() ?? (doc.url ? byUrl.get(doc.url) : undefined);

const parsed = parsePack(bundledPackJson('test'));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const { pack } = parsed;
const squash = (s: string) => normalizeText(s).replace(/\s+/g, '');

describe.runIf(hasCorpus)('bundled records against the real documents (../shared)', () => {
  it('has a source text for every bundled document (document.url = the corpus page address)', () => {
    expect(pack.documents.filter((d) => !sourceOf(d)).map((d) => d.id)).toEqual([]);
  });

  for (const doc of pack.documents) {
    it(`${doc.id}: every quote anchors, and its prefix and suffix agree with the page`, () => {
      // The seeds are text dumps of pages: their "  • " lines were list items on the page.
      const source = readFileSync(sourceOf(doc)!, 'utf8').replace(/^[ \t]*•[ \t]*/gm, '- ');
      document.body.innerHTML = marked.parse(source, { async: false });
      const page = extractText(document.body);
      const index = createIndex(page.text);
      const problems: string[] = [];
      for (const record of pack.records.filter((r) => r.documentId === doc.id)) {
        const match = matchQuote(page.text, record.quote, index);
        if (!match) {
          problems.push(`${record.id}: quote not found`);
          continue;
        }
        if (squash(page.text.slice(match.start, match.end)) !== squash(record.quote.exact)) {
          problems.push(`${record.id}: anchored text differs from the quote`);
        }
        const before = squash(page.text.slice(Math.max(0, match.start - 200), match.start));
        const after = squash(page.text.slice(match.end, match.end + 200));
        if (record.quote.prefix && !before.endsWith(squash(record.quote.prefix))) problems.push(`${record.id}: prefix disagrees`);
        if (record.quote.suffix && !after.startsWith(squash(record.quote.suffix))) problems.push(`${record.id}: suffix disagrees`);
      }
      expect(problems).toEqual([]);
    });
  }
});
