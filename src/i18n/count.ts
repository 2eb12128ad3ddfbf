/** A number in a sentence with the noun it counts: "1 file", "1,234 records". */
import { plural, type MessageKey } from './t';

/**
 * `n` written with thousands separators (1,234), in the `one` or `many` message. One function
 * for every page, so counts read the same everywhere.
 */
export function count(n: number, one: MessageKey, many: MessageKey): string {
  return plural(n, one, many, n.toLocaleString('en'));
}
