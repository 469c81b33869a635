import { createConversationTranslator, localizeRun } from '@segments/core';
import { escapeSlackText } from '../../blocks/escape';
import { renderRunSummary } from '../../blocks/run-summary';
import { shareRunModal } from '../../blocks/share-modal';
import type { ListenerDeps } from '../deps';
import { respondAndRelease } from '../respond';
import { type ButtonArgs, buttonValue, replyPrivately, runNotFoundMessage, teamOf } from './reply';

/**
 * "Share in channel": posts the run summary in the channel of the message the button was in; from
 * the Home tab (no channel) it opens a modal to pick one.
 */
export function shareRun(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const value = buttonValue(args);
    const team = teamOf(args.body);
    if (!value || !team) return;
    const run = await deps.store.getRun(team, value.runId);
    if (!run) return replyPrivately(args, runNotFoundMessage());
    if (args.body.response_url) {
      // Shared in the language of the message the button was on.
      const t = createConversationTranslator(value.lang ?? 'en');
      await respondAndRelease(args.respond, {
        response_type: 'in_channel',
        replace_original: false,
        text: t.m.slackSharedBy(escapeSlackText(run.name), `<@${args.body.user.id}>`),
        blocks: renderRunSummary(localizeRun(run, t.lang), { t }),
      });
      return;
    }
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: shareRunModal(run) });
  };
}
