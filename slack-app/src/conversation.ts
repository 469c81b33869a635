/**
 * From a question typed in Slack to the message that answers it: loads the team's runs, asks core's
 * answer engine, and handles the two subcommands with side effects (connect issues a token; share
 * posts a run to the channel). Shared by the slash command, mentions, DMs and buttons.
 */
import {
  type Answer,
  type AnswerContext,
  detectLanguage,
  type Lang,
  localizeRun,
  type RunSummary,
} from '@segments/core';
import type { RunStore } from '@segments/store';
import { renderAnswer, type SlackMessage } from './blocks/answer';
import { escapeSlackText } from './blocks/escape';
import type { ChartDelivery, ChartImage } from './charts/delivery';
import type { UserLanguages } from './user-language';

/** Core's answer engine, as the app receives it (tests and benches pass the real one). */
export type AnswerQuestion = (question: string, context: AnswerContext) => Answer;

export interface ConversationDeps {
  store: RunStore;
  answerQuestion: AnswerQuestion;
  /** How charts reach Slack (signed links or uploads); without it answers stay text and tables. */
  charts?: ChartDelivery;
  /** Slack user ids that may manage tokens and runs besides the workspace's admins (SEGMENTS_ADMINS). */
  admins?: string[];
  /** Each user's Slack language (users.info), remembered for a while; see user-language.ts. */
  userLanguages?: UserLanguages;
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
 * Answers `question` for `team` with that team's runs and prediction runs (newest first), in
 * `language.lang` when given, else the question's language, else `language.defaultLang` (the asker's
 * Slack locale), else English.
 * @example await answerForTeam(deps, 'T1', 'how big is the VIP segment?')
 */
export async function answerForTeam(
  deps: ConversationDeps,
  team: string,
  question: string,
  runRef?: string,
  language: AnswerLanguage = {},
): Promise<Answer> {
  return (await answerWithRun(deps, team, question, runRef, language)).answer;
}

/** The answer's language: `lang` whatever the words (a button's), else `defaultLang` when the words do not say. */
export interface AnswerLanguage {
  lang?: Lang;
  defaultLang?: Lang;
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
  language: AnswerLanguage = {},
): Promise<{ answer: Answer; run?: RunSummary; runs: RunSummary[] }> {
  const { runs, predictions } = await deps.store.listRecent(team, {
    runs: RUNS_PER_ANSWER,
    predictions: PREDICTIONS_PER_ANSWER,
  });
  const answer = deps.answerQuestion(question, {
    runs,
    predictions,
    runRef,
    surface: 'slack',
    ...(language.lang ? { lang: language.lang } : {}),
    ...(language.defaultLang ? { defaultLang: language.defaultLang } : {}),
  });
  // The blocks show the run's personas and strategies in the answer's language, as its text does.
  const run = runs.find((candidate) => candidate.id === answer.runId);
  return { answer, run: run ? localizeRun(run, answer.lang ?? 'en') : undefined, runs };
}

function textMessage(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** Who may connect, revoke and delete, said once. */
export const ADMINS_ONLY_TEXT =
  'Only workspace admins and owners (or people listed in SEGMENTS_ADMINS) can connect, revoke tokens or delete runs. Ask one of them.';

/** A token label: what `/segments revoke <label>` names later. */
const LABEL_PATTERN = /^[\w.@:+-]{1,60}$/;

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : 'never';
}

/** Management subcommands: `connect [label]`, `tokens`, `revoke <label>`, `delete <run id>`. */
const MANAGEMENT = /^(connect|tokens|revoke|delete)(?:\s+(.*))?$/i;

async function managementReply(
  deps: ConversationDeps,
  request: { team: string; userId?: string; isAdmin?: () => Promise<boolean> },
  verb: string,
  argument: string,
): Promise<SlackMessage> {
  const { store } = deps;
  if (verb === 'tokens') {
    const tokens = await store.listApiTokens(request.team);
    if (tokens.length === 0)
      return textMessage(
        'This workspace has no API tokens. An admin can issue one with `/segments connect [label]`.',
      );
    const lines = tokens.map(
      (token) =>
        `• \`${escapeSlackText(token.label ?? '(no label)')}\` — created by ${token.createdBy ? `<@${escapeSlackText(token.createdBy)}>` : 'unknown'} on ${day(token.createdAt)}, last used ${day(token.lastUsedAt)}`,
    );
    return textMessage(
      [
        `This workspace has ${tokens.length === 1 ? '1 API token' : `${tokens.length} API tokens`}:`,
        ...lines,
      ].join('\n'),
    );
  }
  if (!(await request.isAdmin?.())) return textMessage(ADMINS_ONLY_TEXT);
  if (verb === 'connect') {
    const existing = new Set((await store.listApiTokens(request.team)).map((token) => token.label));
    let label = argument;
    if (label === '') {
      for (let n = existing.size + 1; ; n++) {
        label = `token-${n}`;
        if (!existing.has(label)) break;
      }
    } else if (!LABEL_PATTERN.test(label)) {
      return textMessage(
        'A token label is one word of up to 60 letters, digits or `. _ - @ : +`, e.g. `/segments connect sheets-marketing`.',
      );
    } else if (existing.has(label)) {
      return textMessage(
        `A token labelled \`${escapeSlackText(label)}\` exists already: pick another label, or revoke it first with \`/segments revoke ${escapeSlackText(label)}\`.`,
      );
    }
    const token = await store.createApiToken(request.team, label, request.userId);
    return connectReply(token, label);
  }
  if (argument === '') {
    return textMessage(
      verb === 'revoke'
        ? 'Usage: `/segments revoke <label>` — `/segments tokens` lists the labels.'
        : 'Usage: `/segments delete <run id>` — `/segments runs` lists the runs with their ids.',
    );
  }
  if (verb === 'revoke') {
    const revoked = await store.revokeApiTokens(request.team, argument);
    return textMessage(
      revoked === 0
        ? `No token of this workspace is labelled \`${escapeSlackText(argument)}\`; \`/segments tokens\` lists them.`
        : `Revoked ${revoked === 1 ? 'the token' : `${revoked} tokens`} labelled \`${escapeSlackText(argument)}\`: publishing with ${revoked === 1 ? 'it' : 'them'} now fails with 401.`,
    );
  }
  // "the latest run" and a run's name work as well as its id (a prediction run goes by its id).
  const latest = LATEST_RUN.test(argument);
  const target = latest
    ? (await store.listRuns(request.team, { limit: 1 }))[0]
    : await store.getRun(request.team, argument);
  if (latest && !target) return textMessage('This workspace has no runs to delete.');
  const id = target?.id ?? argument;
  const deleted = await store.deleteRun(request.team, id);
  const named = target && target.name !== id ? ` (${escapeSlackText(target.name)})` : '';
  return textMessage(
    deleted
      ? `Deleted run \`${escapeSlackText(id)}\`${named}.`
      : `This workspace has no run with id \`${escapeSlackText(argument)}\`; \`/segments runs\` lists them.`,
  );
}

/** "latest", "the last run", "most recent run"…: the newest run. */
const LATEST_RUN = /^(?:the\s+)?(?:latest|last|newest|most\s+recent)(?:\s+run)?$/i;

/**
 * When the list of runs is cut at the runs loaded per answer, says so: "50 most recent of 61 runs".
 * The engine only sees the runs it was given, so the total comes from the store.
 */
async function withRunTotal(deps: ConversationDeps, team: string, answer: Answer): Promise<Answer> {
  if (answer.intent !== 'list' || (answer.runs?.length ?? 0) < RUNS_PER_ANSWER) return answer;
  const total = await deps.store.countRuns(team);
  if (total <= RUNS_PER_ANSWER) return answer;
  const head = /^There are (\d+) runs, newest first:/;
  const text = head.test(answer.text)
    ? answer.text.replace(head, `${RUNS_PER_ANSWER} most recent of ${total} runs, newest first:`)
    : `${answer.text}\n(The ${RUNS_PER_ANSWER} most recent of ${total} runs.)`;
  return { ...answer, text };
}

function connectReply(token: string, label: string): SlackMessage {
  const text = [
    `Here is this workspace's API token \`${escapeSlackText(label)}\`. It is shown only this once (only its hash is stored), so copy it now and keep it secret (\`/segments revoke ${escapeSlackText(label)}\` revokes it):`,
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
  request: {
    team: string;
    text: string;
    surface: Surface;
    userId?: string;
    /** Whether the asker may connect, revoke and delete (see admins.ts); absent → may not. */
    isAdmin?: () => Promise<boolean>;
    /** The asker's Slack language, asked only when the question's words do not say (see user-language.ts). */
    userLang?: () => Promise<Lang>;
  },
): Promise<Reply> {
  const text = stripMentions(request.text);
  const management = MANAGEMENT.exec(text);
  if (management) {
    const verb = (management[1] ?? '').toLowerCase();
    if (verb === 'connect' && request.surface === 'mention') {
      return {
        message: textMessage(
          'To keep the token private, type `/segments connect` (only you see the reply) or send me `connect` in a DM.',
        ),
        visibility: 'ephemeral',
      };
    }
    return {
      message: await managementReply(deps, request, verb, (management[2] ?? '').trim()),
      visibility: 'ephemeral',
    };
  }
  const question = text === '' ? 'help' : text;
  // A question in Indonesian or English words is answered in that language; a short one ("VIP?",
  // "help") in the asker's Slack language, which costs a users.info call (remembered for a while).
  const defaultLang = detectLanguage(question) === undefined ? await request.userLang?.() : undefined;
  const found = await answerWithRun(deps, request.team, question, undefined, { defaultLang });
  const { run, runs } = found;
  const answer = await withRunTotal(deps, request.team, found.answer);
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
