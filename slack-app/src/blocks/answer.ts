/**
 * Block Kit for an answer of core's answer engine, one renderer per answer kind. Every answer has
 * the same shape: a header line with the answer, key numbers as fields, at most one short section,
 * a context line with the run's name and date (never its id), and at most three buttons. The
 * plain-text `text` (notifications, screen readers) is the engine's complete answer.
 */

import {
  type Answer,
  type ConversationTranslator,
  createConversationTranslator,
  type RunSummary,
  type Segment,
} from '@segments/core';
import type { types } from '@slack/bolt';
import { ACTION_SHARE_RUN, encodeButtonValue } from './actions';
import { clipSlackText, escapeSlackText, limitSlackText } from './escape';
import {
  answerButtons,
  contextBlock,
  fieldsBlock,
  formatDate,
  formatShare,
  headerBlock,
  imageBlock,
  LIMITS,
  langOf,
  runContext,
  sectionBlock,
  tableBlock,
} from './kit';
import { type ImageRef, keyTraits, plainFeature, renderRunSummary, sourceName } from './run-summary';

type KnownBlock = types.KnownBlock;

/** A message ready for chat.postMessage / respond: blocks plus the plain-text fallback. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** What a renderer may use besides the answer: the run it is about, and a chart of it. */
export interface RenderExtras {
  run?: RunSummary;
  chart?: ImageRef;
}

const MAX_RUNS_LISTED = 10;

/** An average as answers show it: whole from 100 on, else one decimal, in the answer's language. */
function mean(value: number, t: ConversationTranslator): string {
  return Math.abs(value) >= 100 ? t.count(value) : t.number(value);
}

/** A level word (high, low, average) in the answer's language; anything else as it is. */
function levelWord(level: string, t: ConversationTranslator): string {
  return level === 'high' || level === 'low' || level === 'average' ? t.m.level(level) : level;
}

/** "Impulse Buyers (segment 3)": the number is the one shown in run summaries. */
function label(segment: { index: number; name: string }, t: ConversationTranslator): string {
  return t.m.segmentLabel(segment.name, segment.index + 1);
}

/** The context line of an answer about a run. */
function contextOf(
  answer: Answer,
  run: RunSummary | undefined,
  t: ConversationTranslator,
): KnownBlock | undefined {
  if (!answer.runName) return undefined;
  return runContext(
    {
      name: answer.runName,
      createdAt: answer.runCreatedAt ?? run?.createdAt,
      customers: run ? run.segments.reduce((sum, segment) => sum + segment.size, 0) : undefined,
      source: run ? sourceName(run) : undefined,
    },
    t,
  );
}

/** Share of total spending (size × average spending), when the run has a spending column. */
function valueShare(run: RunSummary, segment: Segment): number | undefined {
  const spending = run.features.find((feature) => feature.role === 'spending' && feature.kind === 'numeric');
  if (!spending) return undefined;
  const spentBy = (candidate: Segment) => {
    const entry = candidate.profile.find((item) => item.feature === spending.name);
    return entry?.kind === 'numeric' ? entry.mean * candidate.size : 0;
  };
  const total = run.segments.reduce((sum, candidate) => sum + spentBy(candidate), 0);
  return total > 0 ? spentBy(segment) / total : undefined;
}

/** Size, share, value share, targeting rank and key traits of one segment, as fields. */
function segmentFields(
  run: RunSummary | undefined,
  answer: Answer,
  t: ConversationTranslator,
): KnownBlock | undefined {
  const segment = run && answer.segment ? run.segments[answer.segment.index] : undefined;
  if (!segment || !run) {
    if (answer.size === undefined || answer.share === undefined) return undefined;
    return fieldsBlock([
      [t.m.slackSize(), t.m.slackCustomers(t.count(answer.size))],
      [t.m.slackShare(), formatShare(answer.share, t)],
    ]);
  }
  const pairs: [string, string][] = [
    [t.m.slackSize(), t.m.slackCustomers(t.count(segment.size))],
    [t.m.slackShare(), formatShare(segment.share, t)],
  ];
  const value = valueShare(run, segment);
  if (value !== undefined) pairs.push([t.m.slackShareOfSpending(), formatShare(value, t)]);
  pairs.push([
    t.m.slackTargetRank(),
    t.m.slackRankOf(t.m.ordinal(segment.persona.priority), run.segments.length),
  ]);
  pairs.push([t.m.slackKeyTraits(), keyTraits(segment, 3, t)]);
  return fieldsBlock(pairs);
}

function buttonsFor(
  answer: Answer,
  t: ConversationTranslator,
  options: { details?: boolean; share?: boolean } = {},
) {
  if (!answer.runId) return undefined;
  return answerButtons(
    {
      runId: answer.runId,
      spreadsheetId: answer.spreadsheetId,
      segmentIndex: answer.segment?.index,
      ...options,
    },
    t,
  );
}

function compact(blocks: (KnownBlock | undefined)[]): KnownBlock[] {
  return blocks.filter((block): block is KnownBlock => block !== undefined);
}

/** size, target, strategy about one segment: header, fields, the strategy, context, buttons. */
function renderSegmentAnswer(
  answer: Answer,
  run: RunSummary | undefined,
  headline: string,
  t: ConversationTranslator,
): KnownBlock[] {
  const segment = run && answer.segment ? run.segments[answer.segment.index] : undefined;
  const strategy = answer.strategy ?? segment?.persona.strategy;
  const runnerUp = answer.runnerUp ? t.m.slackRunnerUp(escapeSlackText(label(answer.runnerUp, t))) : '';
  return compact([
    headerBlock(headline),
    segmentFields(run, answer, t),
    strategy ? sectionBlock(`${t.m.slackStrategy(escapeSlackText(strategy))}${runnerUp}`) : undefined,
    contextOf(answer, run, t),
    buttonsFor(answer, t, { details: answer.intent !== 'strategy' }),
  ]);
}

/** A whole run's segments with sizes (size or strategy without a segment). */
function renderOverview(
  answer: Answer,
  run: RunSummary | undefined,
  headline: string,
  t: ConversationTranslator,
): KnownBlock[] {
  if (!run) return renderPlain(answer, t, headline);
  const rows = [
    ['#', t.m.slackSegment(), t.m.slackCustomersColumn(), t.m.slackShare()],
    ...run.segments.map((segment) => [
      String(segment.index + 1),
      segment.persona.name,
      t.count(segment.size),
      formatShare(segment.share, t),
    ]),
  ];
  const strategies =
    answer.intent === 'strategy'
      ? sectionBlock(
          [...run.segments]
            .sort((a, b) => a.persona.priority - b.persona.priority || a.index - b.index)
            .map(
              (segment) =>
                `*${segment.index + 1} · ${escapeSlackText(segment.persona.name)}*: ${escapeSlackText(segment.persona.strategy)}`,
            )
            .join('\n'),
        )
      : undefined;
  return compact([
    headerBlock(headline),
    tableBlock(rows),
    strategies,
    contextOf(answer, run, t),
    buttonsFor(answer, t),
  ]);
}

function renderFact(answer: Answer, run: RunSummary | undefined, t: ConversationTranslator): KnownBlock[] {
  const fact = answer.fact;
  if (!fact)
    return renderPlain(answer, t, answer.segment ? label(answer.segment, t) : t.m.slackAverageFallback());
  const feature = plainFeature(fact.feature);
  const all = fact.populationMean === undefined ? undefined : mean(fact.populationMean, t);
  if (fact.values.length === 1 && answer.segment) {
    const value = fact.values[0];
    return compact([
      headerBlock(t.m.slackAverageOf(value.name, feature, mean(value.mean, t))),
      fieldsBlock([
        [t.m.slackAverage(feature), mean(value.mean, t)],
        ...(all === undefined ? [] : [[t.m.sheetAllCustomers(), all] as [string, string]]),
        ...(value.level ? [[t.m.slackLevel(), levelWord(value.level, t)] as [string, string]] : []),
        ...(answer.size !== undefined && answer.share !== undefined
          ? [
              [
                t.m.slackSize(),
                t.m.slackSizeWithShare(t.count(answer.size), formatShare(answer.share, t)),
              ] as [string, string],
            ]
          : []),
      ]),
      contextOf(answer, run, t),
      buttonsFor(answer, t),
    ]);
  }
  const rows = [
    ['#', t.m.slackSegment(), t.m.slackAverage(feature)],
    ...fact.values.map((value) => [String(value.index + 1), value.name, mean(value.mean, t)]),
  ];
  if (all !== undefined) rows.push(['', t.m.sheetAllCustomers(), all]);
  return compact([
    headerBlock(t.m.slackAverageBySegment(feature)),
    tableBlock(rows),
    contextOf(answer, run, t),
    buttonsFor(answer, t),
  ]);
}

function sizeCell(side: { size: number; share: number } | null, t: ConversationTranslator): string {
  return side ? `${t.count(side.size)} (${formatShare(side.share, t)})` : '—';
}

function renderCompare(
  answer: Answer,
  run: RunSummary | undefined,
  t: ConversationTranslator,
  chart?: ImageRef,
): KnownBlock[] {
  const pair = answer.segmentComparison?.segments;
  if (pair) {
    const [a, b] = pair;
    const rows = [
      ['', `${a.index + 1} · ${a.name}`, `${b.index + 1} · ${b.name}`],
      [t.m.slackCustomersColumn(), sizeCell(a, t), sizeCell(b, t)],
      ...a.means.flatMap((entry) => {
        const other = b.means.find((candidate) => candidate.feature === entry.feature);
        return other ? [[plainFeature(entry.feature), mean(entry.mean, t), mean(other.mean, t)]] : [];
      }),
    ];
    return compact([
      headerBlock(t.m.slackVersus(a.name, b.name)),
      tableBlock(rows),
      contextOf(answer, run, t),
      buttonsFor(answer, t),
    ]);
  }
  const changes = answer.comparison?.changes ?? [];
  if (!changes.length) return renderPlain(answer, t, t.m.slackNothingToCompare());
  const rows = [
    t.m.slackCompareColumns(),
    ...changes.map((change) => [
      change.name,
      sizeCell(change.before, t),
      sizeCell(change.after, t),
      change.before && change.after
        ? `${change.after.size - change.before.size >= 0 ? '+' : '−'}${t.count(Math.abs(change.after.size - change.before.size))}`
        : change.after
          ? t.m.slackNew()
          : t.m.slackGone(),
    ]),
  ];
  // Run names may hold colons ("… 2026-12-02 06:31"): the header is built, not cut from the text.
  const headline = t.m.slackChangedUpTo(answer.runName);
  return compact([
    headerBlock(headline),
    chart ? imageBlock(chart) : undefined,
    tableBlock(rows),
    contextOf(answer, run, t),
    buttonsFor(answer, t, { details: false }),
  ]);
}

function renderList(answer: Answer, t: ConversationTranslator): KnownBlock[] {
  const runs = answer.runs ?? [];
  const blocks: KnownBlock[] = [
    // The engine's first sentence ("There are 3 runs, newest first", "50 most recent of 61 runs, …").
    headerBlock(answer.text.split(/[:\n]/)[0]?.trim() || t.m.slackRunsNewestFirst(runs.length)),
  ];
  for (const run of runs.slice(0, MAX_RUNS_LISTED)) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clipSlackText(
          // The id only here: it is what `/segments delete <run id>` takes.
          `*${escapeSlackText(run.name)}*\n${t.m.slackRunLine(formatDate(run.createdAt, t), t.count(run.rowCount), run.k, `\`${escapeSlackText(run.id)}\``)}`,
          LIMITS.text,
        ),
      },
      accessory: {
        type: 'button',
        action_id: ACTION_SHARE_RUN,
        text: { type: 'plain_text', text: t.m.slackShareButton() },
        value: encodeButtonValue({ runId: run.id, ...langOf(t) }),
      },
    });
  }
  if (runs.length > MAX_RUNS_LISTED)
    blocks.push(contextBlock(t.m.slackOlderRuns(runs.length - MAX_RUNS_LISTED)));
  return blocks;
}

function renderHelp(answer: Answer, t: ConversationTranslator): KnownBlock[] {
  const examples = (answer.examples ?? []).slice(0, 5);
  const first = answer.intent === 'unknown' ? t.m.slackHelpUnknown() : t.m.slackHelpHeader();
  return compact([
    headerBlock(first),
    sectionBlock(examples.map((example) => `• ${escapeSlackText(example)}`).join('\n')),
    contextBlock(t.m.slackHelpHow()),
  ]);
}

function renderPrediction(answer: Answer, t: ConversationTranslator): KnownBlock[] {
  const prediction = answer.prediction;
  const blocks: KnownBlock[] = [sectionBlock(limitSlackText(answer.text, LIMITS.text))];
  if (!prediction?.segments.length) return blocks;
  const asked = prediction.segmentLabel;
  const lines = prediction.segments.map((segment) => {
    const name = escapeSlackText(segment.name);
    return `• ${segment.label === asked ? `*${name}*` : name}: ${t.count(segment.size)} (${formatShare(segment.share, t)})`;
  });
  blocks.push(
    sectionBlock(lines.join('\n')),
    contextBlock(
      t.m.slackPrediction(
        escapeSlackText(prediction.runName),
        escapeSlackText(prediction.modelName),
        t.count(prediction.rowCount),
      ),
    ),
  );
  return blocks;
}

/** An answer that is one paragraph (connect, unsupported, not found, no runs yet). */
function renderPlain(answer: Answer, t: ConversationTranslator, headline?: string): KnownBlock[] {
  return compact([
    headline ? headerBlock(headline) : undefined,
    sectionBlock(limitSlackText(answer.text, LIMITS.text)),
    contextOf(answer, undefined, t),
  ]);
}

/** Overviews (every segment of a run) open with "Run …" / "Strategies in run …" in either language. */
const SIZE_OVERVIEW = /^Run /;
const STRATEGY_OVERVIEW = /^(Strategies|Strategi di run) /;

function blocksFor(answer: Answer, extras: RenderExtras): KnownBlock[] {
  // Everything the blocks say is in the answer's language (the engine's text already is).
  const t = createConversationTranslator(answer.lang ?? 'en');
  const run = extras.run && extras.run.id === answer.runId ? extras.run : undefined;
  if (answer.prediction) return renderPrediction(answer, t);
  const segment = answer.segment;
  switch (answer.intent) {
    case 'help':
    case 'unknown':
      return answer.examples ? renderHelp(answer, t) : renderPlain(answer, t);
    case 'list':
      return answer.runs ? renderList(answer, t) : renderPlain(answer, t);
    case 'show':
    case 'share':
      return answer.run ? renderRunSummary(answer.run, { chart: extras.chart, t }) : renderPlain(answer, t);
    case 'size':
      if (!segment || answer.size === undefined) {
        return run && SIZE_OVERVIEW.test(answer.text)
          ? renderOverview(
              answer,
              run,
              t.m.slackSegmentsIn(run.segments.length, answer.runName ?? run.name),
              t,
            )
          : renderPlain(answer, t);
      }
      return renderSegmentAnswer(
        answer,
        run,
        t.m.slackSizeHeader(segment.name, t.count(answer.size), formatShare(answer.share ?? 0, t)),
        t,
      );
    case 'target':
      return segment
        ? renderSegmentAnswer(
            answer,
            run,
            answer.goal
              ? t.m.slackTargetFor(t.lang === 'en' ? answer.goal : t.m.goal(answer.goal), segment.name)
              : t.m.slackTargetFirstHeader(segment.name),
            t,
          )
        : renderPlain(answer, t);
    case 'strategy':
      if (!segment) {
        return run && STRATEGY_OVERVIEW.test(answer.text)
          ? renderOverview(answer, run, t.m.slackStrategiesIn(answer.runName ?? run.name), t)
          : renderPlain(answer, t);
      }
      return renderSegmentAnswer(answer, run, t.m.slackStrategyFor(label(segment, t)), t);
    case 'fact':
      return renderFact(answer, run, t);
    case 'compare':
      return renderCompare(answer, run, t, extras.chart);
    case 'chart':
      return compact([
        headerBlock(`${t.m.slackChartTitle(answer.chart?.kind ?? 'sizes')} · ${answer.runName ?? ''}`),
        extras.chart ? imageBlock(extras.chart) : sectionBlock(limitSlackText(answer.text, LIMITS.text)),
        contextOf(answer, run, t),
        buttonsFor(answer, t),
      ]);
    case 'risk':
    case 'revenue':
      // RFM answers: the first sentence as the header, the rest as one section.
      return compact([
        headerBlock(answer.text.split(/(?<=[.:])\s|\n/)[0] ?? answer.runName ?? t.m.slackAnswer()),
        sectionBlock(limitSlackText(answer.text, LIMITS.text)),
        contextOf(answer, run, t),
        buttonsFor(answer, t),
      ]);
    case 'connect':
    case 'unsupported':
      return renderPlain(answer, t);
    default: {
      const never: never = answer.intent;
      return renderPlain({ ...answer, intent: never }, t);
    }
  }
}

/**
 * Renders an answer as a Slack message. Everything user-supplied is escaped, so names such as
 * `<!channel>` show as text.
 * @example const { text, blocks } = renderAnswer(answerQuestion('how big is VIP?', context), { run })
 */
export function renderAnswer(answer: Answer, extras: RenderExtras = {}): SlackMessage {
  const blocks = blocksFor(answer, extras).slice(0, LIMITS.blocks);
  return { text: limitSlackText(answer.text, 3000), blocks };
}
