/**
 * Choosing the number of segments: cluster for each candidate k, record inertia (the elbow curve) and
 * silhouette (separation), and recommend the k whose groups are most clearly separated, with a
 * sentence a marketer can read. A k the user gives always wins; this only runs for k = 'auto'.
 */
import { round } from '../format';
import { DEFAULT_LANG, type Lang } from '../i18n/lang';
import { createTranslator } from '../i18n/translator';
import type { ChooseKResult } from '../schema/run';
import { type DistanceSpace, type PairDistance, silhouetteScorer } from './silhouette';

/** Default candidate range (bounded by the number of rows). */
export const MIN_AUTO_K = 2;
export const MAX_AUTO_K = 10;

/**
 * Restarts per candidate k while comparing candidates. Ranking k needs a good clustering of each,
 * not the best of ten; the recommended k then gets the remaining restarts (see
 * {@link ChooseKOptions.refineWinner}), so the final segments are as good as a full run.
 */
export const AUTO_K_CANDIDATE_RESTARTS = 3;

/**
 * Below this much work (rows × features × candidates), every candidate k gets the full restarts, so
 * each candidate's silhouette is exactly what a full run at that k scores. Above it, candidates get
 * {@link AUTO_K_CANDIDATE_RESTARTS} and the best few are re-run at full restarts.
 */
export const AUTO_K_FULL_RESTART_BUDGET = 3_000_000;

/** How many of the best candidates are re-run at full restarts when candidates used fewer. */
export const AUTO_K_REFINE_TOP = 3;

/**
 * Restarts per candidate k: all of them when the table is small enough, else a few.
 * @example candidateRestarts(2216, 7, 9, 10) // 10
 */
export function candidateRestarts(n: number, features: number, candidates: number, restarts: number): number {
  return n * Math.max(1, features) * candidates <= AUTO_K_FULL_RESTART_BUDGET
    ? restarts
    : Math.min(AUTO_K_CANDIDATE_RESTARTS, restarts);
}

export interface ClusteringOutcome {
  labels: Int32Array;
  inertia: number;
}

export interface ChooseKOptions<T extends ClusteringOutcome = ClusteringOutcome> {
  /** Default 2..min(10, n − 1). */
  candidates?: number[];
  /** Passed to the silhouette: default 5,000 points, seed 1. */
  silhouetteSampleSize?: number;
  seed?: number;
  onCandidate?: (k: number, finished: number, total: number) => void;
  /**
   * Clusters the recommended k again with more starts once candidates are compared (e.g. the
   * restarts the candidates skipped). The result replaces the candidate's when its inertia is lower;
   * its row is rescored and the recommendation re-checked, refining any new winner in turn.
   */
  refineWinner?: (k: number) => T;
  /** Also refine this many candidates with the best silhouettes, not only the winner. Default 0. */
  refineTop?: number;
}

/** What choose-k found, plus each candidate's clustering so the winner need not be recomputed. */
export interface ChooseKOutcome<T extends ClusteringOutcome> {
  result: ChooseKResult;
  clusterings: Map<number, T>;
}

/**
 * Candidate ks for n rows: 2..min(10, n − 1); empty when n < 3.
 * @example autoKCandidates(5) // [2, 3, 4]
 */
export function autoKCandidates(n: number): number[] {
  const candidates: number[] = [];
  for (let k = MIN_AUTO_K; k <= Math.min(MAX_AUTO_K, n - 1); k++) candidates.push(k);
  return candidates;
}

/**
 * Clusters for every candidate k and recommends one.
 * @param cluster runs the clustering for one k
 * @param distance the space clustered, for the silhouette: a {@link DistanceSpace} (fast, specialised
 *   kernels) or a pairwise distance function
 * @example chooseK(200, (k) => kmeans(points, 200, 2, k), { kind: 'euclidean', points, d: 2 }).result.recommendedK // 5
 */
export function chooseK<T extends ClusteringOutcome>(
  n: number,
  cluster: (k: number) => T,
  distance: PairDistance | DistanceSpace,
  options: ChooseKOptions<T> = {},
): ChooseKOutcome<T> {
  const candidates = options.candidates ?? autoKCandidates(n);
  const clusterings = new Map<number, T>();
  const rows: ChooseKResult['candidates'] = [];
  // Every candidate is scored on the same seeded sample, so its pair distances are computed once.
  const scorer = silhouetteScorer(n, distance, {
    sampleSize: options.silhouetteSampleSize,
    seed: options.seed,
  });
  candidates.forEach((k, position) => {
    const outcome = cluster(k);
    clusterings.set(k, outcome);
    const score = scorer.score(outcome.labels, k);
    rows.push({ k, inertia: outcome.inertia, silhouette: score === null ? null : round(score, 4) });
    options.onCandidate?.(k, position + 1, candidates.length);
  });
  const refined = new Set<number>();
  const refine = (k: number) => {
    if (!options.refineWinner || refined.has(k)) return;
    refined.add(k);
    const current = clusterings.get(k);
    const better = options.refineWinner(k);
    if (!current || better.inertia >= current.inertia) return;
    clusterings.set(k, better);
    const row = rows.find((candidate) => candidate.k === k);
    if (row) {
      const score = scorer.score(better.labels, k);
      row.inertia = better.inertia;
      row.silhouette = score === null ? null : round(score, 4);
    }
  };
  if (options.refineTop) {
    const top = [...rows]
      .filter((row) => row.silhouette !== null)
      .sort((a, b) => (b.silhouette as number) - (a.silhouette as number) || a.k - b.k)
      .slice(0, options.refineTop);
    for (const row of top) refine(row.k);
  }
  let result = recommendK(rows, n);
  while (options.refineWinner && !refined.has(result.recommendedK)) {
    refine(result.recommendedK);
    result = recommendK(rows, n);
  }
  return { result, clusterings };
}

/**
 * Picks k from the candidate table: the highest silhouette (the smaller k on a near tie, since fewer
 * segments are easier to act on), and explains it against the elbow of the inertia curve.
 * @param lang the language of the reason (default English)
 * @example recommendK([{ k: 2, inertia: 100, silhouette: 0.5 }, { k: 3, inertia: 40, silhouette: 0.6 }, { k: 4, inertia: 35, silhouette: 0.5 }], 200).recommendedK // 3
 */
export function recommendK(
  candidates: ChooseKResult['candidates'],
  n: number,
  lang: Lang = DEFAULT_LANG,
): ChooseKResult {
  const t = createTranslator(lang);
  const elbow = elbowK(candidates);
  const scored = candidates.filter((row) => row.silhouette !== null);
  if (scored.length === 0) {
    return { candidates, recommendedK: elbow, reason: t.m.kElbowOnly(elbow, n) };
  }
  let best = scored[0];
  for (const row of scored) if ((row.silhouette as number) > (best.silhouette as number) + 0.005) best = row;
  const score = t.fixed(best.silhouette as number, 2);
  // A larger k that scored as high or a little higher: say it was a near tie, not "the best".
  const rival = scored
    .filter((row) => row.k !== best.k && (row.silhouette as number) >= (best.silhouette as number))
    .sort((a, b) => (b.silhouette as number) - (a.silhouette as number))[0];
  const unscored = candidates.filter((row) => row.silhouette === null).map((row) => row.k);
  const unscoredPart = unscored.length > 0 ? t.m.kUnscored(unscored.join(', ')) : '';
  const strength = t.m.kStrength(
    (best.silhouette as number) >= 0.5
      ? 'clearly'
      : (best.silhouette as number) >= 0.25
        ? 'reasonably'
        : 'only loosely',
  );
  const elbowPart = elbow === best.k ? t.m.kElbowSame() : t.m.kElbowOther(elbow);
  return {
    candidates,
    recommendedK: best.k,
    reason: rival
      ? t.m.kNearTie(
          best.k,
          strength,
          rival.k,
          score,
          t.fixed(rival.silhouette as number, 2),
          elbowPart,
          unscoredPart,
        )
      : t.m.kBest(
          best.k,
          strength,
          candidates[0].k,
          candidates[candidates.length - 1].k,
          score,
          elbowPart,
          unscoredPart,
        ),
  };
}

/**
 * The k farthest below the straight line from the first to the last point of the inertia curve.
 * @example elbowK([{ k: 2, inertia: 100, silhouette: 0.5 }, { k: 3, inertia: 40, silhouette: 0.6 }, { k: 4, inertia: 35, silhouette: 0.5 }]) // 3
 */
export function elbowK(candidates: ChooseKResult['candidates']): number {
  if (candidates.length <= 2) return candidates[0]?.k ?? 1;
  const first = candidates[0];
  const last = candidates[candidates.length - 1];
  const spanK = last.k - first.k;
  const spanInertia = first.inertia - last.inertia || 1;
  let best = first.k;
  let bestGap = Number.NEGATIVE_INFINITY;
  for (const row of candidates) {
    const x = (row.k - first.k) / spanK;
    const y = (row.inertia - last.inertia) / spanInertia;
    const gap = 1 - x - y; // distance below the chord, in normalised units
    if (gap > bestGap) {
      bestGap = gap;
      best = row.k;
    }
  }
  return best;
}
