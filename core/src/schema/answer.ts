/**
 * The answer model: what core's answer engine returns for a question about runs. Slack renders it as
 * Block Kit, the CLI as text or JSON (`segments ask --json` prints it as is). Plain data only.
 */
import type { Lang } from '../i18n/lang';
import type { PredictionRun } from './model';
import type { RunSummary } from './run';

export type Intent =
  | 'help'
  | 'list'
  | 'show'
  | 'size'
  | 'target'
  | 'strategy'
  | 'compare'
  | 'share'
  | 'connect'
  | 'fact'
  | 'chart'
  | 'unsupported'
  /** Who is at risk of leaving (RFM At Risk, Can't Lose Them…). */
  | 'risk'
  /** How much money comes from a segment. */
  | 'revenue'
  | 'unknown';

/** The charts the Slack app draws from a run's summary (never from customer rows). */
export type ChartKind = 'sizes' | 'features' | 'choose-k' | 'compare';

/** One segment side by side with another (compare within a run). */
export interface SegmentSide {
  index: number;
  name: string;
  size: number;
  share: number;
  /** Numeric profile means, in the run's feature order. */
  means: { feature: string; mean: number }[];
}

/** A run as listed: enough to pick one. */
export interface RunListItem {
  id: string;
  name: string;
  createdAt: string;
  k: number;
  rowCount: number;
}

/** A predicted segment as an answer shows it. */
export interface PredictedSegmentFacts {
  /** The class label ("D"). */
  label: string;
  /** Display name ("Segment D"). */
  name: string;
  size: number;
  share: number;
}

/** What an answer from a prediction run (new customers put into known segments) is based on. */
export interface PredictionFacts {
  runId: string;
  runName: string;
  modelId: string;
  modelName: string;
  /** New customers the run predicted. */
  rowCount: number;
  /** The segment the answer is about, by class label; absent for an overview. */
  segmentLabel?: string;
  /** Every predicted segment, largest first. */
  segments: PredictedSegmentFacts[];
}

/** Per-persona change between two runs (compare). */
export interface SegmentChange {
  name: string;
  /** null when the persona is absent from that run. */
  before: { size: number; share: number } | null;
  after: { size: number; share: number } | null;
}

export interface Answer {
  intent: Intent;
  /** The run the answer is about, when there is one. */
  runId?: string;
  runName?: string;
  /** The segment the answer is about; for `target`, the recommended one. */
  segment?: { index: number; name: string };
  /** The answer as plain text (no markup), complete on its own. */
  text: string;
  /** Size and share of `segment` (size, target). */
  size?: number;
  share?: number;
  /** Strategy of `segment` (target, strategy). */
  strategy?: string;
  /** target: the goal understood from the question, and the second-best segment. */
  goal?: string;
  runnerUp?: { index: number; name: string };
  /** show/share: the run to render as a summary. */
  run?: RunSummary;
  /** list: the runs, newest first. */
  runs?: RunListItem[];
  /** compare: the two runs and the per-persona changes. */
  comparison?: { fromRunId: string; toRunId: string; changes: SegmentChange[] };
  /** compare within one run: the two segments side by side. */
  segmentComparison?: { segments: [SegmentSide, SegmentSide] };
  /** fact: one feature's average, for the segment asked about or for every segment. */
  fact?: {
    feature: string;
    populationMean?: number;
    values: { index: number; name: string; mean: number; level?: string }[];
  };
  /** chart: which chart answers the question (the text is its plain-text twin). */
  chart?: { kind: ChartKind };
  /** When the run was made (ISO 8601), and its spreadsheet when it came from one. */
  runCreatedAt?: string;
  spreadsheetId?: string;
  /** help/unknown: example questions to try. */
  examples?: string[];
  /**
   * size: the answer comes from a prediction run rather than a segmentation run (then `runId` is
   * absent, and `segment`, `size` and `share` describe the predicted segment).
   */
  prediction?: PredictionFacts;
  /** The language the text is in (absent: English). */
  lang?: Lang;
  /** What the question named that is not there: a run, or a segment (ambiguous, out of range, unknown). */
  notFound?:
    | { kind: 'run'; reference: string }
    | { kind: 'ambiguous'; text: string; candidates: number[] }
    | { kind: 'no-such-number'; number: number }
    | { kind: 'segment'; subject: string };
}

/** What the answer engine knows besides the question. */
export interface AnswerContext {
  /** The team's runs, newest first (summaries are enough). */
  runs: RunSummary[];
  /** A run the user picked (id or name); default: the latest. */
  runRef?: string;
  /** Where the user asks from, so help text names the right command ('slack' | 'cli'). */
  surface?: 'slack' | 'cli';
  /**
   * The team's prediction runs, newest first; questions about new customers, leads or predicted
   * segments are answered from them. Default none.
   */
  predictions?: PredictionRun[];
  /** Answer in this language whatever the question's words (e.g. `segments ask --lang id`). */
  lang?: Lang;
  /**
   * The language when the question's words do not say (a short question): the user's locale.
   * Default English.
   */
  defaultLang?: Lang;
}
