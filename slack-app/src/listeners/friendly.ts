/**
 * Every listener is wrapped so that whatever fails reaches the user as one friendly line (and the
 * log gets the stack, never a request body): acknowledged or not, from a command, a button, a modal
 * or an event. The wrapper also drops a request some replica handled already (see
 * middleware/once-only.ts): right after the listener acknowledges it, or before an event's listener
 * runs (Bolt acknowledges events itself).
 */
import type { AllMiddlewareArgs } from '@slack/bolt';
import { describeErrorForLog } from '../api/runs-api';
import { isFirstTime } from '../middleware/once-only';
import { postToResponseUrl } from './respond';

/** The one line a user sees when a listener fails. */
export const FRIENDLY_ERROR_TEXT =
  'Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.';

interface AnyListenerArgs {
  ack?: (response?: unknown) => Promise<void>;
  body?: {
    response_url?: string;
    channel?: { id?: string };
    user?: { id?: string } | string;
    user_id?: string;
    channel_id?: string;
    command?: string;
  };
  event?: { channel?: string; ts?: string; thread_ts?: string; user?: string; type?: string };
  client?: AllMiddlewareArgs['client'];
  context?: Record<string, unknown>;
}

/** Thrown by the wrapped ack of a duplicate request: unwinds the listener, which the wrapper ignores. */
class AlreadyHandled extends Error {}

/**
 * Wraps a listener: acknowledges if it had not, logs the stack and tells the user in one line.
 * @example app.command('/segments', friendly('/segments', segmentsCommand(deps)))
 */
export function friendly<Args>(
  name: string,
  listener: (args: Args) => Promise<void>,
): (args: Args) => Promise<void> {
  return async (args: Args) => {
    const raw = args as unknown as AnyListenerArgs;
    let acked = false;
    const ack = raw.ack;
    const wrapped = ack
      ? ({
          ...(args as object),
          ack: async (response?: unknown) => {
            acked = true;
            await ack(response);
            // Acknowledged either way (Slack stops retrying); a duplicate goes no further.
            if (!(await isFirstTime(raw.context))) throw new AlreadyHandled();
          },
        } as Args)
      : args;
    try {
      if (!ack && !(await isFirstTime(raw.context))) return;
      await listener(wrapped);
    } catch (error) {
      if (error instanceof AlreadyHandled) return;
      console.error(`[segments] ${name} failed: ${describeErrorForLog(error)}`);
      await tellUser(raw, acked).catch((reportError: unknown) => {
        console.error(`[segments] ${name}: could not tell the user: ${describeErrorForLog(reportError)}`);
      });
    }
  };
}

async function tellUser(args: AnyListenerArgs, acked: boolean): Promise<void> {
  const line = { response_type: 'ephemeral' as const, replace_original: false, text: FRIENDLY_ERROR_TEXT };
  if (args.ack && !acked) {
    // A slash command not acknowledged yet: the acknowledgement itself carries the line.
    if (typeof args.body?.command === 'string') {
      await args.ack({ response_type: 'ephemeral', text: FRIENDLY_ERROR_TEXT });
      return;
    }
    // Buttons and modals: acknowledge (Slack shows no text from it), then say it below.
    await args.ack();
  }
  if (args.body?.response_url) {
    await postToResponseUrl(args.body.response_url, line);
    return;
  }
  const event = args.event;
  if (event?.channel && args.client) {
    await args.client.chat.postMessage({
      channel: event.channel,
      text: FRIENDLY_ERROR_TEXT,
      ...(event.type === 'app_mention' || event.thread_ts ? { thread_ts: event.thread_ts ?? event.ts } : {}),
    });
    return;
  }
  const user = typeof args.body?.user === 'string' ? args.body.user : (args.body?.user?.id ?? event?.user);
  if (user && args.client) await args.client.chat.postMessage({ channel: user, text: FRIENDLY_ERROR_TEXT });
}
