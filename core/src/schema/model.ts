/**
 * Records of the prediction feature, validated with zod at every edge (file, store, API):
 * - a **model** (`kind: 'model'`): a classifier trained on rows with a known segment label, with
 *   its encoding, trees, holdout evaluation and source — saved, reused and published as JSON;
 * - a **prediction run** (`kind: 'prediction'`): how new customers were distributed over the
 *   segments, with a profile per segment and no per-row data, so it may go to Slack.
 * Extra fields are allowed so newer writers do not break older readers.
 */
import * as z from 'zod/mini';
import './zod-locale';
import { SegmentationError } from './errors';
import { profileEntrySchema, runSourceSchema } from './run';

export const MODEL_SCHEMA_VERSION = 1 as const;

/** How one training column is turned into what the trees read. */
export const modelFeatureSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  kind: z.enum(['numeric', 'categorical']),
  /** numeric: quantile bins cut at `binEdges`; categorical: one code per known category. */
  encoding: z.enum(['quantile-bins', 'category-codes']),
  /** Sorted cut points: a value v falls in bin 1 + (number of edges below v). Numeric only. */
  binEdges: z.optional(z.array(z.number())),
  /** Known categories in first-seen order (code = index + 1; code 0 = missing or unseen). */
  categories: z.optional(z.array(z.string())),
  /** Missing cells of this column among the training rows. */
  missingInTraining: z.int().check(z.minimum(0)),
  /** Training statistics in original units, for profiles and for people reading the model. */
  median: z.optional(z.number()),
  mean: z.optional(z.number()),
  std: z.optional(z.number()),
  /** Sentence: what happens to a missing (or unseen) value. */
  missingHandling: z.string(),
});
export type ModelFeature = z.infer<typeof modelFeatureSchema>;

/** One regression tree as parallel arrays (see gradient-boosting.ts); node 0 is the root. */
export const flatTreeSchema = z
  .object({
    feature: z.array(z.int().check(z.minimum(-1))),
    split: z.array(z.int().check(z.minimum(0))),
    missingLeft: z.array(z.union([z.literal(0), z.literal(1)])),
    left: z.array(z.int().check(z.minimum(-1))),
    right: z.array(z.int().check(z.minimum(-1))),
    value: z.array(z.number()),
  })
  .check(
    z.refine(
      (tree) =>
        tree.feature.length > 0 &&
        [tree.split, tree.missingLeft, tree.left, tree.right, tree.value].every(
          (a) => a.length === tree.feature.length,
        ) &&
        // Children always come after their parent, which also rules out cycles.
        tree.feature.every(
          (f, node) =>
            f === -1 ||
            (tree.left[node] > node &&
              tree.right[node] > node &&
              tree.left[node] < tree.feature.length &&
              tree.right[node] < tree.feature.length),
        ),
      { message: 'a tree must have equal-length arrays and children that come after their parent' },
    ),
  );

export const boostingParamsSchema = z.looseObject({
  rounds: z.int().check(z.minimum(1)),
  learningRate: z.number().check(z.positive()),
  maxDepth: z.int().check(z.minimum(1)),
  minSamplesLeaf: z.int().check(z.minimum(1)),
  l2: z.number().check(z.minimum(0)),
  subsample: z.number().check(z.positive(), z.maximum(1)),
  seed: z.int(),
});

export const boostedTreesSchema = z.looseObject({
  algorithm: z.literal('gradient-boosted-trees'),
  params: boostingParamsSchema,
  classCount: z.int().check(z.minimum(2)),
  featureKinds: z.array(z.enum(['numeric', 'categorical'])),
  initialScores: z.array(z.number()),
  /** Round r, class k is `trees[r * classCount + k]`. */
  trees: z.array(flatTreeSchema).check(z.minLength(1)),
});

export const classMetricsSchema = z.looseObject({
  label: z.string(),
  precision: z.number().check(z.minimum(0), z.maximum(1)),
  recall: z.number().check(z.minimum(0), z.maximum(1)),
  f1: z.number().check(z.minimum(0), z.maximum(1)),
  /** Holdout rows whose true label is this class. */
  support: z.int().check(z.minimum(0)),
});
export type ClassMetrics = z.infer<typeof classMetricsSchema>;

export const evaluationSchema = z.looseObject({
  method: z.literal('stratified-holdout'),
  /** Share of each class held out for testing (0.2 = 80/20). */
  testShare: z.number().check(z.positive(), z.maximum(0.5)),
  seed: z.int(),
  trainRows: z.int().check(z.minimum(1)),
  testRows: z.int().check(z.minimum(1)),
  accuracy: z.number().check(z.minimum(0), z.maximum(1)),
  macroF1: z.number().check(z.minimum(0), z.maximum(1)),
  perClass: z.array(classMetricsSchema),
  /** matrix[actual][predicted], in the order of `labels`. */
  confusion: z.looseObject({
    labels: z.array(z.string()),
    matrix: z.array(z.array(z.int().check(z.minimum(0)))),
  }),
  /** Always predicting the most common training class: the score to beat. */
  baseline: z.looseObject({
    strategy: z.literal('majority-class'),
    label: z.string(),
    accuracy: z.number().check(z.minimum(0), z.maximum(1)),
    macroF1: z.number().check(z.minimum(0), z.maximum(1)),
  }),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const predictionModelSchema = z.looseObject({
  schemaVersion: z.literal(MODEL_SCHEMA_VERSION),
  kind: z.literal('model'),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.minLength(1), z.maxLength(500)),
  createdAt: z.iso.datetime({ offset: true }),
  /** The column that holds the segment in the training table. */
  label: z.string().check(z.minLength(1)),
  /** Segment labels; class index k is `classes[k]`. */
  classes: z.array(z.string()).check(z.minLength(2)),
  features: z.array(modelFeatureSchema).check(z.minLength(1)),
  /** Columns not used as features, and why ("unique per row: looks like an id"). */
  excluded: z.array(z.looseObject({ name: z.string(), reason: z.string() })),
  model: boostedTreesSchema,
  evaluation: evaluationSchema,
  source: runSourceSchema,
  training: z.looseObject({
    rows: z.int().check(z.minimum(2)),
    /** Rows skipped because their label cell was empty. */
    rowsWithoutLabel: z.int().check(z.minimum(0)),
    classCounts: z.record(z.string(), z.int().check(z.minimum(0))),
  }),
  notes: z.array(z.string()),
});
export type PredictionModel = z.infer<typeof predictionModelSchema>;

/** One predicted segment as a marketer sees it. */
export const predictedSegmentSchema = z.looseObject({
  /** The class label as in the training data ("D"). */
  label: z.string(),
  /** Display name ("Segment D"). */
  name: z.string(),
  size: z.int().check(z.minimum(0)),
  share: z.number().check(z.minimum(0), z.maximum(1)),
  /** 1 = the largest segment. */
  rank: z.int().check(z.minimum(1)),
  /** Mean confidence of the rows predicted into this segment (0 when empty). */
  meanConfidence: z.number().check(z.minimum(0), z.maximum(1)),
  /** Numeric means with a level against all predicted rows, and top categories. */
  profile: z.array(profileEntrySchema),
});
export type PredictedSegment = z.infer<typeof predictedSegmentSchema>;

export const predictionRunSchema = z.looseObject({
  schemaVersion: z.literal(MODEL_SCHEMA_VERSION),
  kind: z.literal('prediction'),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.minLength(1), z.maxLength(500)),
  createdAt: z.iso.datetime({ offset: true }),
  modelId: z.string().check(z.minLength(1)),
  modelName: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  source: runSourceSchema,
  rowCount: z.int().check(z.minimum(0)),
  segments: z.array(predictedSegmentSchema).check(z.minLength(2)),
  /** Which segment dominates and which is small, as a sentence. */
  ranking: z.string(),
  notes: z.array(z.string()),
});
export type PredictionRun = z.infer<typeof predictionRunSchema>;

function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown, what: string, kindName: string): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new SegmentationError(
      'INVALID_RUN',
      `The ${what} is not a valid ${kindName}:\n${z.prettifyError(result.error)}`,
      { field: first?.path.join('.') },
      result.error,
    );
  }
  return result.data;
}

/**
 * Validates unknown input (parsed JSON, a stored record) as a prediction model, including that the
 * trees only name existing features and classes.
 * @throws SegmentationError `INVALID_RUN` naming the field
 * @example parseModel(JSON.parse(JSON.stringify(model)), 'model file model.json').id // 'model-1'
 */
export function parseModel(input: unknown, what = 'model'): PredictionModel {
  const model = parseWith(predictionModelSchema, input, what, 'prediction model');
  const { classCount, trees, featureKinds, initialScores } = model.model;
  const problem =
    classCount !== model.classes.length
      ? 'model.classCount differs from the number of classes'
      : initialScores.length !== classCount
        ? 'model.initialScores needs one score per class'
        : trees.length % classCount !== 0
          ? 'model.trees must hold one tree per class per round'
          : featureKinds.length !== model.features.length ||
              featureKinds.some((kind, f) => kind !== model.features[f].kind)
            ? 'model.featureKinds must match features'
            : trees.some((tree) => tree.feature.some((f) => f >= model.features.length))
              ? 'a tree refers to a feature the model does not have'
              : undefined;
  if (problem)
    throw new SegmentationError('INVALID_RUN', `The ${what} is not a valid prediction model: ${problem}`, {
      field: 'model',
    });
  return model;
}

/**
 * True when parsed JSON says it is a prediction model (`kind: 'model'`), so `--run file.json` can
 * tell a model from a segmentation run before validating it.
 * @example isModelRecord(JSON.parse(JSON.stringify(model))) // true
 */
export function isModelRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'model';
}

/**
 * Validates unknown input as a prediction run summary.
 * @throws SegmentationError `INVALID_RUN` naming the field
 * @example parsePredictionRun(JSON.parse(JSON.stringify(predictions[0]))).name // 'leads-may'
 */
export function parsePredictionRun(input: unknown, what = 'prediction run'): PredictionRun {
  return parseWith(predictionRunSchema, input, what, 'prediction run');
}
