import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { replyTo } from '../../conversation';
import type { ListenerDeps } from '../deps';
import { isSheetSubcommand, sheetSubcommand } from './connect-sheet';

/**
 * `/segments <subcommand or question>`: acknowledges at once (Slack allows 3 s), then answers through
 * `respond` — privately, except `share`, which posts the run in the channel.
 */
export function segmentsCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    if (isSheetSubcommand(command.text)) return sheetSubcommand(deps, { command, ack, respond });
    await ack();
    const reply = await replyTo(deps, {
      team: command.team_id,
      text: command.text ?? '',
      surface: 'command',
      userId: command.user_id,
    });
    await respond({ response_type: reply.visibility, ...reply.message });
  };
}
