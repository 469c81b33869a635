/**
 * Block Kit for an answer of core's answer engine: the answer text, then what the intent brings
 * (a run summary, the list of runs, a comparison, examples) and buttons to go on from there.
 */

import type { Answer } from '@segments/core';
import type { types } from '@slack/bolt';
import { ACTION_SHARE_RUN, encodeButtonValue } from './actions';
import { clipSlackText, escapeSlackText, limitSlackText } from './escape';
import { formatShare, renderRunSummary, runButtons, SECTION_TEXT_LIMIT, strategyButton } from './run-summary';

type KnownBlock = types.KnownBlock;

/** A message ready for chat.postMessage / respond: blocks plus the plain-text fallback. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Slack allows 50 blocks in a message. */
const MAX_BLOCKS = 50;
const MAX_RUNS_LISTED = 10;

function sizeText(size: { size: number; share: number } | null): string {
  return size ? `${size.size} (${formatShare(size.share)})` : '—';
}

/**
 * Renders an answer as a Slack message. Everything user-supplied is escaped, so names such as
 * `<!channel>` show as text.
 * @example const { text, blocks } = renderAnswer(answerQuestion('how big is VIP?', context))
 */
export function renderAnswer(answer: Answer): SlackMessage {
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: limitSlackText(answer.text, SECTION_TEXT_LIMIT) } },
  ];

  if (answer.run && (answer.intent === 'show' || answer.intent === 'share')) {
    blocks.push({ type: 'divider' });
    for (const block of renderRunSummary(answer.run)) blocks.push(block);
  }

  if (answer.runs && answer.runs.length > 0) {
    for (const run of answer.runs.slice(0, MAX_RUNS_LISTED)) {
      blocks.push({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: clipSlackText(
            `*${escapeSlackText(run.name)}*\n${run.rowCount} customers · ${run.k} segments · ${escapeSlackText(run.createdAt.slice(0, 10))} · run \`${escapeSlackText(run.id)}\``,
            SECTION_TEXT_LIMIT,
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
    if (answer.runs.length > MAX_RUNS_LISTED) {
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `…and ${answer.runs.length - MAX_RUNS_LISTED} older runs.` }],
      });
    }
  }

  if (answer.comparison && answer.comparison.changes.length > 0) {
    const lines = answer.comparison.changes.map(
      (change) =>
        `• *${escapeSlackText(change.name)}*: ${sizeText(change.before)} → ${sizeText(change.after)}`,
    );
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clipSlackText(lines.join('\n'), SECTION_TEXT_LIMIT) },
    });
  }

  if (answer.prediction && answer.prediction.segments.length > 0) {
    // Predicted segments, largest first; the one asked about in bold.
    const asked = answer.prediction.segmentLabel;
    const lines = answer.prediction.segments.map((segment) => {
      const name = escapeSlackText(segment.name);
      return `• ${segment.label === asked ? `*${name}*` : name}: ${segment.size} (${formatShare(segment.share)})`;
    });
    blocks.push(
      {
        type: 'section',
        text: { type: 'mrkdwn', text: clipSlackText(lines.join('\n'), SECTION_TEXT_LIMIT) },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: clipSlackText(
              `Prediction run *${escapeSlackText(answer.prediction.runName)}* · model ${escapeSlackText(answer.prediction.modelName)} · ${answer.prediction.rowCount} new customers`,
              SECTION_TEXT_LIMIT,
            ),
          },
        ],
      },
    );
  }

  if (answer.examples && answer.examples.length > 0) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: clipSlackText(
            `Try: ${answer.examples.map((example) => `“${escapeSlackText(example)}”`).join(' · ')}`,
            SECTION_TEXT_LIMIT,
          ),
        },
      ],
    });
  }

  const showsRunButtons = answer.run && (answer.intent === 'show' || answer.intent === 'share');
  if (answer.runId && !showsRunButtons && answer.intent !== 'list') {
    const buttons = runButtons(answer.runId);
    if (answer.segment && answer.intent !== 'strategy')
      buttons.push(strategyButton(answer.runId, answer.segment.index));
    blocks.push({ type: 'actions', elements: buttons });
  }

  return { text: limitSlackText(answer.text, 3000), blocks: blocks.slice(0, MAX_BLOCKS) };
}
