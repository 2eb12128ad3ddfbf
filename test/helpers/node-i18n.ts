/**
 * t()'s messages in Node, where there is no browser i18n: the English messages.json with the
 * browsers' substitution rules. Test-only (installed by test/setup/i18n.ts), so none of it is
 * bundled into the extension.
 */
import english from '../../public/_locales/en/messages.json';
import type { GetMessage } from '../../src/i18n/t';

export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** The browsers' rules: `$name$` becomes its placeholder's content, then `$1`… and `$$` are replaced. */
export function formatMessage(entry: MessageEntry | undefined, substitutions: readonly string[]): string {
  if (!entry) return '';
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return text.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : (substitutions[Number(c) - 1] ?? '')));
}

/** Keys are case-insensitive in the browsers too. */
const messages = new Map(Object.entries(english as Record<string, MessageEntry>).map(([k, v]) => [k.toLowerCase(), v]));

/** `i18n.getMessage` over the English messages.json. */
export const englishMessages: GetMessage = (key, substitutions = []) => formatMessage(messages.get(key.toLowerCase()), substitutions);
