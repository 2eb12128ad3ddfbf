/**
 * Why a unit was flagged as a kind: the words and phrases of the unit whose features weighed
 * most for that kind in the model. Each feature's weight × value is credited to the words it
 * came from (a word's own feature and its character n-grams to the word, a word pair's to the
 * pair), and the largest positive totals are returned. Words that say nothing to a reader on
 * their own ("the", "or", "any") are not given as reasons, though pairs holding them are
 * ("not responsible"). Pure and browser-safe.
 */
import type { UnitContext } from './classify';
import { emitFeatures, featurize, tokenize } from './features';
import type { Kind } from './kinds';
import type { Model } from './model';

/** Function words: never a reason on their own. */
const FUNCTION_WORDS = new Set(
  ('a an the and or nor but of to in on at by for from with without into onto as than then is are was were be been being ' +
    'it its this that these those there here which who whom whose what when where any all each every some such other ' +
    'we us our ours you your yours they them their i me my he she his her if so do does did has have had can also only ' +
    'per via upon under over about after before between through during including include includes').split(' '),
);

/** A word or phrase of the unit and how much it pushed the unit towards the kind. */
export interface Reason {
  text: string;
  /** [start, end) in the unit's text. */
  start: number;
  end: number;
  /** Its share of the margin (same units as the model's margin). */
  weight: number;
}

/**
 * The `limit` words or phrases of `text` that weighed most towards `kind`, heaviest first.
 * `context`: as the unit was classified (its heading's words weigh too, but are not the unit's
 * words, so they are never given as a reason).
 */
export function why(model: Model, text: string, kind: Kind, limit = 3, context: UnitContext = {}): Reason[] {
  const k = model.kinds.indexOf(kind);
  if (k < 0) return [];
  const kinds = model.kinds.length;
  const config = model.file.features;
  const tokens = tokenize(text);
  const { index, value } = featurize(text, config, context.heading, context.previous);
  const valueOf = new Map<number, number>();
  index.forEach((bucket, i) => valueOf.set(bucket, value[i]!));
  // How often each bucket occurs, to share its value among its occurrences.
  const occurrences = new Map<number, number>();
  emitFeatures(tokens, config, (bucket) => occurrences.set(bucket, (occurrences.get(bucket) ?? 0) + 1));
  const credit = new Map<string, { first: number; last: number; weight: number }>();
  const scale = model.file.scale[k]!;
  emitFeatures(tokens, config, (bucket, first, last) => {
    const contribution = (valueOf.get(bucket)! / occurrences.get(bucket)!) * model.weights[bucket * kinds + k]! * scale;
    if (contribution === 0) return;
    // The same words anywhere in the unit count as one reason.
    const key = tokens.slice(first, last + 1).map((t) => t.word).join(' ');
    const entry = credit.get(key) ?? { first, last, weight: 0 };
    entry.weight += contribution;
    credit.set(key, entry);
  });
  return [...credit.entries()]
    .filter(([key, c]) => c.weight > 0 && key.split(' ').some((word) => !FUNCTION_WORDS.has(word)))
    .map(([, c]) => c)
    .sort((a, b) => b.weight - a.weight || a.first - b.first)
    .slice(0, limit)
    .map(({ first, last, weight }) => {
      const start = tokens[first]!.start;
      const end = tokens[last]!.end;
      return { text: text.slice(start, end), start, end, weight };
    });
}
