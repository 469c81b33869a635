/**
 * How long a segmentation will take inside Google Apps Script, estimated before it starts, so the
 * add-on can offer a sample run or the CLI instead of failing at Apps Script's 6-minute limit.
 *
 * The cost is linear in cells (rows × feature columns): k-means passes, the k candidates and the
 * sampled silhouette all scale with it. Measured with Node on this repo's pipeline: 15–30 µs per cell
 * with k = auto; Apps Script's V8 is slower and shares its machine, so the estimate assumes 20× that
 * (conservative on purpose: running out of time loses the whole execution and writes nothing).
 */

/** Apps Script stops an execution after 6 minutes. */
export const APPS_SCRIPT_LIMIT_SECONDS = 360;
/** Seconds of the limit kept for reading the sheet, writing the columns, the summary and the run. */
export const IO_RESERVE_SECONDS = 90;
/** Estimated Apps Script seconds per cell (row × feature column) with k chosen automatically. */
export const SECONDS_PER_CELL_AUTO_K = 400e-6;
/** With a fixed k only one k is clustered (no candidates, no silhouette per candidate). */
export const FIXED_K_FACTOR = 0.25;

/** What {@link estimateRun} decides. */
export interface RunEstimate {
  /**
   * Estimated seconds of the whole execution in Apps Script, rounded up: computing plus the
   * {@link IO_RESERVE_SECONDS} for reading and writing (so "7 minutes" is what the user compares
   * with the 6-minute limit, never a 5 that does not fit).
   */
  seconds: number;
  /** True when the estimate fits the 6-minute limit. */
  fits: boolean;
  /** Rows a sample run may take to fit (all rows when it fits). */
  sampleRows: number;
}

/**
 * Estimates an add-on run from the table's size.
 * @param rows customer rows
 * @param columns feature columns (at least 1)
 * @param autoK true when k is chosen automatically (the default)
 * @example estimateRun(150_000, 5, true) // { seconds: 390, fits: false, sampleRows: 135000 }
 */
export function estimateRun(rows: number, columns: number, autoK = true): RunEstimate {
  const perCell = SECONDS_PER_CELL_AUTO_K * (autoK ? 1 : FIXED_K_FACTOR);
  const width = Math.max(1, columns);
  const budget = APPS_SCRIPT_LIMIT_SECONDS - IO_RESERVE_SECONDS;
  const computing = Math.ceil(rows * width * perCell);
  const fits = computing <= budget;
  const sampleRows = fits ? rows : Math.max(1, Math.floor(budget / (width * perCell) / 1000) * 1000);
  return { seconds: computing + IO_RESERVE_SECONDS, fits, sampleRows };
}

/**
 * Indexes of `count` rows out of `total`, evenly spaced (deterministic, so a re-run samples the same
 * customers); all rows when count ≥ total.
 * @example evenSample(10, 4) // [0, 2, 5, 7]
 */
export function evenSample(total: number, count: number): number[] {
  if (count >= total) return Array.from({ length: total }, (_, i) => i);
  const picked: number[] = [];
  const step = total / count;
  for (let i = 0; i < count; i++) picked.push(Math.floor(i * step));
  return picked;
}
