/**
 * WCAG AA contrast of every colour pair Termlight paints, read from what each place really
 * paints (so a colour changed badly, in src/ui/severity-colours.ts or anywhere else, fails
 * here): the popup and options pages (popup/styles.css as built, light :root and its
 * prefers-color-scheme: dark block), the in-page card (CARD_STYLE of content/card.ts), the
 * toolbar badge (src/background/badge.ts) and the in-page highlights (content/highlights.css as
 * built). AA: 4.5:1 for text, 3:1 for large text and for what identifies a control, a focus
 * indicator or a severity mark (WCAG 2.1 SC 1.4.3, 1.4.11).
 */
import { describe, expect, it, vi } from 'vitest';
import { SEVERITIES, type Severity } from '../../src/records/taxonomy';
import {
  AA,
  THEMES,
  builtCss,
  cascade,
  colourToken,
  contrastRatio,
  customProperties,
  over,
  parseColour,
  parseCss,
  readRepoFile,
  relativeLuminance,
  type Rgba,
  type Rule,
  type Theme,
} from '../helpers/css';

// badge.ts imports the polyfill, which refuses to load outside an extension; only its colours are needed.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { BADGE_COLOURS } = await import('../../src/background/badge');
const { CARD_STYLE } = await import('../../content/card');

interface Pair {
  what: string;
  fg: Rgba;
  bg: Rgba;
  min: number;
}

const hex = ([r, g, b]: Rgba) => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
const ratio = (p: Pair) => contrastRatio(p.fg, p.bg);
/** One line per pair: readable in the test name and in a failure. */
const label = (p: Pair) => `${p.what}: ${hex(p.fg)} on ${hex(p.bg)} = ${ratio(p).toFixed(2)}:1 (needs ${p.min}:1)`;

function expectAll(pairs: Pair[]) {
  expect(pairs.length).toBeGreaterThan(0);
  const failing = pairs.filter((p) => ratio(p) < p.min).map(label);
  expect(failing, `Below WCAG AA:\n${failing.join('\n')}`).toEqual([]);
}

describe('the contrast formula (WCAG 2.x relative luminance)', () => {
  const c = (s: string) => parseColour(s);
  it('gives the known ratios', () => {
    expect(contrastRatio(c('#000'), c('#fff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(c('#777'), c('#777'))).toBe(1);
    expect(relativeLuminance(c('#ffffff'))).toBeCloseTo(1, 10);
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    expect(contrastRatio(c('#767676'), c('#ffffff'))).toBeCloseTo(4.54, 2);
    expect(contrastRatio(c('#777777'), c('#ffffff'))).toBeLessThan(4.5);
    // Symmetric.
    expect(contrastRatio(c('#1d4ed8'), c('#0f172a'))).toBe(contrastRatio(c('#0f172a'), c('#1d4ed8')));
  });
  it('composites translucent colours before comparing', () => {
    expect(hex(over(c('rgba(0, 0, 0, 0.5)'), c('#ffffff')))).toBe('#808080');
    expect(() => contrastRatio(c('rgba(0,0,0,.5)'), c('#fff'))).toThrow();
  });
});

describe('popup and options pages (popup/styles.css)', () => {
  const rules = parseCss(builtCss('popup/styles.css'));

  /** Every value one property takes anywhere in the file (custom properties left as var()). */
  const valuesOf = (properties: string[], where: (r: Rule) => boolean = () => true) =>
    [
      ...new Set(
        rules
          .filter(where)
          .flatMap((r) => r.declarations.filter(([p]) => properties.includes(p)).map(([p, v]) => (p === 'color' ? v : colourToken(v))))
          .filter((v): v is string => v !== null && v !== 'inherit' && v !== 'transparent'),
      ),
    ];

  const textColours = valuesOf(['color']);
  const backgrounds = valuesOf(['background', 'background-color']);
  const controlSelectors = ['button', '::file-selector-button', '.search input', "form input[type='url']"];
  const controlBorders = valuesOf(['border', 'border-color'], (r) => r.selectors.some((s) => controlSelectors.includes(s)));
  const focusIndicators = valuesOf(['outline', 'outline-color'], (r) => r.selectors.some((s) => s.includes(':focus')));
  const stateBorders = valuesOf(['border-color'], (r) => r.selectors.includes('.record[data-focused]'));

  it('is read as expected (the parser found the colours)', () => {
    for (const theme of THEMES) {
      const vars = customProperties(rules, theme);
      for (const name of ['--bg', '--fg', '--muted', '--accent', '--quote-bg', '--control', ...SEVERITIES.map((s) => `--${s}`)]) {
        expect(vars[name], `${theme} ${name}`).toMatch(/^#[0-9a-f]{6}$/i);
      }
    }
    expect(customProperties(rules, 'dark')['--bg']).not.toBe(customProperties(rules, 'light')['--bg']);
    expect(textColours).toEqual(expect.arrayContaining(['var(--fg)', 'var(--muted)', 'var(--accent)', 'var(--critical)']));
    expect(backgrounds).toEqual(expect.arrayContaining(['var(--bg)', 'var(--quote-bg)']));
    expect(controlBorders).toEqual(['var(--control)']);
    expect(focusIndicators).toEqual(['var(--accent)']);
    // Placeholders are text too; browsers' default grey does not reach 4.5:1.
    expect(valuesOf(['color'], (r) => r.selectors.some((s) => s.includes('::placeholder')))).toHaveLength(1);
  });

  describe.each(THEMES)('%s theme', (theme: Theme) => {
    const vars = customProperties(rules, theme);
    const colour = (v: string) => parseColour(v, vars);
    const pairs = (fgs: string[], min: number, kind: string) =>
      fgs.flatMap((fg) => backgrounds.map((bg): Pair => ({ what: `${theme} ${kind} ${fg} on ${bg}`, fg: colour(fg), bg: colour(bg), min })));

    // Every text colour against every background the pages paint: all their text is under
    // 18.66px bold / 24px, so all of it is "normal" text.
    it('every text colour on every background, 4.5:1', () => expectAll(pairs(textColours, AA.text, 'text')));
    it('the focus indicator on every background, 3:1', () => expectAll(pairs(focusIndicators, AA.nonText, 'focus outline')));
    it('the edges of buttons and text boxes, 3:1', () => expectAll(pairs(controlBorders, AA.nonText, 'control border')));
    it('the focused record\'s border, 3:1', () => expectAll(pairs(stateBorders, AA.nonText, 'focused record border')));
  });
});

describe('the in-page card (content/card.ts CARD_STYLE)', () => {
  const rules = parseCss(CARD_STYLE);

  it('is read as expected', () => {
    expect(rules.some((r) => r.media?.includes('prefers-color-scheme: dark'))).toBe(true);
  });

  describe.each(THEMES)('%s theme', (theme: Theme) => {
    const get = (selectors: string[], property: string, fallback?: string) => {
      const value = cascade(rules, selectors, property, theme) ?? fallback;
      if (!value) throw new Error(`No ${property} for ${selectors.join(' ')} in the ${theme} card`);
      return value;
    };
    const cardBg = get(['.card'], 'background-color');
    const cardText = get(['.card'], 'color');
    const pair = (what: string, fg: string, min: number): Pair => ({
      what: `${theme} card ${what}`,
      fg: parseColour(fg),
      bg: parseColour(cardBg),
      min,
    });

    it('title, impact, note, hint and button text, 4.5:1', () =>
      expectAll([
        pair('text', cardText, AA.text),
        pair('.title', get(['.title'], 'color', cardText), AA.text),
        pair('.impact', get(['.impact'], 'color', cardText), AA.text),
        pair('.changed note', get(['.changed'], 'color', cardText), AA.text),
        pair('.hint', get(['.hint'], 'color', cardText), AA.text),
        pair('button', get(['button'], 'color', cardText), AA.text),
      ]));

    it('the button\'s focus outline, 3:1', () =>
      expectAll([pair('button:focus-visible outline', get(['button', 'button:focus-visible'], 'outline-color'), AA.nonText)]));

    it.each(SEVERITIES)('%s: the severity text 4.5:1 and its stripe 3:1', (severity: Severity) =>
      expectAll([
        pair(`${severity} .sev`, get(['.sev', `.${severity} .sev`], 'color', cardText), AA.text),
        pair(`${severity} border-left stripe`, get(['.card', `.${severity}`], 'border-left-color'), AA.nonText),
      ]));

    it('each severity keeps a stripe of its own colour', () => {
      const stripes = SEVERITIES.map((s) => get(['.card', `.${s}`], 'border-left-color').toLowerCase());
      expect(new Set(stripes).size).toBe(SEVERITIES.length);
    });
  });
});

describe('the toolbar badge (src/background/badge.ts)', () => {
  const source = readRepoFile('src/background/badge.ts');
  const text = /setBadgeTextColor\??\.?\(\{[^}]*color:\s*'([^']+)'/.exec(source)?.[1];

  it('sets its text colour', () => expect(text).toMatch(/^#[0-9a-f]{6}$/i));
  it.each(SEVERITIES)('%s: the count on the badge colour, 4.5:1', (severity: Severity) =>
    expectAll([{ what: `badge ${severity}`, fg: parseColour(text ?? '#ffffff'), bg: parseColour(BADGE_COLOURS[severity]), min: AA.text }]));
});

describe('the in-page highlights (content/highlights.css)', () => {
  const rules = parseCss(builtCss('content/highlights.css'));
  const rule = (name: string) => {
    const found = rules.find((r) => r.selectors.includes(`::highlight(${name})`));
    if (!found) throw new Error(`No ::highlight(${name}) in content/highlights.css`);
    return found;
  };
  const get = (name: string, property: string) => cascade([rule(name)], [`::highlight(${name})`], property, 'light');
  /** Pages Termlight cannot restyle: a light one with near-black text, a dark one with near-white text. */
  const PAGES = [
    { name: 'light page', bg: parseColour('#ffffff'), text: parseColour('#111827') },
    { name: 'dark page', bg: parseColour('#0f172a'), text: parseColour('#f1f5f9') },
  ];
  const tint = (severity: Severity, page: Rgba) => over(parseColour(get(`termlight-${severity}`, 'background-color')!), page);

  it.each(SEVERITIES)("%s: the page's own text stays readable on the tint, 4.5:1", (severity: Severity) =>
    expectAll(PAGES.map((p) => ({ what: `${severity} tint, ${p.name} text`, fg: p.text, bg: tint(severity, p.bg), min: AA.text }))));

  it.each(SEVERITIES)('%s: the underline on the tint of a light page, 3:1', (severity: Severity) => {
    const underline = get(`termlight-${severity}`, 'text-decoration-color');
    expect(underline, `termlight-${severity} underline colour`).toBeTruthy();
    expectAll([{ what: `${severity} underline`, fg: parseColour(underline!), bg: tint(severity, PAGES[0]!.bg), min: AA.nonText }]);
  });

  it('the "reworded" line on every severity tint of a light page, 3:1', () => {
    const line = parseColour(get('termlight-changed', 'text-decoration-color')!);
    expectAll(SEVERITIES.map((s) => ({ what: `changed line on ${s} tint`, fg: line, bg: tint(s, PAGES[0]!.bg), min: AA.nonText })));
  });

  it('the flash paints its own text and background, 4.5:1', () =>
    expectAll([
      {
        what: 'flash',
        fg: parseColour(get('termlight-flash', 'color')!),
        bg: parseColour(get('termlight-flash', 'background-color')!),
        min: AA.text,
      },
    ]));
});
