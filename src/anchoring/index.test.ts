// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createIndex, extractText, matchQuote, normalizeText, rangeFromOffsets, type QuoteSelector } from './index';

/** Anchors a quote in the current document body, the way the content script will. */
function anchorIn(html: string, quote: QuoteSelector | string) {
  document.body.innerHTML = html;
  const q = typeof quote === 'string' ? { exact: quote } : quote;
  const page = extractText(document.body);
  const match = matchQuote(page.text, q, createIndex(page.text));
  const range = match && rangeFromOffsets(page, match.start, match.end);
  return { page, match, range };
}

/** Range text vs quote after normalisation; spaces ignored because Range#toString has no block boundaries. */
function expectCovers(range: Range | null, quote: string, { ignoreSpaces = false } = {}): void {
  expect(range).not.toBeNull();
  const squash = (s: string) => (ignoreSpaces ? normalizeText(s).replaceAll(' ', '') : normalizeText(s).trim());
  expect(squash(range!.toString())).toBe(squash(quote));
}

describe('anchoring a quote in a page', () => {
  it('finds an exact quote', () => {
    const { match, range } = anchorIn('<p>Intro.</p><p>We may suspend your account at any time.</p>', 'suspend your account');
    expect(match?.method).toBe('exact');
    expect(range?.toString()).toBe('suspend your account');
  });

  it('finds a quote split across <em>, <a> and <strong>', () => {
    const quote = 'You waive your right to a jury trial and to a class action.';
    const { match, range } = anchorIn(
      '<p>By using it, <em>You waive</em> your right to a <a href="/jury">jury trial</a> and to a <strong>class action</strong>.</p>',
      quote,
    );
    expect(match?.method).toBe('exact');
    expectCovers(range, quote);
    expect(range?.startContainer.parentElement?.tagName).toBe('EM');
  });

  it('finds a quote across a <br> where the quote has a space', () => {
    const quote = 'Acme Corp. 1 Main Street';
    const { match, range } = anchorIn('<address>Acme Corp.<br>1 Main Street</address>', quote);
    expect(match?.method).toBe('normalized');
    expectCovers(range, quote, { ignoreSpaces: true });
  });

  it('finds a quote across two paragraphs and across two list items', () => {
    const q1 = 'ends the first paragraph. The second one';
    const r1 = anchorIn('<p>This sentence ends the first paragraph.</p><p>The second one starts here.</p>', q1);
    expectCovers(r1.range, q1, { ignoreSpaces: true });
    expect(r1.range?.toString()).toBe('ends the first paragraph.The second one');

    const q2 = 'your name and email address';
    const r2 = anchorIn('<ul>\n  <li>your name and email</li>\n  <li>address and phone</li>\n</ul>', q2);
    expectCovers(r2.range, q2);
  });

  it('does not fuse words from adjacent blocks into a false match', () => {
    const { match } = anchorIn('<p>We sell</p><p>data never.</p>', 'selldata');
    expect(match).toBeNull();
  });

  it('handles NBSP and soft hyphens in the page', () => {
    const quote = 'Termination of your subscription';
    const { match, range } = anchorIn('<p>Ter&shy;mi&shy;na&shy;tion&nbsp;of your&nbsp;sub&shy;scrip&shy;tion.</p>', quote);
    expect(match?.method).toBe('normalized');
    expectCovers(range, quote);
  });

  it('handles curly vs straight quotes and en/em dashes, both ways', () => {
    const curly = '<p>The \u201cService\u201d \u2014 the user\u2019s content \u2013 is ours.</p>';
    const straight = '<p>The "Service" - the user\'s content - is ours.</p>';
    const qStraight = 'The "Service" - the user\'s content - is ours.';
    const qCurly = 'The \u201cService\u201d \u2014 the user\u2019s content \u2013 is ours.';
    expectCovers(anchorIn(curly, qStraight).range, qStraight);
    expectCovers(anchorIn(straight, qCurly).range, qCurly);
  });

  it('handles case differences', () => {
    const { range } = anchorIn('<h2>LIMITATION OF LIABILITY</h2><p>Text.</p>', 'Limitation of liability');
    expect(range?.toString()).toBe('LIMITATION OF LIABILITY');
  });

  it('uses prefix/suffix to pick the second of repeated sentences', () => {
    const html = '<p>Basic plan. <span>Fees are non-refundable.</span></p><p>Pro plan. <span id="want">Fees are non-refundable.</span></p>';
    const { range } = anchorIn(html, { exact: 'Fees are non-refundable.', prefix: 'Pro plan. ' });
    expect(range?.startContainer.parentElement?.id).toBe('want');
    const viaSuffix = anchorIn('<p>Fees are final. See A.</p><p>Fees are final. See B.</p>', { exact: 'Fees are final.', suffix: ' See B' });
    expect(viaSuffix.range?.startContainer.parentElement).toBe(document.body.lastElementChild);
  });

  it('returns null for an absent quote rather than a partial match', () => {
    const { match, range } = anchorIn('<p>We may share your data with partners.</p>', 'We may share your data with advertisers.');
    expect(match).toBeNull();
    expect(range).toBeNull();
  });

  it('ignores text in script, style and hidden elements', () => {
    const html =
      '<script>const s = "You agree to arbitration.";</script><style>.a::after{content:"You agree"}</style>' +
      '<div hidden>You agree to arbitration.</div><p id="real">Finally, you agree to arbitration.</p>';
    const { match, range } = anchorIn(html, 'You agree to arbitration.');
    expect(match?.method).toBe('normalized');
    expect(range?.startContainer.parentElement?.id).toBe('real');
    expect(anchorIn('<script>only in script</script><p>x</p>', 'only in script').match).toBeNull();
  });

  it('maps offsets correctly with ligatures and multi-char lowercase', () => {
    const html = '<p>\u0130STANBUL of\ufb01ce \u2014 <b>\ufb01nal</b> Terms apply.</p>';
    const a = anchorIn(html, 'final terms apply');
    expect(a.range?.toString()).toBe('\ufb01nal Terms apply');
    const b = anchorIn(html, 'istanbul office');
    expect(b.match).toBeNull(); // İ lowercases to i + combining dot; a plain i does not match it
    const c = anchorIn(html, '\u0130stanbul office - final');
    expect(c.range?.toString()).toBe('\u0130STANBUL of\ufb01ce \u2014 \ufb01nal');
  });
});

describe('anchoring on a large page', () => {
  it('anchors every quote at its true location among 2,000 paragraphs', () => {
    const N = 2000;
    const paragraphs: string[] = [];
    for (let i = 0; i < N; i++) {
      paragraphs.push(
        `<p id="p${i}">Section&nbsp;${i}. <em>Provider</em>\u2019s duty no.\u00a0${i * 13} \u2014 see <a href="#s${i}">clause ${i}</a>.` +
          ` <span>This clause applies to all users.</span> Con&shy;tact us about item ${i}.</p>\n`,
      );
    }
    document.body.innerHTML = `<main><h1>Terms</h1>${paragraphs.join('')}</main><script>var noise = 1;</script>`;
    const page = extractText(document.body);
    const index = createIndex(page.text);
    /** Id of the paragraph holding the text node at `offset`, found independently of rangeFromOffsets. */
    let cursor = 0;
    const paragraphAt = (offset: number): string | undefined => {
      while (page.segments[cursor]!.end <= offset) cursor++;
      while (page.segments[cursor]!.start > offset) cursor--;
      let el = page.segments[cursor]!.node.parentElement;
      while (el && el.localName !== 'p') el = el.parentElement;
      return el?.id;
    };

    for (let i = 0; i < N; i++) {
      const quotes: QuoteSelector[] = [
        { exact: `section ${i}. provider's duty no. ${i * 13} - see clause ${i}.` },
        { exact: 'This clause applies to all users.', prefix: `see clause ${i}. `, suffix: ` Contact us about item ${i}.` },
        { exact: 'applies to all users. Contact us about item', prefix: `clause ${i}. This clause `, suffix: ` ${i}.` },
      ];
      for (const quote of quotes) {
        const label = `p${i}: ${quote.exact}`;
        const match = matchQuote(page.text, quote, index);
        expect(match, label).not.toBeNull();
        const { start, end } = match!;
        expect(normalizeText(page.text.slice(start, end)), label).toBe(normalizeText(quote.exact));
        expect(paragraphAt(start), label).toBe(`p${i}`);
        expect(paragraphAt(end - 1), label).toBe(`p${i}`);
        // happy-dom's Range boundary checks walk the whole document, so build real Ranges for a sample only
        if (i % 250 === 0 || i === N - 1) {
          const range = rangeFromOffsets(page, start, end)!;
          expect(range.startContainer.parentElement!.closest('p')?.id, label).toBe(`p${i}`);
          expect(range.endContainer.parentElement!.closest('p')?.id, label).toBe(`p${i}`);
          expect(normalizeText(range.toString()), label).toBe(normalizeText(quote.exact));
        }
      }
    }
  }, 30_000);
});
