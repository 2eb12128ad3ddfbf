// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractText } from './dom-text';
import { isHidden } from './visibility';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

const textOf = (root: Node = document.body) => extractText(root, { isHidden }).text;

describe('isHidden', () => {
  it('leaves out display:none text, from a style rule or inline', () => {
    document.head.innerHTML = '<style>.mobile-menu { display: none }</style>';
    document.body.innerHTML = '<nav class="mobile-menu">Menu</nav><p>Terms.</p><div style="display: none">Promo</div><p>More.</p>';
    expect(textOf()).toBe('Terms.\nMore.');
  });

  it('keeps text that find-in-page finds: visibility:hidden and collapsed <details>', () => {
    document.body.innerHTML = '<p style="visibility: hidden">Invisible.</p><details><summary>More</summary><p>Inside.</p></details>';
    expect(textOf()).toBe('Invisible.\nMore\nInside.');
  });

  it('reads a region inside a hidden container as its own text', () => {
    document.body.innerHTML = '<div style="display: none"><main><p>Region.</p><p style="display: none">Not this.</p></main></div>';
    expect(textOf(document.querySelector('main')!)).toBe('Region.');
  });
});
