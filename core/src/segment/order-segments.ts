/**
 * Numbering segments: segment 0 is the largest, ties keep the clustering's label order, so the same
 * data always gives the same numbering whatever labels the algorithm happened to use.
 */

/** Cluster labels in segment order, and the reverse map. */
export interface SegmentOrder {
  /** labelsBySize[index] = the cluster label of segment `index`. */
  labelsBySize: number[];
  /** order[label] = the segment index of a cluster label. */
  order: Int32Array;
}

/**
 * Orders cluster labels by size, largest first.
 * @example orderSegmentsBySize(Int32Array.from([3, 9, 5])).labelsBySize // [1, 2, 0]
 */
export function orderSegmentsBySize(sizes: Int32Array): SegmentOrder {
  const k = sizes.length;
  const labelsBySize = Array.from({ length: k }, (_, label) => label).sort(
    (a, b) => sizes[b] - sizes[a] || a - b,
  );
  const order = new Int32Array(k);
  labelsBySize.forEach((label, index) => {
    order[label] = index;
  });
  return { labelsBySize, order };
}
