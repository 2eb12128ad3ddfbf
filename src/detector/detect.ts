/**
 * The detector end to end, on any text (a corpus document, a page's text): cut into sentences,
 * score each with its context (the section heading above it, the sentence before it), keep those
 * at or above the threshold shown to readers. Pure and browser-safe.
 */
import { probabilities } from './classify';
import { sectionHeadings } from './headings';
import type { Kind } from './kinds';
import type { Model } from './model';
import { segment } from './segment';

/** One detected clause. */
export interface Detection {
  text: string;
  /** [start, end) offsets in the text given to `detect`. */
  start: number;
  end: number;
  /** Kinds at or above the threshold, most likely first. */
  kinds: Kind[];
  /** Probability of the most likely kind, 0..1. */
  confidence: number;
  /** Probability of every kind, in the model's order. */
  probabilities: number[];
  /** The section heading above it and the unit before it, as the model saw them (for `why`). */
  context: { heading?: string | undefined; previous?: string | undefined };
}

export interface DetectOptions {
  /** Probability a kind must reach to be reported; default the model's reader threshold. */
  threshold?: number;
}

/** The units of `text` the model flags, in text order. */
export function detect(model: Model, text: string, options: DetectOptions = {}): Detection[] {
  const threshold = options.threshold ?? model.file.readerThreshold;
  const detections: Detection[] = [];
  const units = segment(text);
  const headings = sectionHeadings(text, units);
  units.forEach((unit, i) => {
    const context = { heading: headings[i], previous: units[i - 1]?.text };
    const probs = Array.from(probabilities(model, unit.text, context));
    const kinds = model.kinds
      .map((kind, k) => ({ kind, p: probs[k]! }))
      .filter(({ p }) => p >= threshold)
      .sort((a, b) => b.p - a.p);
    if (kinds.length === 0) return;
    detections.push({ ...unit, kinds: kinds.map((k) => k.kind), confidence: kinds[0]!.p, probabilities: probs, context });
  });
  return detections;
}
