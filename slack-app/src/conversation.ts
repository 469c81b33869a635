/**
 * From a question typed in Slack to the message that answers it: loads the team's runs, asks core's
 * answer engine, and handles the two subcommands with side effects (connect issues a token; share
 * posts a run to the channel). Shared by the slash command, mentions, DMs and buttons.
 */
import type { Answer, AnswerContext, RunSummary } from '@segments/core';
import type { RunStore } from '@segments/store';
import { renderAnswer, type SlackMessage } from './blocks/answer';
import { escapeSlackText } from './blocks/escape';
import type { ChartDelivery, ChartImage } from './charts/delivery';

/** Core's answer engine, as the app receives it (tests and benches pass the real one). */
export type AnswerQuestion = (question: string, context: AnswerContext) => Answer;

export interface ConversationDeps {
  store: RunStore;
  answerQuestion: AnswerQuestion;
  /** How charts reach Slack (signed links or uploads); without it answers stay text and tables. */
  charts?: ChartDelivery;
}

/** Where a question came from: the slash command replies privately; mentions and DMs in a thread. */
export type Surface = 'command' | 'mention' | 'dm';

export interface Reply {
  message: SlackMessage;
  /** 'in_channel' only for share from the slash command; everything else stays with the asker. */
  visibility: 'ephemeral' | 'in_channel';
  /** The answer model, when the engine produced one. */
  answer?: Answer;
}

/** Runs loaded for one answer: enough history for list and compare, bounded for speed. */
const RUNS_PER_ANSWER = 50;
/** Prediction runs loaded for one answer: the latest answers, older ones are asked for by name. */
const PREDICTIONS_PER_ANSWER = 20;

/** Slack encodes mentions as `<@U123>` or `<@U123|name>`; the engine wants the words only. */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Answers `question` for `team` with that team's runs and prediction runs (newest first).
 * @example await answerForTeam(deps, 'T1', 'how big is the VIP segment?')
 */
export async function answerForTeam(
  deps: ConversationDeps,
  team: string,
  question: string,
  runRef?: string,
): Promise<Answer> {
  return (await answerWithRun(deps, team, question, runRef)).answer;
}

/**
 * The answer and the run it is about (for the renderer's fields, context line and buttons).
 * @example const { answer, run } = await answerWithRun(deps, 'T1', 'how big is the VIP segment?')
 */
export async function answerWithRun(
  deps: ConversationDeps,
  team: string,
  question: string,
  runRef?: string,
): Promise<{ answer: Answer; run?: RunSummary; runs: RunSummary[] }> {
  const { runs, predictions } = await deps.store.listRecent(team, {
    runs: RUNS_PER_ANSWER,
    predictions: PREDICTIONS_PER_ANSWER,
  });
  const answer = deps.answerQuestion(question, { runs, predictions, runRef, surface: 'slack' });
  return { answer, run: runs.find((run) => run.id === answer.runId), runs };
}

function connectReply(token: string): SlackMessage {
  const text = [
    "Here is this workspace's API token. It is shown only this once (only its hash is stored), so copy it now and keep it secret:",
    `\`${escapeSlackText(token)}\``,
    'Paste it in Google Sheets under Extensions › Customer Segments › Settings…, then use Publish to Slack…. Or publish from a script:',
    `\`curl -X POST https://YOUR-APP-HOST/api/runs -H "Authorization: Bearer ${escapeSlackText(token)}" -H "Content-Type: application/json" --data @run.json\``,
  ].join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/**
 * The reply to a question or subcommand typed in Slack.
 * `/segments connect` issues a token (slash command and DM only: a token never goes to a channel);
 * `share` answers in the channel; everything else is the answer engine's.
 * @example const reply = await replyTo(deps, { team: 'T1', text: 'which segment should we target?', surface: 'command' })
 */
export async function replyTo(
  deps: ConversationDeps,
  request: { team: string; text: string; surface: Surface; userId?: string },
): Promise<Reply> {
  const text = stripMentions(request.text);
  if (/^connect$/i.test(text)) {
    if (request.surface === 'mention') {
      const message =
        'To keep the token private, type `/segments connect` (only you see the reply) or send me `connect` in a DM.';
      return {
        message: { text: message, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: message } }] },
        visibility: 'ephemeral',
      };
    }
    const token = await deps.store.createApiToken(
      request.team,
      request.userId ? `slack user ${request.userId}` : undefined,
    );
    return { message: connectReply(token), visibility: 'ephemeral' };
  }
  const { answer, run, runs } = await answerWithRun(deps, request.team, text === '' ? 'help' : text);
  const visibility =
    answer.intent === 'share' && answer.run && request.surface === 'command' ? 'in_channel' : 'ephemeral';
  const chart = await chartFor(deps, request.team, answer, run, runs);
  return { message: renderAnswer(answer, { run, chart }), visibility, answer };
}

/**
 * The chart that goes with an answer: the one asked for, the sizes of a shown or shared run, or
 * the before/after of a comparison of two runs. Undefined when charts are not set up or fail.
 */
export async function chartFor(
  deps: ConversationDeps,
  team: string,
  answer: Answer,
  run: RunSummary | undefined,
  runs: readonly RunSummary[],
): Promise<ChartImage | undefined> {
  if (!deps.charts) return undefined;
  const about = run ?? answer.run;
  if (!about) return undefined;
  try {
    if (answer.intent === 'chart' && answer.chart) {
      const previous = runs[runs.findIndex((candidate) => candidate.id === about.id) + 1];
      return await deps.charts.imageFor(team, { kind: answer.chart.kind, run: about, previous });
    }
    if ((answer.intent === 'show' || answer.intent === 'share') && answer.run) {
      return await deps.charts.imageFor(team, { kind: 'sizes', run: answer.run });
    }
    if (answer.intent === 'compare' && answer.comparison) {
      const from = runs.find((candidate) => candidate.id === answer.comparison?.fromRunId);
      if (from) return await deps.charts.imageFor(team, { kind: 'compare', run: about, previous: from });
    }
  } catch {
    // A chart is a bonus: the answer is complete without it.
  }
  return undefined;
}
