/**
 * Splits text into the units the detector classifies: sentences, as the published work on this
 * corpus does (CLAUDETTE and LexGLUE's UNFAIR-ToS label sentences). Pure and browser-safe, so the
 * same function cuts a corpus document for training and a page's text in the extension.
 *
 * Rules: a line break always ends a unit (page text puts one between blocks: paragraphs, list
 * items, headings); inside a line, a unit ends after ".", "!" or "?" (and any closing quotes or
 * brackets) followed by a space and something that starts a sentence (a capital, a digit, an
 * opening quote or bracket, a bullet), unless the word before the full stop is an abbreviation
 * ("e.g.", "Inc.", "U.S.", a single initial). Units are trimmed and keep their offsets; a unit
 * without a letter (page numbers, rules of dashes) is dropped.
 */

/** One unit of text and its [start, end) offsets in the string it was cut from. */
export interface Unit {
  text: string;
  start: number;
  end: number;
}

/** Words that a full stop follows without ending the sentence (compared lowercased, without the stop). */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'v', 'cf', 'viz', 'al', 'inc', 'ltd', 'llc', 'co', 'corp', 'plc', 'gmbh', 'bv',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'art', 'arts', 'sec', 'para', 'p', 'pp', 'ch', 'fig',
  'u.s', 'u.k', 'u.s.a', 'e.u', 'approx', 'incl', 'dept', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'ave', 'blvd', 'rd', 'ste', 'a.m', 'p.m',
]);

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;
/** A sentence end: the punctuation, closers, the gap, and a lookahead at what starts the next one. */
const SENTENCE_END = /[.!?]+["'”’)\]]*(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}•·\-–—*])/gu;
const HAS_LETTER = /\p{L}/u;

/** Whether the full stop at `dot` belongs to an abbreviation rather than ending the sentence. */
function isAbbreviation(line: string, dot: number): boolean {
  if (line[dot] !== '.') return false;
  let start = dot;
  while (start > 0 && /[\p{L}.]/u.test(line[start - 1]!)) start--;
  const word = line.slice(start, dot).toLowerCase();
  if (word.length === 0) return false;
  // A single letter: an initial or a list marker "a." inside a line.
  if (/^\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word);
}

function pushTrimmed(units: Unit[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return;
  const piece = text.slice(start, end);
  if (HAS_LETTER.test(piece)) units.push({ text: piece, start, end });
}

function splitLine(units: Unit[], text: string, lineStart: number, lineEnd: number): void {
  const line = text.slice(lineStart, lineEnd);
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(line); match; match = SENTENCE_END.exec(line)) {
    const gap = match[1]!;
    const punctEnd = match.index + match[0].length - gap.length;
    if (isAbbreviation(line, match.index)) continue;
    pushTrimmed(units, text, lineStart + from, lineStart + punctEnd);
    from = punctEnd;
  }
  pushTrimmed(units, text, lineStart + from, lineEnd);
}

/** The text's sentences, in order, with their offsets (UTF-16 code units, as JavaScript strings count). */
export function segment(text: string): Unit[] {
  const units: Unit[] = [];
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) {
    splitLine(units, text, lineStart, match.index);
    lineStart = match.index + match[0].length;
  }
  splitLine(units, text, lineStart, text.length);
  return units;
}
