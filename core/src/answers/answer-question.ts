/**
 * The answer engine: one plain-language question about the team's runs in, one {@link Answer} out.
 * Slack (slash command, mentions, DMs, App Home) and `segments ask` both call {@link answerQuestion};
 * they differ only in how they render the answer. Pure and synchronous: no I/O, no clock, no
 * randomness, so the same question over the same runs always gets the same answer.
 */
import { detectLanguage, hasIndonesianWords } from '../i18n/detect-language';
import { DEFAULT_LANG } from '../i18n/lang';
import { localizeRun } from '../i18n/localize-run';
import { canonicalQuestion } from '../i18n/question-words-id';
import { rewordAnswer } from '../i18n/reword-answer';
import type { Answer, AnswerContext } from '../schema/answer';
import { assertNever } from '../schema/errors';
import type { RunSummary, Segment } from '../schema/run';
import { chartAnswer } from './chart-answer';
import { compareAnswer } from './compare-answer';
import { connectAnswer } from './connect-answer';
import { factAnswer } from './fact-answer';
import { findFeature } from './feature-resolution';
import { findGoal } from './goals';
import { helpAnswer } from './help-answer';
import { correctTypos, guessIntent } from './intents';
import { listAnswer } from './list-answer';
import { noRunsAnswer, runNotFoundAnswer, segmentNotFoundAnswer } from './not-found-answers';
import { groupSizeAnswer, personaGroup } from './persona-group';
import { PERSONA_SYNONYMS, PLAYBOOK_KEYS } from './persona-synonyms';
import { predictionAnswer } from './prediction-answer';
import { PREDICTION_INTENTS, PREDICTION_QUESTION } from './prediction-resolution';
import { rankedByPriority } from './ranking';
import { isRevenueQuestion, REVENUE_FILLER, revenueAnswer, revenueOverviewAnswer } from './revenue-answer';
import { isRfmHelpQuestion, rfmHelpAnswer } from './rfm-help-answer';
import { isRiskQuestion, riskAnswer } from './risk-answer';
import { findRun, findRunMentions } from './run-resolution';
import { segmentCompareAnswer } from './segment-compare-answer';
import { resolveSegmentInTokens, type SegmentResolution } from './segment-resolution';
import { shareAnswer } from './share-answer';
import { showAnswer } from './show-answer';
import { sizeAnswer, sizeOverviewAnswer } from './size-answer';
import { strategyAnswer, strategyOverviewAnswer } from './strategy-answer';
import { targetAnswer } from './target-answer';
import { findSequence, isCloseMatch, stemWord, type Token, tokenize } from './text-match';
import { unsupportedAnswer } from './unsupported-answer';

/**
 * Answers one question about the team's runs. Understands: help; list runs; show a run (the
 * latest, or by name or id); the size of a segment; which segment to target, optionally for a goal
 * (discount, loyalty, premium launch, upsell, retention, reactivation, social); the strategy for a
 * segment; compare two runs (the latest with the previous by default); share a run; connect the
 * add-on. Segments are found with {@link resolveSegment} ("segment 3" is the third segment, index 2);
 * runs with {@link findRun}. Questions may be in English, Bahasa Indonesia or a mix: the answer is in
 * `context.lang`, else the question's language ({@link detectLanguage}), else `context.defaultLang`
 * (the user's locale), else English; runs named in the other language are worded again. Never throws for odd input: what it cannot answer becomes intent
 * `unknown` with help text and examples.
 * @param question what the user typed
 * @param context the team's runs (newest first), an optional picked run, and the surface asked from
 *   (default 'slack'; it only changes the wording of help, connect and "no runs yet")
 * @example answerQuestion('how big is the VIP segment?', { runs }).text // 'Premium Shoppers (VIP) (segment 2) has 39 customers, 19.5% of the 200 in run Mall.'
 */
export function answerQuestion(question: string, context: AnswerContext): Answer {
  const lang = context.lang ?? detectLanguage(question) ?? context.defaultLang ?? DEFAULT_LANG;
  // Runs named in another language are worded again from their persona keys.
  const runs = context.runs.map((run) => localizeRun(run, lang));
  const answer = answerInEngineWords(question, { ...context, runs });
  if (lang === DEFAULT_LANG) return answer;
  return rewordAnswer(answer, lang, { runs, surface: context.surface ?? 'slack', question });
}

/** The engine itself: understands the question (Indonesian words rewritten first) and answers in English. */
function answerInEngineWords(question: string, context: AnswerContext): Answer {
  const surface = context.surface ?? 'slack';
  const runs = context.runs;
  // Slack hands over mentions and channel links as <@U123> / <#C123|name>; they are never part of the question.
  const cleaned = question.replace(/<[@#!][^>]*>/g, ' ');
  // Indonesian and mixed questions reach the engine in its words; run names stay as typed.
  const words = hasIndonesianWords(cleaned)
    ? canonicalQuestion(
        cleaned,
        context.runs.flatMap((run) => [run.name, run.id]),
      )
    : cleaned;
  const typed = tokenize(words);
  // Key words with typos ("stratgy", "segmnet") are read as meant; names get their own typo matching.
  const corrected = correctTypos(
    typed.map((token) => token.norm),
    isCloseMatch,
  );
  const tokens: Token[] = typed.map((token, i) =>
    corrected[i] === token.norm
      ? token
      : { raw: token.raw, norm: corrected[i], stem: stemWord(corrected[i]) },
  );
  const norm = tokens.map((token) => token.norm).join(' ');
  const guess = guessIntent(norm);
  let intent = guess.intent;

  // "How do I do RFM segmentation?" is about making a run, so it needs none.
  if (isRfmHelpQuestion(norm, intent)) return rfmHelpAnswer(surface);
  if (intent === 'help') return helpAnswer('help', surface);
  if (intent === 'connect') return connectAnswer(surface);
  if (intent === 'unsupported') return unsupportedAnswer(norm, surface);
  // New customers, leads, "predicted": answered from prediction runs, which need no segmentation run.
  if (PREDICTION_QUESTION.test(norm) && PREDICTION_INTENTS.has(intent)) {
    return predictionAnswer(tokens, norm, context.predictions ?? [], context.runRef, surface);
  }
  if (!runs.length) return noRunsAnswer(intent, surface);
  if (intent === 'list') return listAnswer(runs);

  let baseIndex = 0;
  if (context.runRef !== undefined) {
    const picked = findRun(runs, context.runRef);
    if (!picked) return runNotFoundAnswer(intent, context.runRef, runs);
    baseIndex = runs.indexOf(picked);
  }
  const used = tokens.map(() => false);
  const { mentions, unknownReference } = findRunMentions(tokens, runs, baseIndex, used);
  const needsNamedRun = intent === 'show' || intent === 'share' || intent === 'compare';
  if (unknownReference !== undefined && needsNamedRun && mentions.length < (intent === 'compare' ? 2 : 1)) {
    return runNotFoundAnswer(intent, unknownReference, runs);
  }
  const run = mentions[0]?.run ?? runs[baseIndex];
  if (intent === 'chart') return chartAnswer(run, runs[runs.indexOf(run) + 1], norm);
  if (intent === 'compare') {
    const pair =
      mentions.length < 2
        ? twoSegments(
            run,
            tokens.filter((_, i) => !used[i]),
          )
        : undefined;
    if (pair) return segmentCompareAnswer(run, pair[0], pair[1]);
    return compareAnswer(runs, baseIndex, mentions);
  }

  // A fact needs a feature ("average income"); the feature and its "average" are no segment's name.
  const feature = intent === 'fact' ? findFeature(run, tokens) : undefined;
  if (intent === 'fact' && !feature) intent = guess.withoutFeature?.intent ?? 'unknown';
  if (feature) {
    for (const position of feature.positions) used[position] = true;
    tokens.forEach((token, i) => {
      if (/^(average|mean|typical|avg|median)$/.test(token.norm)) used[i] = true;
    });
  }
  // "bargain hunters" names a persona, not a discount goal: persona phrases are kept from the goal.
  const goalUsed = [...used];
  for (const i of personaPhrasePositions(tokens)) goalUsed[i] = true;
  const goal = findGoal(tokens, goalUsed);
  if (goal) for (let i = goal.start; i < goal.start + goal.length; i++) used[i] = true;
  const rest = tokens.filter((_, i) => !used[i]);
  let resolution = resolveSegmentInTokens(run, rest);
  const extreme = resolution.kind === 'none' ? extremeSegment(run, norm) : undefined;
  if (extreme)
    resolution = { kind: 'match', match: { segment: extreme.segment, by: 'index', text: extreme.word } };
  if (feature) {
    if (resolution.kind === 'match') return factAnswer(run, feature.feature, resolution.match.segment);
    if (resolution.kind === 'none' && !resolution.subject) return factAnswer(run, feature.feature);
    return segmentNotFoundAnswer('fact', run, resolution);
  }
  if (extreme?.least && (intent === 'target' || intent === 'unknown')) intent = 'strategy';
  const strongMatch =
    resolution.kind === 'match' && resolution.match.by !== 'fuzzy' && resolution.match.by !== 'partial';

  if (guess.strategyOrTarget) intent = resolution.kind === 'match' ? 'strategy' : 'target';
  if (intent === 'show' && strongMatch && !mentions.length) intent = 'strategy';
  if (intent === 'unknown') {
    if (resolution.kind === 'match' && resolution.match.by !== 'partial') intent = 'strategy';
    else if (goal) intent = 'target';
    else if (mentions.length) intent = 'show';
  }
  if (intent === 'strategy' && resolution.kind === 'none' && !resolution.subject && goal) intent = 'target';
  // RFM questions: who is at risk, and how much money a segment brings (one file per answer kind).
  if (!goal && isRiskQuestion(norm) && (intent === 'target' || intent === 'show' || intent === 'unknown'))
    return riskAnswer(run);
  if (isRevenueQuestion(norm) && intent !== 'strategy') {
    const named = resolveSegmentInTokens(
      run,
      rest.filter((token) => !REVENUE_FILLER.has(token.norm)),
    );
    if (named.kind === 'match') return revenueAnswer(run, personaGroup(run, named.match));
    if (named.kind === 'none' && !named.subject) return revenueOverviewAnswer(run);
    return segmentNotFoundAnswer('size', run, named);
  }

  switch (intent) {
    case 'show':
      return showAnswer(run);
    case 'share':
      return shareAnswer(run, surface);
    case 'target':
      return targetAnswer(run, goal?.rule);
    case 'size':
    case 'strategy':
      if (resolution.kind === 'match') {
        const segment = resolution.match.segment;
        // "How many champions?" counts every Champions segment of the run.
        const group = intent === 'size' ? personaGroup(run, resolution.match) : [segment];
        if (group.length > 1) return groupSizeAnswer(run, group);
        return intent === 'size' ? sizeAnswer(run, segment) : strategyAnswer(run, segment);
      }
      if (resolution.kind === 'none' && !resolution.subject) {
        return intent === 'size' ? sizeOverviewAnswer(run) : strategyOverviewAnswer(run);
      }
      return segmentNotFoundAnswer(intent, run, resolution);
    case 'risk':
      return riskAnswer(run);
    case 'revenue':
      return revenueOverviewAnswer(run);
    case 'unknown':
    // Answered above; listed so a new intent cannot be forgotten here.
    case 'help':
    case 'list':
    case 'compare':
    case 'connect':
    case 'fact':
    case 'chart':
    case 'unsupported':
      return helpAnswer('unknown', surface, question);
    default:
      return assertNever(intent, 'intent');
  }
}

/** Words that pick a segment by rank: the biggest or smallest, the most or least valuable. */
function extremeSegment(
  run: RunSummary,
  norm: string,
): { segment: Segment; word: string; least?: boolean } | undefined {
  const bySize = [...run.segments].sort((a, b) => b.size - a.size || a.index - b.index);
  if (/\b(biggest|largest)\b/.test(norm)) return { segment: bySize[0], word: 'biggest' };
  if (/\b(smallest|tiniest)\b/.test(norm)) return { segment: bySize[bySize.length - 1], word: 'smallest' };
  const ranked = rankedByPriority(run);
  if (/\b(least valuable|lowest value|least profitable|worst)\b/.test(norm)) {
    return { segment: ranked[ranked.length - 1], word: 'least valuable', least: true };
  }
  if (/\b(most valuable|highest value|most profitable|best)\b/.test(norm)) {
    return { segment: ranked[0], word: 'most valuable' };
  }
  return undefined;
}

/** Connectors between two segment names in a comparison ("VIP and budget", "segment 1 vs segment 3"). */
const CONNECTORS = new Set(['and', 'vs', 'versus', 'with', 'against', 'to', 'or', 'from']);

/** The two different segments a comparison names, one on each side of a connector. */
function twoSegments(run: RunSummary, tokens: readonly Token[]): [Segment, Segment] | undefined {
  const parts: Token[][] = [[]];
  for (const token of tokens) {
    if (CONNECTORS.has(token.norm)) parts.push([]);
    else parts[parts.length - 1].push(token);
  }
  const found: Segment[] = [];
  for (const part of parts) {
    if (!part.length) continue;
    const resolution: SegmentResolution = resolveSegmentInTokens(run, part);
    if (resolution.kind === 'match' && !found.includes(resolution.match.segment))
      found.push(resolution.match.segment);
  }
  return found.length >= 2 ? [found[0], found[1]] : undefined;
}

/** Positions of multi-word persona phrases ("bargain hunters", "high rollers") in the question. */
function personaPhrasePositions(tokens: readonly Token[]): number[] {
  const stems = tokens.map((token) => token.stem);
  const positions: number[] = [];
  for (const key of PLAYBOOK_KEYS) {
    for (const synonym of PERSONA_SYNONYMS[key].synonyms) {
      const words = synonym.split(' ').map(stemWord);
      if (words.length < 2) continue;
      const start = findSequence(stems, words);
      if (start >= 0) for (let i = start; i < start + words.length; i++) positions.push(i);
    }
  }
  return positions;
}
