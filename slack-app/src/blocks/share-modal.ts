/**
 * The modal that asks which channel to share a run in (the Home tab has no channel of its own).
 */

import type { RunSummary } from '@segments/core';
import type { types } from '@slack/bolt';
import { VIEW_SHARE_RUN } from './actions';
import { limitSlackText } from './escape';

export const SHARE_CHANNEL_BLOCK = 'share_channel';
export const SHARE_CHANNEL_ACTION = 'channel';

/**
 * A modal with a channel picker; the run id travels in private_metadata.
 * @example await client.views.open({ trigger_id, view: shareRunModal(run) })
 */
export function shareRunModal(run: Pick<RunSummary, 'id' | 'name'>): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_SHARE_RUN,
    private_metadata: JSON.stringify({ runId: run.id }),
    title: { type: 'plain_text', text: 'Share a run' },
    submit: { type: 'plain_text', text: 'Share' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `Share *${limitSlackText(run.name, 500)}* in a channel.` },
      },
      {
        type: 'input',
        block_id: SHARE_CHANNEL_BLOCK,
        label: { type: 'plain_text', text: 'Channel' },
        element: {
          type: 'conversations_select',
          action_id: SHARE_CHANNEL_ACTION,
          filter: { include: ['public', 'private'] },
        },
      },
    ],
  };
}
