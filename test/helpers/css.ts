/**
 * Reading Termlight's own stylesheets in tests: a small CSS rule parser (enough for our files:
 * plain rules and one level of @media), colour parsing, and WCAG 2.x contrast ratios.
 * Used by test/unit/contrast.test.ts and test/e2e/accessibility.test.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import viteConfig, { SEVERITY_STYLES_PLUGIN } from '../../vite.config';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const readRepoFile = (file: string) => readFileSync(resolve(REPO, file), 'utf8');

/** The stylesheets the build writes the severity colours into (see vite.config.ts). */
export type BuiltStylesheet = 'content/highlights.css' | 'popup/styles.css';

/**
 * A stylesheet as the build ships it, before minifying: the source file (if there is one) put
 * through the build's own severity-styles plugin, so tests read the colours the browser gets.
 */
export function builtCss(file: BuiltStylesheet): string {
  const plugin = (viteConfig({ command: 'build', mode: 'chrome' }).plugins ?? []).find(
    (p): p is Plugin => typeof p === 'object' && p !== null && 'name' in p && p.name === SEVERITY_STYLES_PLUGIN,
  );
  if (!plugin) throw new Error(`vite.config.ts has no ${SEVERITY_STYLES_PLUGIN} plugin`);
  // Its hooks are plain synchronous functions.
  const run = (hook: unknown, ...args: string[]) => (typeof hook === 'function' ? (hook as (...a: string[]) => string | null)(...args) : null);
  const id = resolve(REPO, file);
  const loaded = run(plugin.load, id) ?? readRepoFile(file);
  return run(plugin.transform, loaded, id) ?? loaded;
}

export interface Rule {
  /** Each selector of the rule, whitespace collapsed. */
  selectors: string[];
  /** Declarations in source order (a property may repeat). */
  declarations: [property: string, value: string][];
  /** The @media condition around the rule, or null. */
  media: string | null;
}

export function parseCss(text: string): Rule[] {
  const rules: Rule[] = [];
  const walk = (source: string, media: string | null) => {
    let i = 0;
    while (i < source.length) {
      const open = source.indexOf('{', i);
      if (open < 0) break;
      const prelude = source.slice(i, open).trim().replace(/\s+/g, ' ');
      let depth = 1;
      let j = open + 1;
      for (; j < source.length && depth > 0; j++) {
        if (source[j] === '{') depth++;
        else if (source[j] === '}') depth--;
      }
      const body = source.slice(open + 1, j - 1);
      if (prelude.startsWith('@media')) walk(body, prelude.slice('@media'.length).trim());
      else {
        rules.push({
          selectors: prelude.split(',').map((s) => s.trim()),
          declarations: body
            .split(';')
            .map((d) => d.trim())
            .filter((d) => d.includes(':'))
            .map((d) => {
              const colon = d.indexOf(':');
              return [d.slice(0, colon).trim().toLowerCase(), d.slice(colon + 1).trim()] as [string, string];
            }),
          media,
        });
      }
      i = j;
    }
  };
  walk(text.replace(/\/\*[\s\S]*?\*\//g, ''), null);
  return rules;
}

export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];

/**
 * Whether a rule applies in a theme: outside any @media, in a prefers-color-scheme block of that
 * theme, or in a motion preference block (it changes animation, in both themes alike).
 */
export function appliesIn(rule: Rule, theme: Theme): boolean {
  if (rule.media === null) return true;
  if (/^\(prefers-reduced-motion:\s*(no-preference|reduce)\)$/.test(rule.media.trim())) return true;
  const scheme = /prefers-color-scheme:\s*(light|dark)/.exec(rule.media);
  if (!scheme) throw new Error(`Unexpected @media ${rule.media}: teach test/helpers/css.ts about it`);
  return scheme[1] === theme;
}

/** Which declarations can set a longhand colour property (the longhand first, then shorthands). */
const SETS: Record<string, readonly string[]> = {
  color: ['color'],
  'background-color': ['background-color', 'background'],
  'border-left-color': ['border-left-color', 'border-color', 'border-left', 'border'],
  'border-color': ['border-color', 'border'],
  'outline-color': ['outline-color', 'outline'],
  'text-decoration-color': ['text-decoration-color', 'text-decoration'],
};

const COLOUR_TOKEN = /#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|var\(--[\w-]+\)|\b(?:white|black|transparent|currentcolor)\b/i;

/** The colour inside a declaration value (a shorthand such as `2px solid #1d4ed8` included), or null. */
export function colourToken(value: string): string | null {
  return COLOUR_TOKEN.exec(value)?.[0] ?? null;
}

/**
 * The value the cascade gives `property` on an element matched by exactly `selectors` (all of
 * equal specificity, as in our files: later in the source wins), in `theme`; null if none.
 */
export function cascade(rules: readonly Rule[], selectors: readonly string[], property: string, theme: Theme): string | null {
  const setters = SETS[property] ?? [property];
  let found: string | null = null;
  for (const rule of rules) {
    if (!appliesIn(rule, theme) || !rule.selectors.some((s) => selectors.includes(s))) continue;
    for (const [name, value] of rule.declarations) {
      if (!setters.includes(name)) continue;
      const colour = name === property ? value : colourToken(value);
      if (colour) found = colour;
    }
  }
  return found;
}

/** The custom properties declared on :root in a theme (the dark block overrides the light one). */
export function customProperties(rules: readonly Rule[], theme: Theme): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.selectors.includes(':root') || !appliesIn(rule, theme)) continue;
    for (const [name, value] of rule.declarations) if (name.startsWith('--')) vars[name] = value;
  }
  return vars;
}

export type Rgba = [r: number, g: number, b: number, a: number];

export function parseColour(text: string, vars: Record<string, string> = {}): Rgba {
  const value = text.trim().toLowerCase();
  const variable = /^var\((--[\w-]+)\)$/.exec(value);
  if (variable) {
    const resolved = vars[variable[1]!];
    if (!resolved) throw new Error(`Undefined custom property ${variable[1]}`);
    return parseColour(resolved, vars);
  }
  if (value === 'white') return [255, 255, 255, 1];
  if (value === 'black') return [0, 0, 0, 1];
  const hex = /^#([0-9a-f]{3,8})$/.exec(value);
  if (hex) {
    let h = hex[1]!;
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
    if (h.length !== 6 && h.length !== 8) throw new Error(`Bad colour ${text}`);
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
  }
  const rgb = /^rgba?\(([^)]*)\)$/.exec(value);
  if (rgb) {
    const parts = rgb[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    if (parts.length < 3 || parts.some(Number.isNaN)) throw new Error(`Bad colour ${text}`);
    return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
  }
  throw new Error(`Colour not understood: ${text}`);
}

/** A translucent colour painted over an opaque one. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  const mix = (i: 0 | 1 | 2) => top[i] * a + bottom[i] * (1 - a);
  return [mix(0), mix(1), mix(2), 1];
}

/** WCAG 2.x relative luminance of an sRGB colour (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
export function relativeLuminance([r, g, b]: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.x contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter; 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  if (a[3] !== 1 || b[3] !== 1) throw new Error('Contrast is defined between opaque colours: composite first');
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA minimums. */
export const AA = {
  /** 1.4.3, text under 18pt (or 14pt bold). */
  text: 4.5,
  /** 1.4.3, 18pt and over, or 14pt bold and over. */
  largeText: 3,
  /** 1.4.11, boundaries of controls, focus indicators and graphics needed to understand. */
  nonText: 3,
} as const;
