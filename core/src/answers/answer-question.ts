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
import { compareAnswer } from './compare-answer';
import { connectAnswer } from './connect-answer';
import { findGoal } from './goals';
import { helpAnswer } from './help-answer';
import { guessIntent } from './intents';
import { listAnswer } from './list-answer';
import { noRunsAnswer, runNotFoundAnswer, segmentNotFoundAnswer } from './not-found-answers';
import { predictionAnswer } from './prediction-answer';
import { PREDICTION_INTENTS, PREDICTION_QUESTION } from './prediction-resolution';
import { findRun, findRunMentions } from './run-resolution';
import { resolveSegmentInTokens } from './segment-resolution';
import { shareAnswer } from './share-answer';
import { showAnswer } from './show-answer';
import { sizeAnswer, sizeOverviewAnswer } from './size-answer';
import { strategyAnswer, strategyOverviewAnswer } from './strategy-answer';
import { targetAnswer } from './target-answer';
import { tokenize } from './text-match';

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
  const typed = question.replace(/<[@#!][^>]*>/g, ' ');
  // Indonesian and mixed questions reach the engine in its words; run names stay as typed.
  const words = hasIndonesianWords(typed)
    ? canonicalQuestion(
        typed,
        context.runs.flatMap((run) => [run.name, run.id]),
      )
    : typed;
  const tokens = tokenize(words);
  const norm = tokens.map((token) => token.norm).join(' ');
  const guess = guessIntent(norm);
  let intent = guess.intent;

  if (intent === 'help') return helpAnswer('help', surface);
  if (intent === 'connect') return connectAnswer(surface);
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
  if (intent === 'compare') return compareAnswer(runs, baseIndex, mentions);

  const run = mentions[0]?.run ?? runs[baseIndex];
  const goal = findGoal(tokens, used);
  const rest = tokens.filter((_, i) => !used[i]);
  const resolution = resolveSegmentInTokens(run, rest);
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
        return intent === 'size' ? sizeAnswer(run, segment) : strategyAnswer(run, segment);
      }
      if (resolution.kind === 'none' && !resolution.subject) {
        return intent === 'size' ? sizeOverviewAnswer(run) : strategyOverviewAnswer(run);
      }
      return segmentNotFoundAnswer(intent, run, resolution);
    case 'unknown':
      return helpAnswer('unknown', surface, question);
    default:
      return assertNever(intent, 'intent');
  }
}
