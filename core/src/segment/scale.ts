/**
 * Scaling numeric features with each feature's population statistics, so no feature dominates the
 * distances by its units alone. The same parameters scale new rows in `assignTable`.
 */
import { assertNever } from '../schema/errors';
import type { Feature, Scaling } from '../schema/run';

/**
 * Scales an n × d matrix (row-major) with each feature's population statistics.
 * Constant features scale to 0 (zscore, minmax) so they cannot dominate distances.
 * @example scaleMatrix(Float64Array.from([10, 30]), 2, [{ name: 'x', kind: 'numeric', min: 10, max: 30 }], 'minmax') // Float64Array [0, 1]
 */
export function scaleMatrix(
  values: Float64Array,
  n: number,
  features: Feature[],
  scaling: Scaling,
): Float64Array {
  const d = features.length;
  const scaled = new Float64Array(n * d);
  for (let f = 0; f < d; f++) {
    const { offset, factor } = scaleParameters(features[f], scaling);
    for (let i = 0; i < n; i++) scaled[i * d + f] = (values[i * d + f] - offset) * factor;
  }
  return scaled;
}

/**
 * x_scaled = (x − offset) × factor for one numeric feature.
 * @example scaleParameters({ name: 'x', kind: 'numeric', mean: 25, std: 5 }, 'zscore') // { offset: 25, factor: 0.2 }
 */
export function scaleParameters(feature: Feature, scaling: Scaling): { offset: number; factor: number } {
  switch (scaling) {
    case 'zscore':
      return { offset: feature.mean ?? 0, factor: feature.std ? 1 / feature.std : 0 };
    case 'minmax': {
      const range = (feature.max ?? 0) - (feature.min ?? 0);
      return { offset: feature.min ?? 0, factor: range > 0 ? 1 / range : 0 };
    }
    case 'none':
      return { offset: 0, factor: 1 };
    default:
      return assertNever(scaling, 'scaling');
  }
}
