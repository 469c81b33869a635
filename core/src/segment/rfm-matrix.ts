/**
 * The feature matrix of an RFM segmentation: recency, frequency and monetary per customer, clustered
 * on z-scores of log(1 + value).
 *
 * Why log-scaled: R, F and M are heavily right-skewed (a few wholesale buyers order 100× the median
 * customer). On raw z-scores those few customers each take a segment of their own and everyone else
 * lands in one (the "42,476 / 4 / 1" split); log(1 + x) keeps the order and the relative differences
 * (2 vs 20 orders is as far apart as 20 vs 200) while pulling the tail in. Rank scaling was the other
 * candidate: it erases magnitude entirely and, with most customers tied at one order, leaves F with
 * two or three distinct values. Negative monetary (net refunds) counts as 0 before the log.
 * Profiles and personas still read the original units (numericOriginal).
 */
import type { Feature, Role } from '../schema/run';
import { type CustomerRollup, ROLLUP_HEADERS } from '../transactions/roll-up';
import type { FeatureMatrix } from './feature-matrix';

/**
 * Builds the matrix (customers × [Recency, Frequency, Monetary]).
 * @param derivedFrom source columns of each feature (date, order id, amount)
 * @example rfmMatrix(rollup, { recency: ['Created at'], frequency: ['Order ID'], monetary: ['Total'] }).numericOriginal.slice(0, 3) // Float64Array [0, 2, 230] — ann: recency, frequency, monetary
 */
export function rfmMatrix(
  rollup: CustomerRollup,
  derivedFrom: { recency: string[]; frequency: string[]; monetary: string[] },
): FeatureMatrix {
  const n = rollup.keys.length;
  const columns: { name: string; role: Role; values: Float64Array; from: string[] }[] = [
    { name: ROLLUP_HEADERS.recency, role: 'recency', values: rollup.recency, from: derivedFrom.recency },
    {
      name: ROLLUP_HEADERS.frequency,
      role: 'frequency',
      values: rollup.frequency,
      from: derivedFrom.frequency,
    },
    { name: ROLLUP_HEADERS.monetary, role: 'spending', values: rollup.monetary, from: derivedFrom.monetary },
  ];
  const d = columns.length;
  const original = new Float64Array(n * d);
  const scaled = new Float64Array(n * d);
  const features: Feature[] = columns.map((column, f) => {
    let sum = 0;
    let logSum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const value = column.values[i];
      original[i * d + f] = value;
      const log = Math.log1p(Math.max(0, value));
      scaled[i * d + f] = log;
      sum += value;
      logSum += log;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    const mean = sum / n;
    const logMean = logSum / n;
    let squares = 0;
    let logSquares = 0;
    for (let i = 0; i < n; i++) {
      squares += (column.values[i] - mean) ** 2;
      logSquares += (scaled[i * d + f] - logMean) ** 2;
    }
    const logStd = Math.sqrt(logSquares / n);
    for (let i = 0; i < n; i++) scaled[i * d + f] = logStd > 0 ? (scaled[i * d + f] - logMean) / logStd : 0;
    return {
      name: column.name,
      kind: 'numeric',
      role: column.role,
      mean,
      std: Math.sqrt(squares / n),
      min,
      max,
      derivedFrom: column.from,
      transform: 'log1p',
    };
  });
  const rowIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) rowIndex[i] = i;
  return {
    features,
    n,
    numericCount: d,
    categoricalCount: 0,
    numeric: scaled,
    numericOriginal: original,
    categorical: new Int32Array(0),
    rowIndex,
    preprocessing: {
      rowsUsed: n,
      rowsDropped: 0,
      imputed: 0,
      missingByColumn: {},
      droppedExamples: [],
      notes: [
        'Clustered on log(1 + value) of recency, frequency and monetary, then z-scores: the values are skewed, and logs keep a few big buyers from taking segments of their own.',
      ],
    },
  };
}
