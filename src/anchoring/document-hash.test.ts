// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { documentHash, sha256Hex } from './document-hash';

const hashOf = (html: string) => {
  const root = document.createElement('div');
  root.innerHTML = html;
  return documentHash(root);
};

describe('document hash', () => {
  it('is the SHA-256 of the UTF-8 text', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('ignores markup, spacing and typography, so a re-rendered page is unchanged', async () => {
    const a = await hashOf('<h1>Terms</h1><p>We don’t sell your data — ever.</p>');
    const b = await hashOf('<section><h2>Terms</h2>\n  <p>We <em>don\'t</em>   sell your&nbsp;data - <b>ever</b>.</p></section>');
    expect(b).toBe(a);
  });

  it('changes when a word changes', async () => {
    expect(await hashOf('<p>We do not sell your data.</p>')).not.toBe(await hashOf('<p>We do sell your data.</p>'));
  });
});
