/**
 * The App Home tab: the team's latest runs, each with its top segment and the run's buttons.
 */

import type { Run } from '@segments/core';
import type { types } from '@slack/bolt';
import { clipSlackText, escapeSlackText } from './escape';
import {
  formatShare,
  keyTraits,
  runButtons,
  runFacts,
  SECTION_TEXT_LIMIT,
  strategyButton,
} from './run-summary';

/** Runs shown on the Home tab (3 blocks each; a view holds 100 blocks). */
export const HOME_RUNS_SHOWN = 10;

/**
 * The Home tab view for a team's runs, newest first.
 * @example await client.views.publish({ user_id, view: renderHomeView(runs) })
 */
export function renderHomeView(runs: Run[]): types.HomeView {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Customer Segments' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Ask about your segments with `/segments <question>`, by mentioning me, or in a DM — e.g. “which segment should we target?” or “how big is the VIP segment?”.',
      },
    },
    { type: 'divider' },
  ];
  if (runs.length === 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'No runs yet. Publish one from Google Sheets (Extensions › Customer Segments › Publish to Slack…) with a token from `/segments connect`, or POST one to the runs API.',
      },
    });
  }
  for (const run of runs.slice(0, HOME_RUNS_SHOWN)) {
    const top = [...run.segments].sort((a, b) => a.persona.priority - b.persona.priority)[0];
    const lines = [`*${escapeSlackText(run.name)}*`, escapeSlackText(runFacts(run))];
    if (top) {
      lines.push(
        `Target first: *${escapeSlackText(top.persona.name)}* — ${top.size} customers (${formatShare(top.share)}); ${escapeSlackText(keyTraits(top))}`,
      );
    }
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clipSlackText(lines.join('\n'), SECTION_TEXT_LIMIT) },
    });
    blocks.push({
      type: 'actions',
      elements: [...runButtons(run.id), ...(top ? [strategyButton(run.id, top.index)] : [])],
    });
    blocks.push({ type: 'divider' });
  }
  return { type: 'home', blocks };
}
