/**
 * The clustering stage: runs the selected algorithm on the feature matrix, for the k the user gave
 * or for every candidate k when k is 'auto' (then choose-k recommends one; candidates get the full
 * restarts on small tables, so the silhouette quoted for a k is what a full run at that k scores).
 */
import {
  AUTO_K_REFINE_TOP,
  autoKCandidates,
  type ClusteringOutcome,
  candidateRestarts,
  chooseK,
} from '../cluster/choose-k';
import { kmeans } from '../cluster/kmeans';
import { defaultGamma, kprototypes, type MixedData } from '../cluster/kprototypes';
import type { DistanceSpace } from '../cluster/silhouette';
import { assertNever } from '../schema/errors';
import type { Algorithm, ChooseKResult } from '../schema/run';
import type { FeatureMatrix } from './feature-matrix';
import type { SegmentSettings } from './options';

/** One clustering: a label per used row, its inertia (k-prototypes: cost) and the size of each label. */
export interface Clustering extends ClusteringOutcome {
  sizes: Int32Array;
}

/** The chosen clustering and what the Run records about how it was found. */
export interface ClusterStageResult {
  k: number;
  clustering: Clustering;
  /** Weight of categorical mismatches (k-prototypes only). */
  gamma: number | null;
  /** The candidates compared when k was 'auto'. */
  chooseK?: ChooseKResult;
  /** The space clustered, for the silhouette. */
  distance: DistanceSpace;
}

/**
 * Clusters the matrix into the given k, or chooses k.
 * @param candidates the ks compared when k is 'auto' (default 2..min(10, n − 1); RFM runs pass 4..8)
 * @example clusterAndChooseK(matrix, 'kmeans', { k: 5, seed: 1, restarts: 10, report: () => {} }).clustering.sizes.length // 5
 */
export function clusterAndChooseK(
  matrix: FeatureMatrix,
  algorithm: Algorithm,
  settings: Pick<SegmentSettings, 'k' | 'seed' | 'restarts' | 'report'>,
  candidates: number[] = autoKCandidates(matrix.n),
): ClusterStageResult {
  const { seed, restarts, report } = settings;
  const mixed: MixedData = {
    n: matrix.n,
    numeric: matrix.numeric,
    numericCount: matrix.numericCount,
    categorical: matrix.categorical,
    categoricalCount: matrix.categoricalCount,
    categoryCounts: matrix.features
      .filter((feature) => feature.kind === 'categorical')
      .map((feature) => feature.categories?.length ?? 0),
  };
  const gamma = algorithm === 'kprototypes' ? defaultGamma(mixed) : null;
  const distance = distanceSpace(matrix, algorithm, gamma ?? 0);
  const cluster = (k: number, restartCount = restarts, firstRestart = 0): Clustering => {
    switch (algorithm) {
      case 'kmeans': {
        const result = kmeans(matrix.numeric, matrix.n, matrix.numericCount, k, {
          seed,
          restarts: restartCount,
          firstRestart,
        });
        return { labels: result.labels, inertia: result.inertia, sizes: result.sizes };
      }
      case 'kprototypes': {
        const result = kprototypes(mixed, k, {
          seed,
          restarts: restartCount,
          firstRestart,
          gamma: gamma ?? undefined,
        });
        return { labels: result.labels, inertia: result.cost, sizes: result.sizes };
      }
      default:
        return assertNever(algorithm, 'algorithm');
    }
  };

  if (settings.k !== 'auto') {
    const k = settings.k;
    report('cluster', 0.05, `Clustering into ${k} segments`);
    return { k, clustering: cluster(k), gamma, distance };
  }
  // Small tables: every candidate gets the full restarts, so each candidate's silhouette is what a
  // full run at that k scores. Large ones: a few restarts each, then the best few candidates and the
  // winner get the rest (same seeds as a full run).
  const perCandidate = candidateRestarts(
    matrix.n,
    matrix.numericCount + matrix.categoricalCount,
    candidates.length,
    restarts,
  );
  const outcome = chooseK(matrix.n, (candidate) => cluster(candidate, perCandidate), distance, {
    seed,
    refineWinner:
      restarts > perCandidate
        ? (winner) => {
            report('cluster', 0.9, `Refining ${winner} segments with the remaining restarts`);
            return cluster(winner, restarts - perCandidate, perCandidate);
          }
        : undefined,
    refineTop: AUTO_K_REFINE_TOP,
    onCandidate: (candidate, finished, total) =>
      report(
        'choose-k',
        0.05 + 0.85 * (finished / total),
        `Tried k = ${candidate} (${finished} of ${total})`,
      ),
    candidates,
  });
  const k = outcome.result.recommendedK;
  return {
    k,
    clustering: outcome.clusterings.get(k) as Clustering,
    gamma,
    chooseK: outcome.result,
    distance,
  };
}

/** The space clustered, as data: the silhouette runs a specialised kernel instead of a closure per pair. */
function distanceSpace(matrix: FeatureMatrix, algorithm: Algorithm, gamma: number): DistanceSpace {
  if (algorithm === 'kmeans') return { kind: 'euclidean', points: matrix.numeric, d: matrix.numericCount };
  return {
    kind: 'mixed',
    numeric: matrix.numeric,
    numericCount: matrix.numericCount,
    categorical: matrix.categorical,
    categoricalCount: matrix.categoricalCount,
    gamma,
  };
}
