/**
 * Each severity colour reaches every place that paints it: the page's highlights (the injected
 * stylesheet and the rules adopted into shadow roots), the hover card, the toolbar badge and the
 * popup, in both colour schemes. A colour written into one of them by hand fails here.
 */
import { describe, expect, it, vi } from 'vitest';
import { SEVERITIES, type Severity } from '../records/taxonomy';
import { REWORDED_COLOUR, SEVERITY_COLOURS } from './severity-colours';
import { THEMES, builtCss, cascade, customProperties, parseCss, type Theme } from '../../test/helpers/css';

const badgeCalls: { color: string }[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    action: {
      setBadgeText: async () => {},
      setBadgeBackgroundColor: async (details: { color: string }) => void badgeCalls.push(details),
      setBadgeTextColor: async () => {},
      setTitle: async () => {},
    },
  },
}));

const { showBadge } = await import('../background/badge');
const { CARD_STYLE } = await import('../../content/card');
const { HIGHLIGHT_CSS } = await import('../../content/highlight-styles');

const lower = (value: string | null) => value?.toLowerCase() ?? null;

describe('the page highlights (content/highlights.css)', () => {
  const rules = parseCss(builtCss('content/highlights.css'));
  const get = (name: string, property: string) => lower(cascade(rules, [`::highlight(${name})`], property, 'light'));

  it.each(SEVERITIES)('%s: its tint behind the clause and its colour in the underline', (severity: Severity) => {
    expect(get(`termlight-${severity}`, 'background-color')).toBe(SEVERITY_COLOURS[severity].tint);
    expect(get(`termlight-${severity}`, 'text-decoration-color')).toBe(SEVERITY_COLOURS[severity].light);
  });

  it('a reworded clause is lined in the reworded colour', () =>
    expect(get('termlight-changed', 'text-decoration-color')).toBe(REWORDED_COLOUR.light));

  it('clauses in shadow roots and iframes get the very rules the manifest injects', () =>
    expect(HIGHLIGHT_CSS).toBe(builtCss('content/highlights.css')));
});

describe.each(THEMES)('the hover card, %s scheme', (theme: Theme) => {
  const rules = parseCss(CARD_STYLE);

  it.each(SEVERITIES)('%s: its stripe and its label', (severity: Severity) => {
    expect(lower(cascade(rules, ['.card', `.${severity}`], 'border-left-color', theme))).toBe(SEVERITY_COLOURS[severity][theme]);
    expect(lower(cascade(rules, ['.sev', `.${severity} .sev`], 'color', theme))).toBe(SEVERITY_COLOURS[severity][theme]);
  });

  it('the reworded note', () => expect(lower(cascade(rules, ['.changed'], 'color', theme))).toBe(REWORDED_COLOUR[theme]));
});

describe('the toolbar badge', () => {
  it.each(SEVERITIES)('a page whose worst clause is %s shows that colour', async (worst: Severity) => {
    badgeCalls.length = 0;
    await showBadge(1, SEVERITIES.slice(SEVERITIES.indexOf(worst)).reverse());
    expect(badgeCalls.map((c) => c.color)).toEqual([SEVERITY_COLOURS[worst].light]);
  });
});

describe.each(THEMES)('the popup and options pages (popup/styles.css), %s scheme', (theme: Theme) => {
  const rules = parseCss(builtCss('popup/styles.css'));
  const vars = customProperties(rules, theme);

  it.each(SEVERITIES)('%s: the severity tag', (severity: Severity) => {
    expect(cascade(rules, [`.sev-${severity}`], 'color', theme)).toBe(`var(--${severity})`);
    expect(lower(vars[`--${severity}`] ?? null)).toBe(SEVERITY_COLOURS[severity][theme]);
  });

  it('the reworded mark', () => expect(lower(vars['--changed'] ?? null)).toBe(REWORDED_COLOUR[theme]));
});
