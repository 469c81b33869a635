import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { isWorkspaceAdmin } from '../../admins';
import { replyTo } from '../../conversation';
import type { ListenerDeps } from '../deps';

/** A direct message to the app (`message.im`): answers in the message's thread. */
export function directMessage(deps: ListenerDeps) {
  return async ({ event, body, say, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    // Only people's new messages in a DM: edits, joins and bot posts (our own replies) carry a subtype or bot_id.
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    const team = body.team_id;
    if (!team || typeof event.text !== 'string') return;
    const reply = await replyTo(deps, {
      team,
      text: event.text,
      surface: 'dm',
      userId: event.user,
      isAdmin: () => isWorkspaceAdmin(client, event.user, deps.admins),
    });
    await say({ ...reply.message, thread_ts: event.thread_ts ?? event.ts });
  };
}
