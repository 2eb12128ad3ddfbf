/**
 * The section heading each unit sits under: the nearest unit before it that is a whole short
 * line ("18 Limitation", "GOVERNING LAW", "Changes to these Terms."). Terms group clauses under
 * headings that name their subject, so a heading's words are good evidence about the sentences
 * below it. Pure; works on a corpus text and on a page's text (blocks are lines there).
 */
import type { Unit } from './segment';

const MAX_WORDS = 12;

/** Whether only spaces or tabs lie between offset `from` and the line break (or text edge) in direction `step`. */
function aloneOnLine(text: string, from: number, step: 1 | -1): boolean {
  for (let i = from; i >= 0 && i < text.length; i += step) {
    const c = text[i]!;
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** Whether `unit` fills its whole line in `text` and reads like a heading. */
export function isHeading(text: string, unit: Unit): boolean {
  if (!aloneOnLine(text, unit.start - 1, -1) || !aloneOnLine(text, unit.end, 1)) return false;
  const words = unit.text.split(/\s+/).length;
  if (words > MAX_WORDS || /[,;:]$/.test(unit.text)) return false;
  return !/[.!?]["'”’)]*$/.test(unit.text) || words <= 6;
}

/** For each unit, the text of the heading above it (undefined before the first heading). */
export function sectionHeadings(text: string, units: Unit[]): (string | undefined)[] {
  let current: string | undefined;
  return units.map((unit) => {
    const heading = current;
    if (isHeading(text, unit)) current = unit.text;
    return heading;
  });
}
