import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type ButtonValue, decodeButtonValue } from '../../blocks/actions';
import type { SlackMessage } from '../../blocks/answer';
import { respondAndRelease } from '../respond';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

/** The team of an interaction (`team` is null for org-wide installs; the user's team then). */
export function teamOf(body: BlockAction): string | undefined {
  return body.team?.id ?? body.user.team_id ?? undefined;
}

/** The button's decoded value, or undefined for a button that is not ours. */
export function buttonValue(args: ButtonArgs): ButtonValue | undefined {
  return args.action.type === 'button' ? decodeButtonValue(args.action.value) : undefined;
}

/**
 * Answers a button privately: under the message (via its response_url) when it was clicked in a
 * message, or in the app's DM with the user when it was clicked on the Home tab (which has no
 * response_url).
 */
export async function replyPrivately(args: ButtonArgs, message: SlackMessage): Promise<void> {
  if (args.body.response_url) {
    await respondAndRelease(args.respond, {
      response_type: 'ephemeral',
      replace_original: false,
      ...message,
    });
    return;
  }
  await args.client.chat.postMessage({ channel: args.body.user.id, ...message });
}

/** The message for a run that is gone (or belongs to another team: the same words, so nothing leaks). */
export function runNotFoundMessage(): SlackMessage {
  const text = 'That run is not in this workspace any more. Type `/segments runs` to see the runs there are.';
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
