/**
 * Sizes the message contract allows, as plain constants: the validators in schemas.ts enforce
 * them and the content script (which carries no zod) keeps to them when it writes a message.
 */

/** Longest record, document or pack key a message may name. */
export const KEY_MAX = 500;

/** Longest error text a page may report (page/failed): a sentence for the popup, not a stack. */
export const FAILURE_TEXT_MAX = 300;

/**
 * How many other platforms the popup shows per comparison, and so the most 'popup/tab' sends
 * (their count is in `platformsWith`); the record page asks 'popup/record' for all of them.
 */
export const POPUP_COMPARISON_OTHERS = 5;

/** `text` cut to at most `max` characters, ending in "…" when it was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
