// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { extractText, rangeFromOffsets } from './dom-text';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('extractText', () => {
  it('concatenates inline content without separators and keeps raw text', () => {
    const page = extractText(body('<p>You <em>must</em> <a href="#">accept</a> the <strong>Terms</strong>&nbsp;now.</p>'));
    expect(page.text).toBe('You must accept the Terms\u00a0now.');
    for (const s of page.segments) expect(page.text.slice(s.start, s.end)).toBe(s.node.data);
  });

  it('puts one "\\n" between blocks, never several, none at the ends', () => {
    const page = extractText(body('<div><p>One</p><p>Two</p></div><ul><li>Three</li><li><br></li><li>Four</li></ul><hr><h2>Five</h2>'));
    expect(page.text).toBe('One\nTwo\nThree\nFour\nFive');
  });

  it('splits lines at <br> and table cells', () => {
    const page = extractText(body('<p>Line one<br>line two</p><table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>'));
    expect(page.text).toBe('Line one\nline two\na\nb\nc');
  });

  it('keeps whitespace-only text nodes between blocks', () => {
    const page = extractText(body('<p>A</p>\n  <p>B</p>'));
    expect(page.text).toBe('A\n\n  \nB');
    expect(page.segments.map((s) => s.node.data)).toEqual(['A', '\n  ', 'B']);
  });

  it('skips script, style, noscript, template, svg, form controls and [hidden]; an iframe reads nothing it cannot open', () => {
    // detached, so that happy-dom does not try to load the iframe
    const root = document.createElement('div');
    root.innerHTML =
      '<p>Shown</p><script>var x = "script";</script><style>p{}</style><noscript>nojs</noscript>' +
      '<template><p>tpl</p></template><svg><text>svg</text></svg><textarea>ta</textarea>' +
      '<select><option>opt</option></select><iframe>frame</iframe><canvas>cv</canvas>' +
      '<div hidden><p>hidden</p></div><span aria-hidden="true">aria</span>';
    const page = extractText(root);
    expect(page.text).toBe('Shown\naria');
  });

  it('reads open shadow roots through their slots, in rendered order', () => {
    const root = body('<p>Before</p><div id="host"><span slot="b">second</span><span slot="a">first</span></div><p>After</p>');
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow <slot name="a"></slot> then <slot name="b"></slot>.</p>';
    const page = extractText(root);
    expect(page.text).toBe('Before\nShadow first then second.\nAfter');
    const start = page.text.indexOf('Shadow');
    expect(rangeFromOffsets(page, start, start + 'Shadow'.length)?.toString()).toBe('Shadow');
    // One Range cannot join the shadow tree and the slotted light DOM.
    expect(rangeFromOffsets(page, start, start + 'Shadow first'.length)).toBeNull();
  });

  it('skips elements the isHidden option reports', () => {
    const root = body('<p>Keep <span class="x">drop</span>this</p><div class="x">gone</div><p>end</p>');
    const page = extractText(root, { isHidden: (el) => el.classList.contains('x') });
    expect(page.text).toBe('Keep this\nend');
  });

  it('lets isBlock add block elements', () => {
    const root = body('<span class="b">One</span><span class="b">Two</span>');
    expect(extractText(root).text).toBe('OneTwo');
    expect(extractText(root, { isBlock: (el) => el.classList.contains('b') }).text).toBe('One\nTwo');
  });

  it('accepts a document, a text node and a hidden root', () => {
    body('<p>In body</p>');
    expect(extractText(document).text).toBe('In body');
    const t = document.createTextNode('lone');
    expect(extractText(t)).toMatchObject({ text: 'lone', segments: [{ node: t, start: 0, end: 4 }] });
    expect(extractText(body('<div hidden>x</div>').firstElementChild!).text).toBe('');
  });
});

describe('rangeFromOffsets', () => {
  it('maps offsets inside and across text nodes', () => {
    const page = extractText(body('<p>Hello <b>bold</b> world</p>'));
    expect(rangeFromOffsets(page, 2, 8)?.toString()).toBe('llo bo');
    expect(rangeFromOffsets(page, 0, page.text.length)?.toString()).toBe('Hello bold world');
    const r = rangeFromOffsets(page, 6, 10)!;
    expect(r.startContainer).toBe(page.segments[1]!.node);
    expect(r.startOffset).toBe(0);
    expect(r.endContainer).toBe(page.segments[1]!.node);
    expect(r.endOffset).toBe(4);
  });

  it('moves a start on a boundary forward and an end on a boundary back', () => {
    const page = extractText(body('<p>First</p><p>Second</p>'));
    expect(page.text).toBe('First\nSecond');
    const r = rangeFromOffsets(page, 5, 12)!;
    expect(r.startContainer).toBe(page.segments[1]!.node);
    expect(r.startOffset).toBe(0);
    const r2 = rangeFromOffsets(page, 0, 6)!;
    expect(r2.endContainer).toBe(page.segments[0]!.node);
    expect(r2.endOffset).toBe(5);
    expect(rangeFromOffsets(page, 2, 9)?.toString()).toBe('rstSec');
  });

  it('returns null when nothing maps', () => {
    const page = extractText(body('<p>First</p><p>Second</p>'));
    expect(rangeFromOffsets(page, 5, 6)).toBeNull();
    expect(rangeFromOffsets(page, 3, 3)).toBeNull();
    expect(rangeFromOffsets(page, 20, 30)).toBeNull();
    expect(rangeFromOffsets(extractText(body('')), 0, 1)).toBeNull();
  });

  it('clamps to a text node that shrank after extraction', () => {
    const page = extractText(body('<p>Long text here</p>'));
    page.segments[0]!.node.data = 'Long';
    expect(rangeFromOffsets(page, 2, 12)?.toString()).toBe('ng');
  });
});
