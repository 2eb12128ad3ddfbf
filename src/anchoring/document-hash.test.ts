// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { contentRoots, outermost, pageFingerprint, sha256Hex } from './document-hash';

const pageHash = async (html: string, selector?: string) => {
  document.body.innerHTML = html;
  return (await pageFingerprint(document, selector)).sha256;
};

describe('document hash', () => {
  it('is the SHA-256 of the UTF-8 text', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('ignores markup, spacing and typography, so a re-rendered page is unchanged', async () => {
    const a = await pageHash('<h1>Terms</h1><p>We don’t sell your data — ever.</p>');
    const b = await pageHash('<section><h2>Terms</h2>\n  <p>We <em>don\'t</em>   sell your&nbsp;data - <b>ever</b>.</p></section>');
    expect(b).toBe(a);
  });

  it('changes when a word changes', async () => {
    expect(await pageHash('<p>We do not sell your data.</p>')).not.toBe(await pageHash('<p>We do sell your data.</p>'));
  });

  it('leaves out hidden text, so a menu that opens and closes is no change', async () => {
    const plain = await pageHash('<h1>Terms</h1><p>We do not sell your data.</p>');
    document.head.innerHTML = '<style>.menu { display: none }</style>';
    try {
      expect(await pageHash('<nav class="menu">Home Pricing</nav><h1>Terms</h1><p>We do not sell your data.</p>')).toBe(plain);
      expect(await pageHash('<h1>Terms</h1><div style="display:none">Promo</div><p>We do not sell your data.</p>')).toBe(plain);
      expect(await pageHash('<nav>Home Pricing</nav><h1>Terms</h1><p>We do not sell your data.</p>')).not.toBe(plain);
    } finally {
      document.head.innerHTML = '';
    }
  });

  it('covers only the content region when the document names one, else the whole body', async () => {
    const region = await pageHash('<h1>Terms</h1><p>We do not sell your data.</p>');
    const page = '<nav>Home</nav><main><h1>Terms</h1><p>We do not sell your data.</p></main><footer>© Acme</footer>';
    expect(await pageHash(page, 'main')).toBe(region);
    expect(await pageHash(page, 'article')).toBe(await pageHash(page));
    expect(await pageHash(page, '[[not css')).toBe(await pageHash(page));
  });
});

describe('outermost', () => {
  it('keeps the elements not inside another of them, in order', () => {
    document.body.innerHTML = '<main id="a"><section id="b"><p id="c">x</p></section></main><aside id="d"><p id="e">y</p></aside><p id="f">z</p>';
    const byId = (...ids: string[]) => ids.map((id) => document.getElementById(id)!);
    expect(outermost(byId('a', 'b', 'c', 'e', 'f'))).toEqual(byId('a', 'e', 'f'));
    expect(outermost(byId('c', 'b'))).toEqual(byId('b'));
    expect(outermost([])).toEqual([]);
  });

  it('makes a selector that matches a region and its parts count the text once', async () => {
    document.body.innerHTML = '<main><section class="terms"><p>One.</p></section></main><div class="terms"><p>Two.</p></div>';
    expect(contentRoots(document, 'main, .terms').map((el) => (el as Element).localName)).toEqual(['main', 'div']);
    expect(await pageHash(document.body.innerHTML, 'main, .terms')).toBe(await pageHash('<p>One.</p><p>Two.</p>'));
  });
});
