/**
 * The one home of the colours that tell severities apart. The toolbar badge and the hover card
 * import them; the page's highlight stylesheet and the popup's custom properties are written
 * from them at build (vite.config.ts). test/unit/contrast.test.ts holds every colour against
 * what it is painted on, so a colour changed here is checked wherever it lands.
 */
import type { Severity } from '../records/taxonomy';

/** A colour as a light and a dark colour scheme paint it. */
export interface SchemeColour {
  /** On light surfaces: at least 4.5:1 against white. */
  light: string;
  /** On the dark popup and card (prefers-color-scheme: dark): at least 4.5:1 against #0f172a. */
  dark: string;
}

export interface SeverityColour extends SchemeColour {
  /**
   * The highlight's translucent background on the page. It is light whatever the page's
   * scheme, so `light` is its underline, and the page's own text must stay readable on it.
   */
  tint: string;
}

/**
 * Per severity: `light` is its label and stripe in the popup and card, the underline of its
 * highlights, and the badge behind the white count; `dark` is the label and stripe in the dark
 * popup and card.
 */
export const SEVERITY_COLOURS: Readonly<Record<Severity, Readonly<SeverityColour>>> = {
  critical: { light: '#9f1239', dark: '#fda4af', tint: 'rgba(225, 29, 72, 0.3)' },
  high: { light: '#b91c1c', dark: '#fca5a5', tint: 'rgba(239, 68, 68, 0.26)' },
  medium: { light: '#9a3412', dark: '#fdba74', tint: 'rgba(245, 158, 11, 0.28)' },
  low: { light: '#1d4ed8', dark: '#93c5fd', tint: 'rgba(59, 130, 246, 0.2)' },
  positive: { light: '#166534', dark: '#86efac', tint: 'rgba(34, 197, 94, 0.24)' },
};

/**
 * A clause reworded since it was recorded: the wavy line over and under its highlight, the
 * card's note and the popup's mark beside it.
 */
export const REWORDED_COLOUR: Readonly<SchemeColour> = { light: '#6d28d9', dark: '#c4b5fd' };
