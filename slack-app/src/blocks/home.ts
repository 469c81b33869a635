/**
 * The App Home tab: the team's latest runs, each with its top segment and the run's buttons.
 */

import { createConversationTranslator, type Lang, type Run } from '@segments/core';
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
 * The Home tab view for a team's runs, newest first, in `lang` (the user's Slack language; default
 * English). Persona names and strategies stay as each run was named.
 * @example await client.views.publish({ user_id, view: renderHomeView(runs, 'id') })
 */
export function renderHomeView(runs: Run[], lang: Lang = 'en'): types.HomeView {
  const t = createConversationTranslator(lang);
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Customer Segments' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: t.m.slackHomeIntro(),
      },
    },
    { type: 'divider' },
  ];
  if (runs.length === 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: t.m.slackHomeNoRuns(),
      },
    });
  }
  for (const run of runs.slice(0, HOME_RUNS_SHOWN)) {
    const top = [...run.segments].sort((a, b) => a.persona.priority - b.persona.priority)[0];
    const lines = [`*${escapeSlackText(run.name)}*`, escapeSlackText(runFacts(run, t))];
    if (top) {
      lines.push(
        t.m.slackHomeTargetFirst(
          escapeSlackText(top.persona.name),
          t.count(top.size),
          formatShare(top.share, t),
          escapeSlackText(keyTraits(top, 3, t)),
        ),
      );
    }
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clipSlackText(lines.join('\n'), SECTION_TEXT_LIMIT) },
    });
    blocks.push({
      type: 'actions',
      elements: [...runButtons(run.id, t), ...(top ? [strategyButton(run.id, top.index, t)] : [])],
    });
    blocks.push({ type: 'divider' });
  }
  return { type: 'home', blocks };
}
