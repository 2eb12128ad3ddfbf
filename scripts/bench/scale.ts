/**
 * Synthetic pages for scale: (a) about 1 MB of HTML made of rendered corpus documents one after
 * the other, with 500 quotes drawn from inside it; (b) documents rendered with dense inline
 * markup until the page holds 5,000 text nodes, with 100 quotes. Quotes are copied the way a
 * person would (soft hyphens dropped, spaces collapsed), with 40 characters of context; every
 * tenth long one loses two words, so that the reworded path runs at scale too.
 */
import { extractText } from '../../src/anchoring';
import type { QuoteSelector } from '../../src/anchoring';
import { serviceOf, typeOf, type Corpus } from './corpus';
import { isHiddenInline, pageShell, parseHtml, renderArticle, rng, seedOf } from './render';

export interface ScalePage {
  name: string;
  html: string;
  records: QuoteSelector[];
}

const clean = (s: string) => s.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();

function currentFiles(corpus: Corpus): string[] {
  return corpus.documents.filter((d) => d.role === 'current').map((d) => d.file);
}

function section(corpus: Corpus, file: string, wrapRate?: number): string {
  const heading = `<h1>${serviceOf(file)} ${typeOf(file)}</h1>`;
  return `<section>${heading}${renderArticle(corpus.read(file), { seed: seedOf(file), wrapRate })}</section>`;
}

/** `count` quotes of 60–400 characters from the article's text, starting and ending on words. */
function drawQuotes(html: string, count: number, seed: number): QuoteSelector[] {
  const doc = parseHtml(html);
  const text = extractText(doc.querySelector('article')!, { isHidden: isHiddenInline }).text;
  const random = rng(seed);
  const out: QuoteSelector[] = [];
  while (out.length < count) {
    let start = Math.floor(random() * (text.length - 500));
    while (start < text.length && !/\s/.test(text[start]!)) start++;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    let end = start + 60 + Math.floor(random() * 340);
    while (end < text.length && /[^\s]/.test(text[end]!)) end++;
    let exact = clean(text.slice(start, end));
    if (exact.split(' ').length < 8) continue;
    if (out.length % 10 === 9 && exact.split(' ').length >= 20) {
      const words = exact.split(' ');
      words.splice(5, 1);
      words.splice(12, 1);
      exact = words.join(' ');
    }
    out.push({ exact, prefix: clean(text.slice(Math.max(0, start - 40), start)), suffix: clean(text.slice(end, end + 40)) });
  }
  return out;
}

export function bigPage(corpus: Corpus, bytes = 1_000_000, count = 500, headHtml?: string): ScalePage {
  const parts: string[] = [];
  let size = 0;
  for (const file of currentFiles(corpus)) {
    if (size >= bytes) break;
    const s = section(corpus, file);
    parts.push(s);
    size += s.length;
  }
  const html = pageShell(parts.join('\n'), { service: 'Termlight bench', title: `${parts.length} documents`, headHtml });
  return { name: `1 MB page (${parts.length} documents)`, html, records: drawQuotes(html, count, 1) };
}

export function manyNodesPage(corpus: Corpus, nodes = 5000, count = 100, headHtml?: string): ScalePage {
  const parts: string[] = [];
  let html = '';
  for (const file of currentFiles(corpus)) {
    parts.push(section(corpus, file, 0.5));
    html = pageShell(parts.join('\n'), { service: 'Termlight bench', title: 'Dense markup', headHtml });
    if (extractText(parseHtml(html).body, { isHidden: isHiddenInline }).segments.length >= nodes) break;
  }
  return { name: `${nodes.toLocaleString('en')}-text-node page`, html, records: drawQuotes(html, count, 2) };
}
