/**
 * The severity colours as the custom properties popup/styles.css paints with (--critical to
 * --positive, and --changed), in the light and the dark scheme. The build puts this text at
 * the top of that stylesheet (vite.config.ts), so the popup and options pages stay static CSS.
 */
import { SEVERITIES } from '../src/records/taxonomy';
import { REWORDED_COLOUR, SEVERITY_COLOURS, type SchemeColour } from '../src/ui/severity-colours';

const properties = (scheme: keyof SchemeColour) =>
  [...SEVERITIES.map((s) => `--${s}: ${SEVERITY_COLOURS[s][scheme]};`), `--changed: ${REWORDED_COLOUR[scheme]};`].join(' ');

export const SEVERITY_PROPERTIES_CSS = `:root { ${properties('light')} }
@media (prefers-color-scheme: dark) {
  :root { ${properties('dark')} }
}
`;
