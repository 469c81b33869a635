/**
 * Questions about prediction runs (new customers put into segments a model learned from labelled
 * customers): which questions they are, which prediction run and which predicted segment they mean.
 */
import type { Intent } from '../schema/answer';
import type { PredictedSegment, PredictionRun } from '../schema/model';
import { LATEST_WORDS } from './run-resolution';
import { FILLER_WORDS, SEGMENT_WORDS } from './segment-resolution';
import { findSequence, normalizeText, type Token } from './text-match';

/** Words that make a question about the predicted segments of new customers. */
export const PREDICTION_QUESTION =
  /\b(predict\w*|forecast\w*|new (customers?|leads?|prospects?|clients?|buyers?|users?|contacts?|signups?|accounts?))\b/;

/** Intents a prediction question may have been read as; list, compare and share stay about runs. */
export const PREDICTION_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  'size',
  'target',
  'strategy',
  'show',
  'unknown',
]);

/** Words of prediction questions that never name a segment (besides {@link FILLER_WORDS}). */
const PREDICTION_FILLER = new Set(
  `new lead leads prospect prospects predict predicted prediction predictions forecast forecasted expected
  estimate estimated fall falls fell land lands end ended up belong belongs go goes went will be into model
  buyer buyers contact contacts signup signups account accounts dominate dominates dominant mostly majority
  main put per each every distribution distributed split breakdown across over spread`
    .split(/\s+/)
    .filter(Boolean),
);

/** "Which segment do most new customers fall in?": the largest predicted segment. */
export const LARGEST_PREDICTED =
  /\b(most|majority|mostly|largest|biggest|dominant|dominates?|main)\b|\b(which|what) (segment|group|class|cluster)\b/;

/**
 * Finds a prediction run by what a person calls it: "latest", its id (exact, any case, or a unique
 * prefix of 4+ characters), its name (any case) or a part of its name. `predictions` is newest first.
 * @returns the prediction run, or undefined when nothing fits
 * @example findPredictionRun(predictions, 'leads-may')?.id // 'prediction-1'
 */
export function findPredictionRun(
  predictions: readonly PredictionRun[],
  reference: string,
): PredictionRun | undefined {
  const trimmed = reference.trim();
  const exactId = predictions.find((run) => run.id === trimmed);
  if (exactId) return exactId;
  const norm = normalizeText(trimmed)
    .replace(/^the /, '')
    .replace(/ (run|one|prediction)$/, '');
  if (!norm || LATEST_WORDS.has(norm)) return predictions[0];
  const lower = trimmed.toLowerCase();
  const byIdOrName = predictions.find(
    (run) =>
      run.id.toLowerCase() === lower || normalizeText(run.id) === norm || normalizeText(run.name) === norm,
  );
  if (byIdOrName) return byIdOrName;
  if (norm.length >= 4) {
    const prefixed = predictions.filter((run) => run.id.toLowerCase().startsWith(lower));
    if (prefixed.length === 1) return prefixed[0];
  }
  const wanted = norm.split(' ');
  return predictions.find((run) => findSequence(normalizeText(run.name).split(' '), wanted) >= 0);
}

/** The prediction run a question names by id or name (3+ characters), marking those words used. */
export function findPredictionMention(
  tokens: readonly Token[],
  predictions: readonly PredictionRun[],
  used: boolean[],
): PredictionRun | undefined {
  const norms = tokens.map((token) => token.norm);
  const candidates = predictions.flatMap((run) =>
    [run.id, run.name].map((label) => ({ run, words: normalizeText(label).split(' ').filter(Boolean) })),
  );
  candidates.sort((a, b) => b.words.join(' ').length - a.words.join(' ').length);
  for (const { run, words } of candidates) {
    if (words.join(' ').length < 3) continue;
    const start = findSequence(norms, words);
    if (start < 0) continue;
    for (let i = start; i < start + words.length; i++) used[i] = true;
    return run;
  }
  return undefined;
}

type PredictedSegmentResolution =
  | { kind: 'match'; segment: PredictedSegment }
  | { kind: 'none'; subject: string };

/**
 * The predicted segment `tokens` name: "segment D", "class B", "group A" (label or display name
 * after a segment word), a label or name written out ("VIP", "Segment D"), or a one- or two-letter
 * label when it is the only word left ("D"). Otherwise the words left over, to say what was not found.
 */
export function resolvePredictedSegment(
  run: PredictionRun,
  tokens: readonly Token[],
): PredictedSegmentResolution {
  const norms = tokens.map((token) => token.norm);
  const byWord = (word: string) =>
    run.segments.find((segment) => {
      const name = normalizeText(segment.name);
      return normalizeText(segment.label) === word || name === word || name === `segment ${word}`;
    });
  for (let i = 0; i < tokens.length; i++) {
    if (!SEGMENT_WORDS.has(norms[i])) continue;
    let j = i + 1;
    while (j < tokens.length && (norms[j] === 'number' || norms[j] === 'no' || norms[j] === 'nr')) j++;
    const segment = norms[j] === undefined ? undefined : byWord(norms[j]);
    if (segment) return { kind: 'match', segment };
  }
  const content = tokens
    .map((_, i) => i)
    .filter(
      (i) =>
        !FILLER_WORDS.has(norms[i]) && !FILLER_WORDS.has(tokens[i].stem) && !PREDICTION_FILLER.has(norms[i]),
    );
  const forms = run.segments
    .flatMap((segment) =>
      [segment.name, segment.label].map((form) => ({ segment, words: normalizeText(form).split(' ') })),
    )
    .sort((a, b) => b.words.join(' ').length - a.words.join(' ').length);
  for (const { segment, words } of forms) {
    const text = words.join(' ');
    if (!text) continue;
    // "a" and "d" are also words: a short label counts only when nothing else is left.
    if (text.replace(/ /g, '').length <= 2 && !(content.length === 1 && norms[content[0]] === text)) continue;
    if (findSequence(norms, words) >= 0) return { kind: 'match', segment };
  }
  return { kind: 'none', subject: content.map((i) => tokens[i].raw).join(' ') };
}
