/**
 * The baseline's features, as LexGLUE's TF-IDF + SVM baseline and scikit-learn's
 * TfidfVectorizer make them: lowercased tokens of two or more word characters, word 1- and
 * 2-grams, sublinear tf (1 + ln tf), smoothed idf (ln((1 + n) / (1 + df)) + 1) learnt on the
 * training documents only, rows scaled to unit length. A vocabulary, not hashing: the baseline
 * is the textbook method, unchanged.
 */
import type { Rows } from './linear';

const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

function grams(text: string): string[] {
  const words = (text.toLowerCase().match(TOKEN) ?? []) as string[];
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}

export interface Tfidf {
  vocabulary: Map<string, number>;
  idf: Float64Array;
}

/** Learns the vocabulary and idf from `texts` (the training units). */
export function fitTfidf(texts: string[]): Tfidf {
  const df = new Map<string, number>();
  for (const text of texts) for (const g of new Set(grams(text))) df.set(g, (df.get(g) ?? 0) + 1);
  const terms = [...df.keys()].sort();
  const vocabulary = new Map(terms.map((t, i) => [t, i]));
  const idf = Float64Array.from(terms, (t) => Math.log((1 + texts.length) / (1 + df.get(t)!)) + 1);
  return { vocabulary, idf };
}

/** Rows for `texts` under a fitted vectoriser (unknown terms ignored). */
export function transformTfidf(model: Tfidf, texts: string[]): Rows {
  const rowStart = new Int32Array(texts.length + 1);
  const index: number[] = [];
  const value: number[] = [];
  texts.forEach((text, r) => {
    const counts = new Map<number, number>();
    for (const g of grams(text)) {
      const id = model.vocabulary.get(g);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ids = [...counts.keys()].sort((a, b) => a - b);
    const vals = ids.map((id) => (1 + Math.log(counts.get(id)!)) * model.idf[id]!);
    const norm = Math.sqrt(vals.reduce((s, v) => s + v * v, 0)) || 1;
    ids.forEach((id, k) => {
      index.push(id);
      value.push(vals[k]! / norm);
    });
    rowStart[r + 1] = index.length;
  });
  return { rowStart, index: Int32Array.from(index), value: Float64Array.from(value), dim: model.vocabulary.size };
}
