/**
 * The segment classifier's public surface (the names the single classifier.ts used to export): train, predict,
 * the publishable prediction run, and the evaluation metrics. Encoding and helpers stay internal.
 */
export { classificationMetrics, stratifiedSplit } from './metrics';
export { type PredictionResult, predictTable, type RowPrediction } from './predict';
export { type PredictionRunOptions, segmentDisplayName, toPredictionRun } from './prediction-run';
export { type TrainOptions, trainClassifier } from './train';
