import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { isWorkspaceAdmin } from '../../admins';
import { replyTo } from '../../conversation';
import type { ListenerDeps } from '../deps';

/** `@Customer Segments <question>` in a channel: answers in the message's thread. */
export function appMention(deps: ListenerDeps) {
  return async ({
    event,
    body,
    say,
    client,
  }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    const team = body.team_id ?? event.team;
    if (!team) return;
    const reply = await replyTo(deps, {
      team,
      text: event.text,
      surface: 'mention',
      userId: event.user,
      isAdmin: () => isWorkspaceAdmin(client, event.user, deps.admins),
    });
    await say({ ...reply.message, thread_ts: event.thread_ts ?? event.ts });
  };
}
