/**
 * Evaluating a classifier: the stratified holdout split, accuracy, macro-F1, per-class precision and
 * recall, the confusion matrix, and the majority-class baseline.
 */
import { createRandom } from '../cluster/random';
import type { ClassMetrics } from '../schema/model';
import { indexOfMax } from '../table/extent';

/**
 * Splits row positions into train and test so each class keeps its share: per class, a seeded
 * shuffle, then round(n·testShare) rows (at least 1, at most n−1) go to test.
 * @param labels class index per row; every class needs at least 2 rows
 * @example stratifiedSplit(Uint16Array.from([0, 0, 1, 1]), 2, 0.5, 1) // { train: [0, 2], test: [1, 3] }
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  classCount: number,
  testShare: number,
  seed: number,
): { train: number[]; test: number[] } {
  const random = createRandom(seed);
  const byClass: number[][] = Array.from({ length: classCount }, () => []);
  for (let i = 0; i < labels.length; i++) byClass[labels[i]].push(i);
  const train: number[] = [];
  const test: number[] = [];
  for (const members of byClass) {
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    const testCount = Math.min(members.length - 1, Math.max(1, Math.round(members.length * testShare)));
    members.forEach((row, position) => {
      (position < testCount ? test : train).push(row);
    });
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

/**
 * Accuracy, macro-F1 (the unweighted mean of per-class F1), per-class precision/recall/F1 and the
 * confusion matrix (matrix[actual][predicted]). A class never predicted has precision 0.
 * @example classificationMetrics([0, 1], [0, 0], ['A', 'B']).accuracy // 0.5
 */
export function classificationMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: string[],
): { accuracy: number; macroF1: number; perClass: ClassMetrics[]; confusion: number[][] } {
  const k = classes.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let correct = 0;
  for (let i = 0; i < actual.length; i++) {
    confusion[actual[i]][predicted[i]]++;
    if (actual[i] === predicted[i]) correct++;
  }
  const perClass = classes.map((label, c) => {
    const truePositives = confusion[c][c];
    const support = confusion[c].reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + row[c], 0);
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  return {
    accuracy: actual.length === 0 ? 0 : correct / actual.length,
    macroF1: perClass.reduce((sum, m) => sum + m.f1, 0) / k,
    perClass,
    confusion,
  };
}

/** The most common class: the baseline a classifier must beat. */
export function majorityClass(labels: Uint16Array, classCount: number): number {
  const counts = new Array<number>(classCount).fill(0);
  for (const label of labels) counts[label]++;
  return indexOfMax(counts);
}
