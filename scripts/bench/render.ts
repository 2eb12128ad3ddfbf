/**
 * Renders a corpus Markdown document the way terms pages are served: marked → HTML inside a page
 * with a header menu, a hidden (display:none) mobile menu and a footer; inside paragraphs,
 * seeded inline links/emphasis around word runs, a few &nbsp; and soft hyphens. Same seed, same
 * page, so every run measures the same DOM.
 */
import { Window } from 'happy-dom';
import { marked } from 'marked';
import { seededRandom } from '../detector/linear';

export interface RenderOptions {
  /** Service name shown in the header and footer. */
  service: string;
  title: string;
  /** Seed for the inline markup (use seedOf(file)). */
  seed: number;
  /** Share of words that open an inline element (default 0.03; the 5,000-node page uses more). */
  wrapRate?: number;
  /** Inserted at the top of <head> (the Chromium pass puts its long-task observer there). */
  headHtml?: string;
}

/** mulberry32 (the detector's training uses the same one): scatters markup the same way on every run. */
export const rng = seededRandom;

/** FNV-1a of a string: a stable seed per file. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Text inside these is decorated; inside NO_TOUCH it is left alone (links do not nest). */
const DECORATED = new Set(['p', 'li', 'td', 'th', 'dd', 'blockquote']);
const NO_TOUCH = new Set(['a', 'code', 'pre', 'script', 'style']);
const INLINE = ['a', 'a', 'em', 'strong', 'em'] as const;

function decorate(html: string, random: () => number, wrapRate: number): string {
  let inside = 0;
  let untouched = 0;
  let link = 0;
  const parts = html.split(/(<[^>]*>)/);
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if (part.startsWith('<')) {
      const tag = /^<(\/?)([a-zA-Z0-9]+)/.exec(part);
      if (!tag) continue;
      const step = tag[1] ? -1 : 1;
      const name = tag[2]!.toLowerCase();
      if (DECORATED.has(name)) inside += step;
      if (NO_TOUCH.has(name)) untouched += step;
      continue;
    }
    if (inside <= 0 || untouched > 0 || part.trim() === '') continue;
    const tokens = part.split(/(\s+)/);
    let open: string | null = null;
    let left = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token === '') continue;
      if (/^\s+$/.test(token)) {
        if (token === ' ' && random() < 0.01) tokens[i] = '&nbsp;';
        continue;
      }
      let word = token;
      if (/^[A-Za-z]{9,}$/.test(word) && random() < 0.03) {
        const at = 3 + Math.floor(random() * (word.length - 6));
        word = `${word.slice(0, at)}&shy;${word.slice(at)}`;
      }
      if (open === null && random() < wrapRate) {
        open = INLINE[Math.floor(random() * INLINE.length)]!;
        left = 1 + Math.floor(random() * 6);
        word = open === 'a' ? `<a href="/legal/glossary#t${link++}">${word}` : `<${open}>${word}`;
      }
      if (open !== null && --left === 0) {
        word += `</${open}>`;
        open = null;
      }
      tokens[i] = word;
    }
    parts[p] = tokens.join('') + (open !== null ? `</${open}>` : '');
  }
  return parts.join('');
}

const MENU = ['Products', 'Pricing', 'Help Center', 'Developers', 'Company', 'Careers'];
const LEGAL = ['Terms of Service', 'Privacy Policy', 'Cookie Policy', 'Community Guidelines'];
const items = (names: readonly string[]) =>
  names.map((n) => `<li><a href="/${n.toLowerCase().replace(/\W+/g, '-')}">${n}</a></li>`).join('');

/** The page's body content only (used to build the large synthetic pages). */
export function renderArticle(markdown: string, options: Pick<RenderOptions, 'seed' | 'wrapRate'>): string {
  const body = marked.parse(markdown, { async: false });
  return decorate(body, rng(options.seed), options.wrapRate ?? 0.03);
}

/** A full page around already rendered article HTML. */
export function pageShell(article: string, options: Omit<RenderOptions, 'seed' | 'wrapRate'>): string {
  const service = esc(options.service);
  return `<!doctype html>
<html lang="en"><head>${options.headHtml ?? ''}<meta charset="utf-8"><title>${esc(options.title)} – ${service}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.6 system-ui,sans-serif;margin:0;color:#1f2937}header,footer{background:#f3f4f6;padding:1rem}
header nav ul,footer ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}main{max-width:46rem;margin:2rem auto;padding:0 1rem}</style>
</head><body>
<header><a class="logo" href="/">${service}</a>
<nav aria-label="Main"><ul>${items(MENU)}</ul></nav>
<button class="menu-toggle" aria-expanded="false">Menu</button>
<nav class="mobile-menu" style="display:none" aria-label="Mobile"><ul>${items([...MENU, 'Sign in', 'Cookie settings', ...LEGAL])}</ul></nav>
</header>
<main><article>
${article}
</article></main>
<footer><ul>${items(LEGAL)}</ul><p>© 2026 ${service}. All rights reserved.</p></footer>
</body></html>`;
}

export function renderPage(markdown: string, options: RenderOptions): string {
  return pageShell(renderArticle(markdown, options), options);
}

/**
 * Stand-in, in Node, for the content script's computed-style check: the only hidden element of
 * these pages is the menu hidden with an inline display:none. Chromium runs the real check.
 */
export function isHiddenInline(el: Element): boolean {
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none/.test(style);
}

/** Parses a page with happy-dom (no scripts run, nothing loaded). */
export function parseHtml(html: string, url = 'https://bench.termlight.test/'): Document {
  const window = new Window({
    url,
    // Scripts and CSS files are off by default in happy-dom 21; no layout is needed either.
    settings: { disableJavaScriptFileLoading: true, disableComputedStyleRendering: true },
  });
  // DOMParser rather than document.write, which stops at the first <script> when scripts are off.
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
