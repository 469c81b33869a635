/**
 * Block Kit for an answer of core's answer engine, one renderer per answer kind. Every answer has
 * the same shape: a header line with the answer, key numbers as fields, at most one short section,
 * a context line with the run's name and date (never its id), and at most three buttons. The
 * plain-text `text` (notifications, screen readers) is the engine's complete answer.
 */

import type { Answer, ChartKind, RunSummary, Segment } from '@segments/core';
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

/** Chart headers, by kind. */
const CHART_TITLES: Record<ChartKind, string> = {
  sizes: 'Segment sizes',
  features: 'Segments by their two main features',
  'choose-k': 'How k was chosen',
  compare: 'What changed since the previous run',
};

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function mean(value: number): string {
  return Math.abs(value) >= 100 ? count(Math.round(value)) : String(Math.round(value * 10) / 10);
}

function ordinal(rank: number): string {
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
  return `${rank}${suffix}`;
}

/** "Impulse Buyers (segment 3)": the number is the one shown in run summaries. */
function label(segment: { index: number; name: string }): string {
  return `${segment.name} (segment ${segment.index + 1})`;
}

/** The context line of an answer about a run. */
function contextOf(answer: Answer, run: RunSummary | undefined): KnownBlock | undefined {
  if (!answer.runName) return undefined;
  return runContext({
    name: answer.runName,
    createdAt: answer.runCreatedAt ?? run?.createdAt,
    customers: run ? run.segments.reduce((sum, segment) => sum + segment.size, 0) : undefined,
    source: run ? sourceName(run) : undefined,
  });
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
function segmentFields(run: RunSummary | undefined, answer: Answer): KnownBlock | undefined {
  const segment = run && answer.segment ? run.segments[answer.segment.index] : undefined;
  if (!segment || !run) {
    if (answer.size === undefined || answer.share === undefined) return undefined;
    return fieldsBlock([
      ['Size', `${count(answer.size)} customers`],
      ['Share', formatShare(answer.share)],
    ]);
  }
  const pairs: [string, string][] = [
    ['Size', `${count(segment.size)} customers`],
    ['Share', formatShare(segment.share)],
  ];
  const value = valueShare(run, segment);
  if (value !== undefined) pairs.push(['Share of spending', formatShare(value)]);
  pairs.push(['Target rank', `${ordinal(segment.persona.priority)} of ${run.segments.length}`]);
  pairs.push(['Key traits', keyTraits(segment, 3)]);
  return fieldsBlock(pairs);
}

function buttonsFor(answer: Answer, options: { details?: boolean; share?: boolean } = {}) {
  if (!answer.runId) return undefined;
  return answerButtons({
    runId: answer.runId,
    spreadsheetId: answer.spreadsheetId,
    segmentIndex: answer.segment?.index,
    ...options,
  });
}

function compact(blocks: (KnownBlock | undefined)[]): KnownBlock[] {
  return blocks.filter((block): block is KnownBlock => block !== undefined);
}

/** size, target, strategy about one segment: header, fields, the strategy, context, buttons. */
function renderSegmentAnswer(answer: Answer, run: RunSummary | undefined, headline: string): KnownBlock[] {
  const segment = run && answer.segment ? run.segments[answer.segment.index] : undefined;
  const strategy = answer.strategy ?? segment?.persona.strategy;
  const runnerUp = answer.runnerUp ? ` Runner-up: ${escapeSlackText(label(answer.runnerUp))}.` : '';
  return compact([
    headerBlock(headline),
    segmentFields(run, answer),
    strategy ? sectionBlock(`*Strategy:* ${escapeSlackText(strategy)}${runnerUp}`) : undefined,
    contextOf(answer, run),
    buttonsFor(answer, { details: answer.intent !== 'strategy' }),
  ]);
}

/** A whole run's segments with sizes (size or strategy without a segment). */
function renderOverview(answer: Answer, run: RunSummary | undefined, headline: string): KnownBlock[] {
  if (!run) return renderPlain(answer, headline);
  const rows = [
    ['#', 'Segment', 'Customers', 'Share'],
    ...run.segments.map((segment) => [
      String(segment.index + 1),
      segment.persona.name,
      count(segment.size),
      formatShare(segment.share),
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
    contextOf(answer, run),
    buttonsFor(answer),
  ]);
}

function renderFact(answer: Answer, run: RunSummary | undefined): KnownBlock[] {
  const fact = answer.fact;
  if (!fact) return renderPlain(answer, answer.segment ? label(answer.segment) : 'Average');
  const feature = plainFeature(fact.feature);
  const all = fact.populationMean === undefined ? undefined : mean(fact.populationMean);
  if (fact.values.length === 1 && answer.segment) {
    const value = fact.values[0];
    return compact([
      headerBlock(`${value.name}: average ${feature} ${mean(value.mean)}`),
      fieldsBlock([
        [`Average ${feature}`, mean(value.mean)],
        ...(all === undefined ? [] : [[`All customers`, all] as [string, string]]),
        ...(value.level ? [['Level', value.level] as [string, string]] : []),
        ...(answer.size !== undefined && answer.share !== undefined
          ? [['Size', `${count(answer.size)} customers (${formatShare(answer.share)})`] as [string, string]]
          : []),
      ]),
      contextOf(answer, run),
      buttonsFor(answer),
    ]);
  }
  const rows = [
    ['#', 'Segment', `Average ${feature}`],
    ...fact.values.map((value) => [String(value.index + 1), value.name, mean(value.mean)]),
  ];
  if (all !== undefined) rows.push(['', 'All customers', all]);
  return compact([
    headerBlock(`Average ${feature} by segment`),
    tableBlock(rows),
    contextOf(answer, run),
    buttonsFor(answer),
  ]);
}

function sizeCell(side: { size: number; share: number } | null): string {
  return side ? `${count(side.size)} (${formatShare(side.share)})` : '—';
}

function renderCompare(answer: Answer, run: RunSummary | undefined, chart?: ImageRef): KnownBlock[] {
  const pair = answer.segmentComparison?.segments;
  if (pair) {
    const [a, b] = pair;
    const rows = [
      ['', `${a.index + 1} · ${a.name}`, `${b.index + 1} · ${b.name}`],
      ['Customers', sizeCell(a), sizeCell(b)],
      ...a.means.flatMap((entry) => {
        const other = b.means.find((candidate) => candidate.feature === entry.feature);
        return other ? [[plainFeature(entry.feature), mean(entry.mean), mean(other.mean)]] : [];
      }),
    ];
    return compact([
      headerBlock(`${a.name} vs ${b.name}`),
      tableBlock(rows),
      contextOf(answer, run),
      buttonsFor(answer),
    ]);
  }
  const changes = answer.comparison?.changes ?? [];
  if (!changes.length) return renderPlain(answer, 'Nothing to compare yet');
  const rows = [
    ['Segment', 'Before', 'Now', 'Change'],
    ...changes.map((change) => [
      change.name,
      sizeCell(change.before),
      sizeCell(change.after),
      change.before && change.after
        ? `${change.after.size - change.before.size >= 0 ? '+' : '−'}${count(Math.abs(change.after.size - change.before.size))}`
        : change.after
          ? 'new'
          : 'gone',
    ]),
  ];
  // Run names may hold colons ("… 2026-12-02 06:31"): the header is built, not cut from the text.
  const headline = `What changed up to ${answer.runName ?? 'the latest run'}`;
  return compact([
    headerBlock(headline),
    chart ? imageBlock(chart) : undefined,
    tableBlock(rows),
    contextOf(answer, run),
    buttonsFor(answer, { details: false }),
  ]);
}

function renderList(answer: Answer): KnownBlock[] {
  const runs = answer.runs ?? [];
  const blocks: KnownBlock[] = [
    // The engine's first sentence ("There are 3 runs, newest first", "50 most recent of 61 runs, …").
    headerBlock(answer.text.split(/[:\n]/)[0]?.trim() || `${runs.length} runs, newest first`),
  ];
  for (const run of runs.slice(0, MAX_RUNS_LISTED)) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clipSlackText(
          // The id only here: it is what `/segments delete <run id>` takes.
          `*${escapeSlackText(run.name)}*\n${formatDate(run.createdAt)} · ${count(run.rowCount)} customers · ${run.k} segments · id \`${escapeSlackText(run.id)}\``,
          LIMITS.text,
        ),
      },
      accessory: {
        type: 'button',
        action_id: ACTION_SHARE_RUN,
        text: { type: 'plain_text', text: 'Share in channel' },
        value: encodeButtonValue({ runId: run.id }),
      },
    });
  }
  if (runs.length > MAX_RUNS_LISTED)
    blocks.push(contextBlock(`…and ${runs.length - MAX_RUNS_LISTED} older runs.`));
  return blocks;
}

function renderHelp(answer: Answer): KnownBlock[] {
  const examples = (answer.examples ?? []).slice(0, 5);
  const first = answer.intent === 'unknown' ? 'Sorry, I did not get that' : 'Ask me about your segments';
  return compact([
    headerBlock(first),
    sectionBlock(examples.map((example) => `• ${escapeSlackText(example)}`).join('\n')),
    contextBlock('Ask with `/segments <question>`, by mentioning me, or in a direct message.'),
  ]);
}

function renderPrediction(answer: Answer): KnownBlock[] {
  const prediction = answer.prediction;
  const blocks: KnownBlock[] = [sectionBlock(limitSlackText(answer.text, LIMITS.text))];
  if (!prediction?.segments.length) return blocks;
  const asked = prediction.segmentLabel;
  const lines = prediction.segments.map((segment) => {
    const name = escapeSlackText(segment.name);
    return `• ${segment.label === asked ? `*${name}*` : name}: ${count(segment.size)} (${formatShare(segment.share)})`;
  });
  blocks.push(
    sectionBlock(lines.join('\n')),
    contextBlock(
      `Prediction run *${escapeSlackText(prediction.runName)}* · model ${escapeSlackText(prediction.modelName)} · ${count(prediction.rowCount)} new customers`,
    ),
  );
  return blocks;
}

/** An answer that is one paragraph (connect, unsupported, not found, no runs yet). */
function renderPlain(answer: Answer, headline?: string): KnownBlock[] {
  return compact([
    headline ? headerBlock(headline) : undefined,
    sectionBlock(limitSlackText(answer.text, LIMITS.text)),
    contextOf(answer, undefined),
  ]);
}

function blocksFor(answer: Answer, extras: RenderExtras): KnownBlock[] {
  const run = extras.run && extras.run.id === answer.runId ? extras.run : undefined;
  if (answer.prediction) return renderPrediction(answer);
  const segment = answer.segment;
  switch (answer.intent) {
    case 'help':
    case 'unknown':
      return answer.examples ? renderHelp(answer) : renderPlain(answer);
    case 'list':
      return answer.runs ? renderList(answer) : renderPlain(answer);
    case 'show':
    case 'share':
      return answer.run ? renderRunSummary(answer.run, { chart: extras.chart }) : renderPlain(answer);
    case 'size':
      if (!segment || answer.size === undefined) {
        return run && answer.text.startsWith('Run ')
          ? renderOverview(answer, run, `${run.segments.length} segments in ${answer.runName}`)
          : renderPlain(answer);
      }
      return renderSegmentAnswer(
        answer,
        run,
        `${segment.name}: ${count(answer.size)} customers (${formatShare(answer.share ?? 0)})`,
      );
    case 'target':
      return segment
        ? renderSegmentAnswer(
            answer,
            run,
            answer.goal ? `For ${answer.goal}: target ${segment.name}` : `Target ${segment.name} first`,
          )
        : renderPlain(answer);
    case 'strategy':
      if (!segment) {
        return run && answer.text.startsWith('Strategies')
          ? renderOverview(answer, run, `Strategies in ${answer.runName}, in targeting order`)
          : renderPlain(answer);
      }
      return renderSegmentAnswer(answer, run, `Strategy for ${label(segment)}`);
    case 'fact':
      return renderFact(answer, run);
    case 'compare':
      return renderCompare(answer, run, extras.chart);
    case 'chart':
      return compact([
        headerBlock(`${CHART_TITLES[answer.chart?.kind ?? 'sizes']} · ${answer.runName ?? ''}`),
        extras.chart ? imageBlock(extras.chart) : sectionBlock(limitSlackText(answer.text, LIMITS.text)),
        contextOf(answer, run),
        buttonsFor(answer),
      ]);
    case 'risk':
    case 'revenue':
      // RFM answers: the first sentence as the header, the rest as one section.
      return compact([
        headerBlock(answer.text.split(/(?<=[.:])\s|\n/)[0] ?? answer.runName ?? 'Answer'),
        sectionBlock(limitSlackText(answer.text, LIMITS.text)),
        contextOf(answer, run),
        buttonsFor(answer),
      ]);
    case 'connect':
    case 'unsupported':
      return renderPlain(answer);
    default: {
      const never: never = answer.intent;
      return renderPlain({ ...answer, intent: never });
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
