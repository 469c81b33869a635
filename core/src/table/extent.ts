/**
 * Smallest and largest of many numbers without spreading them into a call: spreading the values into Math.max
 * passes every value as an argument and overflows the stack past about 125,000 of them.
 */

/**
 * The largest value, or `floor` when every value is smaller (or there are none).
 * @example maxOf([3, 9, 4], 0) // 9
 */
export function maxOf(
  values: Iterable<number> | ArrayLike<number>,
  floor = Number.NEGATIVE_INFINITY,
): number {
  let max = floor;
  if (isArrayLike(values)) {
    for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  } else for (const value of values) if (value > max) max = value;
  return max;
}

/**
 * The smallest value, or `ceiling` when every value is larger (or there are none).
 * @example minOf([3, 9, 4]) // 3
 */
export function minOf(
  values: Iterable<number> | ArrayLike<number>,
  ceiling = Number.POSITIVE_INFINITY,
): number {
  let min = ceiling;
  if (isArrayLike(values)) {
    for (let i = 0; i < values.length; i++) if (values[i] < min) min = values[i];
  } else for (const value of values) if (value < min) min = value;
  return min;
}

/**
 * The length of the longest row, at least `floor`: the width of a ragged 2-D array of cells.
 * @example widestRow([['a'], ['b', 'c']]) // 2
 */
export function widestRow(rows: ArrayLike<ArrayLike<unknown>>, floor = 0): number {
  let width = floor;
  for (let r = 0; r < rows.length; r++) if (rows[r].length > width) width = rows[r].length;
  return width;
}

/**
 * Index of the first largest value (-1 when empty): the mode of a table of counts.
 * @example indexOfMax([2, 7, 7]) // 1
 */
export function indexOfMax(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i] > values[best]) best = i;
  return best;
}

function isArrayLike(values: Iterable<number> | ArrayLike<number>): values is ArrayLike<number> {
  return typeof (values as ArrayLike<number>).length === 'number';
}
