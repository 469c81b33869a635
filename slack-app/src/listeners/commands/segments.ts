import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isWorkspaceAdmin } from '../../admins';
import { replyTo } from '../../conversation';
import type { ListenerDeps } from '../deps';
import { postToResponseUrl } from '../respond';
import { isSheetSubcommand, sheetSubcommand } from './connect-sheet';
import { isScheduleSubcommand, scheduleSubcommand } from './schedules';

/**
 * `/segments <subcommand or question>`: acknowledges at once (Slack allows 3 s) — before any store
 * or answer work, which would delay the ack — then posts the answer to the command's response_url
 * (what `respond` does, on a keep-alive pool) — privately, except `share`, which posts the run in
 * the channel.
 */
export function segmentsCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    if (isSheetSubcommand(command.text)) return sheetSubcommand(deps, { command, ack, respond });
    if (isScheduleSubcommand(command.text)) return scheduleSubcommand(deps, { command, ack, respond });
    await ack();
    const reply = await replyTo(deps, {
      team: command.team_id,
      text: command.text ?? '',
      surface: 'command',
      userId: command.user_id,
      isAdmin: () => isWorkspaceAdmin(client, command.user_id, deps.admins),
    });
    await postToResponseUrl(command.response_url, { response_type: reply.visibility, ...reply.message });
  };
}
