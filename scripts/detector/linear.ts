/**
 * Linear SVMs trained by dual coordinate descent (Hsieh et al. 2008, the algorithm of LIBLINEAR
 * and of scikit-learn's LinearSVC), on sparse rows, plus Platt scaling to turn margins into
 * probabilities. Written here because no kept JavaScript library trains sparse linear models:
 * ml-svm and libsvm-js are kernel SVMs over dense rows (a 50-document corpus hashed into 2^18
 * buckets would not fit), ml-logistic-regression is dense gradient descent. This solver trains
 * one kind on the whole corpus in well under a second and is deterministic (seeded order).
 */

/** Sparse rows (CSR): row r's features are index/value[rowStart[r] .. rowStart[r + 1]). */
export interface Rows {
  rowStart: Int32Array;
  index: Int32Array;
  value: Float64Array;
  dim: number;
}

export interface SvmOptions {
  /** "hinge" (L1-loss, the textbook SVM) or "squared-hinge" (L2-loss, LIBLINEAR's default). */
  loss: 'hinge' | 'squared-hinge';
  /** Cost of errors on negatives. */
  c: number;
  /** Cost of errors on positives (class weighting); default c. */
  cPositive?: number;
  /** Stop when the projected gradient's spread is below this (LIBLINEAR: 0.1). */
  tolerance?: number;
  maxEpochs?: number;
  /** Seed of the order in which examples are visited. */
  seed?: number;
}

/** A trained linear model: score(x) = w·x + bias. */
export interface LinearModel {
  weights: Float64Array;
  bias: number;
}

/** mulberry32: a small seeded generator, so that training is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trains a binary SVM on `rows` (the ids in `subset`) with labels ±1 (`positive[r]`). */
export function trainSvm(data: Rows, subset: Int32Array, positive: Uint8Array, options: SvmOptions): LinearModel {
  const { rowStart, index, value } = data;
  const n = subset.length;
  const w = new Float64Array(data.dim);
  let bias = 0;
  const alpha = new Float64Array(n);
  const y = new Int8Array(n);
  const upper = new Float64Array(n);
  const diag = new Float64Array(n);
  const qd = new Float64Array(n);
  const cPos = options.cPositive ?? options.c;
  for (let k = 0; k < n; k++) {
    const r = subset[k]!;
    y[k] = positive[r] ? 1 : -1;
    const c = y[k] === 1 ? cPos : options.c;
    if (options.loss === 'hinge') {
      upper[k] = c;
      diag[k] = 0;
    } else {
      upper[k] = Infinity;
      diag[k] = 0.5 / c;
    }
    let sq = 1; // the bias's constant feature
    for (let p = rowStart[r]!; p < rowStart[r + 1]!; p++) sq += value[p]! * value[p]!;
    qd[k] = sq + diag[k]!;
  }
  const order = Int32Array.from({ length: n }, (_, k) => k);
  const random = seededRandom(options.seed ?? 1);
  const tolerance = options.tolerance ?? 0.1;
  const maxEpochs = options.maxEpochs ?? 1000;
  // Shrinking (as LIBLINEAR): examples whose gradient says they will stay at a bound are set
  // aside until the rest has converged, then everything is checked once more.
  let active = n;
  let pgMaxOld = Infinity;
  let pgMinOld = -Infinity;
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    for (let k = active - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      const t = order[k]!;
      order[k] = order[j]!;
      order[j] = t;
    }
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < active; s++) {
      const k = order[s]!;
      const r = subset[k]!;
      const yk = y[k]!;
      let dot = bias;
      for (let p = rowStart[r]!; p < rowStart[r + 1]!; p++) dot += w[index[p]!]! * value[p]!;
      const a = alpha[k]!;
      const g = yk * dot - 1 + diag[k]! * a;
      let pg = 0;
      if (a === 0) {
        if (g > pgMaxOld) {
          active--;
          order[s] = order[active]!;
          order[active] = k;
          s--;
          continue;
        }
        if (g < 0) pg = g;
      } else if (a === upper[k]) {
        if (g < pgMinOld) {
          active--;
          order[s] = order[active]!;
          order[active] = k;
          s--;
          continue;
        }
        if (g > 0) pg = g;
      } else {
        pg = g;
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) <= 1e-12) continue;
      const next = Math.min(Math.max(a - g / qd[k]!, 0), upper[k]!);
      const step = (next - a) * yk;
      if (step === 0) continue;
      alpha[k] = next;
      for (let p = rowStart[r]!; p < rowStart[r + 1]!; p++) w[index[p]!] = w[index[p]!]! + step * value[p]!;
      bias += step;
    }
    if (pgMax - pgMin <= tolerance) {
      if (active === n) break;
      active = n;
      pgMaxOld = Infinity;
      pgMinOld = -Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
    pgMinOld = pgMin >= 0 ? -Infinity : pgMin;
  }
  return { weights: w, bias };
}

/** w·x + b for row r. */
export function score(data: Rows, r: number, model: LinearModel): number {
  let dot = model.bias;
  for (let p = data.rowStart[r]!; p < data.rowStart[r + 1]!; p++) dot += model.weights[data.index[p]!]! * data.value[p]!;
  return dot;
}

/**
 * Platt scaling (with the target smoothing and Newton steps of Lin, Lin and Weng 2007):
 * P(positive | score) = 1 / (1 + exp(a·score + b)), fitted on held-out scores.
 */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>): { a: number; b: number } {
  const n = scores.length;
  let prior1 = 0;
  for (let i = 0; i < n; i++) if (labels[i]) prior1++;
  const prior0 = n - prior1;
  const hi = (prior1 + 1) / (prior1 + 2);
  const lo = 1 / (prior0 + 2);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = labels[i] ? hi : lo;
  let a = 0;
  let b = Math.log((prior0 + 1) / (prior1 + 1));
  const sigma = 1e-12;
  const objective = (a: number, b: number): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const fApB = scores[i]! * a + b;
      f += fApB >= 0 ? t[i]! * fApB + Math.log(1 + Math.exp(-fApB)) : (t[i]! - 1) * fApB + Math.log(1 + Math.exp(fApB));
    }
    return f;
  };
  let fval = objective(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let h11 = sigma;
    let h22 = sigma;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const fApB = scores[i]! * a + b;
      const p = fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
      const q = 1 - p;
      const d2 = p * q;
      h11 += scores[i]! * scores[i]! * d2;
      h22 += d2;
      h21 += scores[i]! * d2;
      const d1 = t[i]! - p;
      g1 += scores[i]! * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= 1e-10) {
      const na = a + step * dA;
      const nb = b + step * dB;
      const nf = objective(na, nb);
      if (nf < fval + 1e-4 * step * gd) {
        a = na;
        b = nb;
        fval = nf;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { a, b };
}
