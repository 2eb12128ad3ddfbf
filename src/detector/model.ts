/**
 * The detector's model file (src/detector/model.json, written by `npm run train`) and how it is
 * read. The weights are int8 with one scale per kind, stored sparsely (near-zero ones dropped)
 * as base64 so the file stays small and JSON: per kind, the number of weights, the gaps between
 * their bucket ids as varints, then the weights as bytes.
 */
import type { FeatureConfig } from './features';
import { KINDS, type Kind } from './kinds';

/** The file as stored. */
export interface ModelFile {
  format: 1;
  /** Where the model comes from; shown in the licence file beside it. */
  attribution: string;
  features: FeatureConfig;
  kinds: Kind[];
  /** Per kind: margin = scale · Σ value·q + bias. */
  scale: number[];
  bias: number[];
  /** Per kind: probability = 1 / (1 + exp(a·margin + b)) (Platt scaling on held-out predictions). */
  platt: [number, number][];
  /** Per kind: the probability at which F1 was best on held-out predictions. */
  thresholds: number[];
  /** The probability at and above which a unit is shown to readers (precision ≥ 0.90 when cross-validated). */
  readerThreshold: number;
  /** Sparse int8 weights, base64 (see above). */
  weights: string;
}

/** A model ready to classify: weights dense, bucket-major (weights[bucket · kinds + k]). */
export interface Model {
  file: ModelFile;
  kinds: readonly Kind[];
  weights: Int8Array;
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Encodes per-kind sparse weights (weights[k][bucket], zeros skipped) as the file stores them. */
export function encodeWeights(weights: Int8Array[]): string {
  const out: number[] = [];
  const varint = (n: number) => {
    while (n >= 0x80) {
      out.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.push(n);
  };
  for (const kind of weights) {
    const buckets: number[] = [];
    kind.forEach((q, bucket) => {
      if (q !== 0) buckets.push(bucket);
    });
    varint(buckets.length);
    let previous = -1;
    for (const b of buckets) {
      varint(b - previous - 1);
      previous = b;
    }
    for (const b of buckets) out.push(kind[b]! & 0xff);
  }
  return toBase64(Uint8Array.from(out));
}

/** Reads a model file; throws when it does not fit the detector (a different set of kinds, bad data). */
export function loadModel(file: ModelFile): Model {
  if (file.format !== 1) throw new Error(`Unknown detector model format ${String(file.format)}.`);
  if (file.kinds.length !== KINDS.length || file.kinds.some((k, i) => k !== KINDS[i])) {
    throw new Error('The detector model lists other kinds than the detector knows.');
  }
  const kinds = file.kinds.length;
  const dim = 1 << file.features.bits;
  const weights = new Int8Array(dim * kinds);
  const bytes = fromBase64(file.weights);
  let p = 0;
  const varint = (): number => {
    let n = 0;
    let shift = 0;
    for (;;) {
      if (p >= bytes.length) throw new Error('The detector model is cut short.');
      const byte = bytes[p++]!;
      n += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return n;
      shift += 7;
    }
  };
  for (let k = 0; k < kinds; k++) {
    const count = varint();
    const buckets = new Int32Array(count);
    let previous = -1;
    for (let i = 0; i < count; i++) {
      previous += varint() + 1;
      if (previous >= dim) throw new Error('The detector model has a weight outside its table.');
      buckets[i] = previous;
    }
    if (p + count > bytes.length) throw new Error('The detector model is cut short.');
    for (let i = 0; i < count; i++) weights[buckets[i]! * kinds + k] = (bytes[p++]! << 24) >> 24;
  }
  return { file, kinds: file.kinds, weights };
}
