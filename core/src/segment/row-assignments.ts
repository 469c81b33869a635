/**
 * One segment index per table row, for the local copy of a Run (the CLI's output column, the add-on's
 * Segment column). Rows left out by the missing-value policy get −1.
 */

/**
 * Maps each table row to its segment index.
 * @param rowIndex for each used row, its index in the table
 * @param labels cluster label of each used row
 * @param order segment index of each cluster label
 * @example rowAssignments(3, Int32Array.from([0, 2]), Int32Array.from([1, 0]), Int32Array.from([1, 0])) // [0, -1, 1]
 */
export function rowAssignments(
  rowCount: number,
  rowIndex: Int32Array,
  labels: Int32Array,
  order: Int32Array,
): number[] {
  const assignments = new Array<number>(rowCount).fill(-1);
  for (let i = 0; i < rowIndex.length; i++) assignments[rowIndex[i]] = order[labels[i]];
  return assignments;
}
