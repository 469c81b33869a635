/**
 * The question engine's public surface (the same names the single answers.ts used to export); the
 * files behind it are internal: intents, run and segment resolution, wording, one file per answer kind.
 */
export { answerQuestion } from './answer-question';
export { chartKindOf, mainFeatures } from './chart-answer';
export { compareSegments } from './compare-answer';
export { GOAL_RULES, type Goal } from './goals';
export { EXAMPLE_QUESTIONS } from './help-answer';
export { HELP_EXAMPLES, INTENT_RULES, type IntentRule } from './intents';
export { PERSONA_SYNONYMS, type PlaybookKey, personaKeyOf } from './persona-synonyms';
export { findPredictionRun } from './prediction-resolution';
export { rankedByPriority, rankedForGoal } from './ranking';
export { findRun, toRunListItem } from './run-resolution';
export { resolveSegment, type SegmentMatch, type SegmentMatchKind } from './segment-resolution';
