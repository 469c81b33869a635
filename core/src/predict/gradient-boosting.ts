/**
 * Multinomial gradient-boosted decision trees over binned features (the histogram method of
 * LightGBM and scikit-learn's HistGradientBoosting): each round fits one small regression tree per
 * class to the softmax gradients. Pure TypeScript on typed arrays; trees are flat number arrays, so a
 * model is plain JSON and predicts identically after a round trip.
 *
 * Input features are already binned (see encoding.ts): code 0 is "missing" for every feature,
 * numeric codes 1..binCount are ordered bins, categorical codes 1..binCount are categories.
 * Numeric splits are `code <= split`, with missing values sent to whichever side the training data
 * prefers (tree-native missing handling). Categorical splits send a set of categories left, stored
 * as a bit mask (bit c = code c): categories are sorted by their mean gradient and the best prefix is
 * chosen (LightGBM's method, exact for this loss up to the Newton step), with "missing" a category of
 * its own. Categorical features are therefore limited to 31 codes (30 categories + missing).
 */

import { createRandom } from '../cluster/random';
import { SegmentationError } from '../schema/errors';

/** One feature as the trees read it. */
export interface BinnedFeature {
  kind: 'numeric' | 'categorical';
  /** Per row: 0 = missing, 1..binCount = bin (numeric, ordered) or category (categorical). */
  codes: Uint16Array;
  binCount: number;
}

/**
 * A regression tree as parallel arrays indexed by node; node 0 is the root. A leaf has
 * `feature[node] === -1` and its score in `value[node]`.
 */
export interface FlatTree {
  feature: number[];
  /** Numeric: largest bin code that goes left; categorical: bit mask of the codes that go left. */
  split: number[];
  /** 1 when missing values (code 0) go left at a numeric split. */
  missingLeft: Array<0 | 1>;
  left: number[];
  right: number[];
  value: number[];
}

/** Settings of the booster; every field has a default (see {@link DEFAULT_BOOSTING_PARAMS}). */
export interface BoostingParams {
  /** Boosting rounds; each adds one tree per class. */
  rounds: number;
  /** Shrinkage applied to every tree's leaf values. */
  learningRate: number;
  /** Maximum depth of a tree (the root is depth 0). */
  maxDepth: number;
  /** A split is kept only when both children have at least this many training rows. */
  minSamplesLeaf: number;
  /** L2 penalty on leaf values (the λ of XGBoost): larger shrinks small leaves harder. */
  l2: number;
  /** Share of rows (sampled per round, without replacement) each round's trees see; 1 = all. */
  subsample: number;
  /** Seed for row subsampling. */
  seed: number;
}

/** Tuned on automobile_train.csv with several seeds (see README, section prediction). */
export const DEFAULT_BOOSTING_PARAMS: BoostingParams = {
  rounds: 120,
  learningRate: 0.1,
  maxDepth: 4,
  minSamplesLeaf: 20,
  l2: 1,
  subsample: 1,
  seed: 1,
};

/** A trained booster: raw scores per class are `initialScores[k]` plus the sum of class k's trees. */
export interface BoostedTrees {
  classCount: number;
  /** Feature kinds in the order of the training features (the trees index into this order). */
  featureKinds: Array<'numeric' | 'categorical'>;
  /** Log class priors: the score before any tree. */
  initialScores: number[];
  /** Round r, class k is `trees[r * classCount + k]`. */
  trees: FlatTree[];
}

/**
 * Fits multinomial gradient-boosted trees.
 * @param features binned features, all of the same length
 * @param labels class index (0..classCount−1) per row
 * @throws SegmentationError INVALID_OPTION when a parameter is out of range
 * @example fitBoostedTrees(binned, Uint16Array.from([0, 1, 1]), 2, { rounds: 10 }).trees.length // 20 — 10 rounds × 2 classes
 */
export function fitBoostedTrees(
  features: BinnedFeature[],
  labels: Uint16Array,
  classCount: number,
  params: Partial<BoostingParams> = {},
): BoostedTrees {
  const p: BoostingParams = { ...DEFAULT_BOOSTING_PARAMS, ...params };
  checkParams(p);
  const n = labels.length;
  for (const feature of features) {
    if (feature.codes.length !== n) throw new Error('every feature needs one code per row');
    if (feature.kind === 'categorical' && feature.binCount >= MAX_CATEGORY_CODES) {
      throw new SegmentationError(
        'INVALID_OPTION',
        `a categorical feature may have at most ${MAX_CATEGORY_CODES - 1} categories; got ${feature.binCount}`,
        { field: 'columns' },
      );
    }
  }
  const counts = new Float64Array(classCount);
  for (let i = 0; i < n; i++) counts[labels[i]]++;
  // Start from the log priors so the first trees model deviations from the class mix, not the mix.
  const initialScores = Array.from(counts, (count) => Math.log(Math.max(count, 1) / n));
  const scores = new Float64Array(n * classCount);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < classCount; k++) scores[i * classCount + k] = initialScores[k];

  const probabilities = new Float64Array(n * classCount);
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n);
  const trees: FlatTree[] = [];
  const random = createRandom(p.seed);
  const allRows = Uint32Array.from({ length: n }, (_, i) => i);
  const sampleSize = Math.max(1, Math.round(n * p.subsample));
  // (K−1)/K scales the Newton step as in Friedman's multiclass gradient boosting.
  const stepScale = classCount > 1 ? ((classCount - 1) / classCount) * p.learningRate : p.learningRate;
  const grower = new TreeGrower(features, gradient, hessian, p);
  const featureKinds = featureKindsOf(features);

  for (let round = 0; round < p.rounds; round++) {
    softmaxInto(scores, probabilities, n, classCount);
    const rows = p.subsample < 1 ? sampleRows(allRows, sampleSize, random) : allRows;
    for (let k = 0; k < classCount; k++) {
      for (let i = 0; i < n; i++) {
        const prob = probabilities[i * classCount + k];
        gradient[i] = prob - (labels[i] === k ? 1 : 0);
        hessian[i] = Math.max(prob * (1 - prob), 1e-12);
      }
      const tree = grower.grow(rows, stepScale);
      trees.push(tree);
      for (let i = 0; i < n; i++) scores[i * classCount + k] += treeScore(tree, features, i, featureKinds);
    }
  }
  return { classCount, featureKinds, initialScores, trees };
}

/**
 * Class probabilities for every row: n × classCount, row-major.
 * @example predictBoostedTrees(fitBoostedTrees(binned, Uint16Array.from([0, 1, 1]), 2), binned, 3).length // 6 — 3 rows × 2 class probabilities
 */
export function predictBoostedTrees(
  model: BoostedTrees,
  features: BinnedFeature[],
  rowCount: number,
): Float64Array {
  const { classCount } = model;
  const scores = new Float64Array(rowCount * classCount);
  for (let i = 0; i < rowCount; i++)
    for (let k = 0; k < classCount; k++) scores[i * classCount + k] = model.initialScores[k];
  model.trees.forEach((tree, t) => {
    const k = t % classCount;
    for (let i = 0; i < rowCount; i++)
      scores[i * classCount + k] += treeScore(tree, features, i, model.featureKinds);
  });
  const probabilities = new Float64Array(rowCount * classCount);
  softmaxInto(scores, probabilities, rowCount, classCount);
  return probabilities;
}

/**
 * The leaf value a row lands in.
 * @example treeScore({ feature: [0, -1, -1], split: [1, 0, 0], missingLeft: [0, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, -0.5, 0.5] }, binned, 0, ['numeric']) // -0.5 — row 0 has bin 1: left
 */
export function treeScore(
  tree: FlatTree,
  features: BinnedFeature[],
  row: number,
  kinds: Array<'numeric' | 'categorical'>,
): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    const f = tree.feature[node];
    const code = features[f].codes[row];
    const goLeft =
      kinds[f] === 'numeric'
        ? code === 0
          ? tree.missingLeft[node] === 1
          : code <= tree.split[node]
        : ((tree.split[node] >>> code) & 1) === 1;
    node = goLeft ? tree.left[node] : tree.right[node];
  }
  return tree.value[node];
}

function featureKindsOf(features: BinnedFeature[]): Array<'numeric' | 'categorical'> {
  return features.map((feature) => feature.kind);
}

function softmaxInto(scores: Float64Array, out: Float64Array, n: number, classCount: number): void {
  for (let i = 0; i < n; i++) {
    const base = i * classCount;
    let max = -Infinity;
    for (let k = 0; k < classCount; k++) max = Math.max(max, scores[base + k]);
    let sum = 0;
    for (let k = 0; k < classCount; k++) {
      const e = Math.exp(scores[base + k] - max);
      out[base + k] = e;
      sum += e;
    }
    for (let k = 0; k < classCount; k++) out[base + k] /= sum;
  }
}

function sampleRows(allRows: Uint32Array, size: number, random: () => number): Uint32Array {
  // Partial Fisher–Yates on a copy, then sorted so histogram passes read memory in order.
  const rows = allRows.slice();
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (rows.length - i));
    const t = rows[i];
    rows[i] = rows[j];
    rows[j] = t;
  }
  return rows.subarray(0, size).sort();
}

function checkParams(p: BoostingParams): void {
  const bad = (field: string, rule: string, value: number) =>
    new SegmentationError('INVALID_OPTION', `${field} must be ${rule}; got ${value}`, { field });
  if (!Number.isInteger(p.rounds) || p.rounds < 1 || p.rounds > 5000)
    throw bad('rounds', 'a whole number from 1 to 5000', p.rounds);
  if (!(p.learningRate > 0 && p.learningRate <= 1))
    throw bad('learningRate', 'above 0 and at most 1', p.learningRate);
  if (!Number.isInteger(p.maxDepth) || p.maxDepth < 1 || p.maxDepth > 12)
    throw bad('maxDepth', 'a whole number from 1 to 12', p.maxDepth);
  if (!Number.isInteger(p.minSamplesLeaf) || p.minSamplesLeaf < 1)
    throw bad('minSamplesLeaf', 'a whole number of at least 1', p.minSamplesLeaf);
  if (!(p.l2 >= 0)) throw bad('l2', 'zero or more', p.l2);
  if (!(p.subsample > 0 && p.subsample <= 1)) throw bad('subsample', 'above 0 and at most 1', p.subsample);
  if (!Number.isInteger(p.seed)) throw bad('seed', 'a whole number', p.seed);
}

/** Added to a category's hessian when ordering categories, so rare ones do not sort to the ends on noise. */
const CATEGORY_SMOOTHING = 10;

/** Categorical splits are bit masks over codes 0..30. */
export const MAX_CATEGORY_CODES = 31;

interface SplitChoice {
  gain: number;
  feature: number;
  split: number;
  missingLeft: 0 | 1;
  /** Gradient and hessian sums of the left child (the right one is the parent's minus these). */
  leftGradient: number;
  leftHessian: number;
}
/**
 * Grows one tree depth-first. Each splittable node has a histogram of (gradient, hessian, count) per
 * bin of every feature, laid out in one Float64Array; a child's histogram is built from its rows only
 * for the smaller child, and the larger one is the parent's minus it (the LightGBM subtraction trick).
 */
class TreeGrower {
  /** Start of each feature's bins in a histogram, in bins (× 3 for the array offset). */
  private readonly offsets: number[];
  private readonly histogramLength: number;

  constructor(
    private readonly features: BinnedFeature[],
    private readonly gradient: Float64Array,
    private readonly hessian: Float64Array,
    private readonly params: BoostingParams,
  ) {
    this.offsets = [];
    let total = 0;
    for (const feature of features) {
      this.offsets.push(total);
      total += feature.binCount + 1;
    }
    this.histogramLength = total * 3;
  }

  grow(rows: Uint32Array, stepScale: number): FlatTree {
    const tree: FlatTree = { feature: [], split: [], missingLeft: [], left: [], right: [], value: [] };
    let sumGradient = 0;
    let sumHessian = 0;
    for (let r = 0; r < rows.length; r++) {
      sumGradient += this.gradient[rows[r]];
      sumHessian += this.hessian[rows[r]];
    }
    const histogram = this.canSplit(rows.length, 0) ? this.buildHistogram(rows) : null;
    this.growNode(tree, rows, histogram, sumGradient, sumHessian, 0, stepScale);
    return tree;
  }

  private canSplit(rowCount: number, depth: number): boolean {
    return depth < this.params.maxDepth && rowCount >= 2 * this.params.minSamplesLeaf;
  }

  private growNode(
    tree: FlatTree,
    rows: Uint32Array,
    histogram: Float64Array | null,
    sumGradient: number,
    sumHessian: number,
    depth: number,
    stepScale: number,
  ): number {
    const node = tree.feature.length;
    tree.feature.push(-1);
    tree.split.push(0);
    tree.missingLeft.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push((-sumGradient / (sumHessian + this.params.l2)) * stepScale);
    if (histogram === null) return node;
    const best = this.bestSplit(histogram, rows.length, sumGradient, sumHessian);
    if (best === null) return node;

    const [leftRows, rightRows] = this.partition(rows, best);
    const leftSplittable = this.canSplit(leftRows.length, depth + 1);
    const rightSplittable = this.canSplit(rightRows.length, depth + 1);
    let leftHistogram: Float64Array | null = null;
    let rightHistogram: Float64Array | null = null;
    if (leftSplittable || rightSplittable) {
      const leftIsSmaller = leftRows.length <= rightRows.length;
      const small = this.buildHistogram(leftIsSmaller ? leftRows : rightRows);
      // Reuse the parent's array for the larger child: it is not needed any more.
      for (let j = 0; j < histogram.length; j++) histogram[j] -= small[j];
      leftHistogram = leftIsSmaller ? small : histogram;
      rightHistogram = leftIsSmaller ? histogram : small;
    }
    tree.feature[node] = best.feature;
    tree.split[node] = best.split;
    tree.missingLeft[node] = best.missingLeft;
    tree.value[node] = 0;
    tree.left[node] = this.growNode(
      tree,
      leftRows,
      leftSplittable ? leftHistogram : null,
      best.leftGradient,
      best.leftHessian,
      depth + 1,
      stepScale,
    );
    tree.right[node] = this.growNode(
      tree,
      rightRows,
      rightSplittable ? rightHistogram : null,
      sumGradient - best.leftGradient,
      sumHessian - best.leftHessian,
      depth + 1,
      stepScale,
    );
    return node;
  }

  private buildHistogram(rows: Uint32Array): Float64Array {
    const histogram = new Float64Array(this.histogramLength);
    const gradient = this.gradient;
    const hessian = this.hessian;
    // Gather once: the per-feature passes then read the node's gradients contiguously.
    const g = new Float64Array(rows.length);
    const h = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      g[r] = gradient[rows[r]];
      h[r] = hessian[rows[r]];
    }
    for (let f = 0; f < this.features.length; f++) {
      const codes = this.features[f].codes;
      const base = this.offsets[f] * 3;
      for (let r = 0; r < rows.length; r++) {
        const at = base + codes[rows[r]] * 3;
        histogram[at] += g[r];
        histogram[at + 1] += h[r];
        histogram[at + 2] += 1;
      }
    }
    return histogram;
  }

  private bestSplit(
    histogram: Float64Array,
    total: number,
    sumGradient: number,
    sumHessian: number,
  ): SplitChoice | null {
    const { l2, minSamplesLeaf } = this.params;
    const parentScore = (sumGradient * sumGradient) / (sumHessian + l2);
    let best: SplitChoice | null = null;
    const consider = (
      gL: number,
      hL: number,
      nL: number,
      feature: number,
      split: number,
      missingLeft: 0 | 1,
    ) => {
      const nR = total - nL;
      if (nL < minSamplesLeaf || nR < minSamplesLeaf) return;
      const gR = sumGradient - gL;
      const hR = sumHessian - hL;
      const gain = (gL * gL) / (hL + l2) + (gR * gR) / (hR + l2) - parentScore;
      // Strictly greater keeps the first of equal splits, so ties resolve the same way everywhere.
      if (gain > 1e-10 && (best === null || gain > best.gain)) {
        best = { gain, feature, split, missingLeft, leftGradient: gL, leftHessian: hL };
      }
    };
    for (let f = 0; f < this.features.length; f++) {
      const { binCount, kind } = this.features[f];
      const base = this.offsets[f] * 3;
      // Counts come out of subtraction as exact small integers, so comparing them with 0 is safe.
      const g0 = histogram[base];
      const h0 = histogram[base + 1];
      const n0 = histogram[base + 2];
      if (kind === 'numeric') {
        let gL = 0;
        let hL = 0;
        let nL = 0;
        // Left = bins 1..t; missing goes right, or joins the left side (t = 0: missing alone left).
        if (n0 > 0) consider(g0, h0, n0, f, 0, 1);
        for (let t = 1; t <= binCount; t++) {
          const at = base + t * 3;
          gL += histogram[at];
          hL += histogram[at + 1];
          nL += histogram[at + 2];
          if (histogram[at + 2] === 0 && t < binCount) continue;
          consider(gL, hL, nL, f, t, 0);
          if (n0 > 0) consider(gL + g0, hL + h0, nL + n0, f, t, 1);
        }
      } else {
        // Present categories by mean gradient; every prefix of that order is a candidate left set.
        const present: number[] = [];
        for (let c = 0; c <= binCount; c++) if (histogram[base + c * 3 + 2] > 0) present.push(c);
        present.sort((a, b) => {
          const ra = histogram[base + a * 3] / (histogram[base + a * 3 + 1] + CATEGORY_SMOOTHING);
          const rb = histogram[base + b * 3] / (histogram[base + b * 3 + 1] + CATEGORY_SMOOTHING);
          return ra - rb || a - b;
        });
        let gL = 0;
        let hL = 0;
        let nL = 0;
        let mask = 0;
        for (let j = 0; j + 1 < present.length; j++) {
          const at = base + present[j] * 3;
          gL += histogram[at];
          hL += histogram[at + 1];
          nL += histogram[at + 2];
          mask = (mask | (1 << present[j])) >>> 0;
          consider(gL, hL, nL, f, mask, 0);
        }
      }
    }
    return best;
  }

  private partition(rows: Uint32Array, split: SplitChoice): [Uint32Array, Uint32Array] {
    const { codes, kind } = this.features[split.feature];
    const left = new Uint32Array(rows.length);
    const right = new Uint32Array(rows.length);
    let leftCount = 0;
    let rightCount = 0;
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      const code = codes[i];
      const goLeft =
        kind === 'numeric'
          ? code === 0
            ? split.missingLeft === 1
            : code <= split.split
          : ((split.split >>> code) & 1) === 1;
      if (goLeft) left[leftCount++] = i;
      else right[rightCount++] = i;
    }
    return [left.subarray(0, leftCount), right.subarray(0, rightCount)];
  }
}
