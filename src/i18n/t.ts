/**
 * Every sentence Termlight shows comes from public/_locales/<locale>/messages.json through
 * these few functions. They call the browser's own `i18n.getMessage` (the `browser` global in
 * Firefox, `chrome` in Chrome), never webextension-polyfill, so the content script can use them
 * without the polyfill. Outside an extension (unit tests in Node) there is no such API:
 * `setMessageSource` gives them one (test/helpers/node-i18n.ts reads the English messages.json),
 * so no file reading is bundled into the extension.
 *
 * Chrome's i18n has no plural rules: a message whose English changes with a number has two
 * keys, `…One` and `…Many`, and `plural` picks one.
 */
import type English from '../../public/_locales/en/messages.json';

/** A key of messages.json; a misspelt key is a type error. */
export type MessageKey = keyof typeof English;

type Substitution = string | number;
/** The shape of the browsers' `i18n.getMessage`: '' for an unknown key. */
export type GetMessage = (key: string, substitutions?: string[]) => string;

interface I18nHost {
  i18n?: { getMessage?: GetMessage };
}

/** The message in the browser's language (else English), with `$1`… replaced by `substitutions`. */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const subs = substitutions.map(String);
  return getMessage()(key, subs.length ? subs : undefined) || key;
}

/**
 * `one` when `n` is 1, else `many`. Its substitutions default to `n` alone; give them when the
 * message has more, or when `n` is to be written another way (say 1,234).
 */
export function plural(n: number, one: MessageKey, many: MessageKey, ...substitutions: Substitution[]): string {
  return t(n === 1 ? one : many, ...(substitutions.length ? substitutions : [n]));
}

/**
 * The message cut around its substitutions, for markup inside a sentence: strings and numbers
 * are written into the text, anything else (a preact element, say) is returned in place, in the
 * order the translation puts it.
 */
export function tParts<T>(key: MessageKey, ...substitutions: (Substitution | T)[]): (string | T)[] {
  const marker = (i: number) => `\uE000${i}\uE001`;
  const text = t(key, ...substitutions.map((s, i) => (typeof s === 'string' || typeof s === 'number' ? s : marker(i))));
  return text
    .split(/\uE000(\d+)\uE001/)
    .map((part, i) => (i % 2 === 1 ? (substitutions[Number(part)] as T) : part))
    .filter((part) => part !== '');
}

let resolved: GetMessage | null = null;
let outsideBrowser: GetMessage = () => '';

/**
 * Where messages come from when there is no browser i18n (Node: tests, tools); until it is
 * called every key reads as itself there. The browser's own i18n, when present, still wins.
 */
export function setMessageSource(getMessage: GetMessage): void {
  outsideBrowser = getMessage;
  resolved = null;
}

function getMessage(): GetMessage {
  if (resolved) return resolved;
  const host = globalThis as { browser?: I18nHost; chrome?: I18nHost };
  const api = host.browser?.i18n ?? host.chrome?.i18n;
  if (api?.getMessage) {
    const bound = api.getMessage.bind(api);
    resolved = (key, subs) => bound(key, subs);
  } else {
    resolved = outsideBrowser;
  }
  return resolved;
}
