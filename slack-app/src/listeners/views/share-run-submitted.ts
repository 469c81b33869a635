import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { decodeButtonValue } from '../../blocks/actions';
import { escapeSlackText } from '../../blocks/escape';
import { renderRunSummary } from '../../blocks/run-summary';
import { SHARE_CHANNEL_ACTION, SHARE_CHANNEL_BLOCK } from '../../blocks/share-modal';
import type { ListenerDeps } from '../deps';

/**
 * The share modal was submitted: posts the run in the picked channel, or keeps the modal open with
 * the reason when the app cannot post there.
 */
export function shareRunSubmitted(deps: ListenerDeps) {
  return async ({
    ack,
    body,
    view,
    client,
    logger,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const channel = view.state.values[SHARE_CHANNEL_BLOCK]?.[SHARE_CHANNEL_ACTION]?.selected_conversation;
    const value = decodeButtonValue(view.private_metadata);
    const team = body.team?.id ?? body.user.team_id;
    const run = value && team ? await deps.store.getRun(team, value.runId) : undefined;
    if (!channel || !run) {
      await ack({
        response_action: 'errors',
        errors: {
          [SHARE_CHANNEL_BLOCK]: run ? 'Pick a channel.' : 'That run is not in this workspace any more.',
        },
      });
      return;
    }
    try {
      await client.chat.postMessage({
        channel,
        text: `Segmentation run ${escapeSlackText(run.name)}, shared by <@${body.user.id}>`,
        blocks: renderRunSummary(run),
      });
    } catch (error) {
      logger.warn(`share to ${channel} failed: ${(error as Error).message}`);
      await ack({
        response_action: 'errors',
        errors: { [SHARE_CHANNEL_BLOCK]: 'I cannot post there. Invite me to that channel first.' },
      });
      return;
    }
    await ack();
  };
}
