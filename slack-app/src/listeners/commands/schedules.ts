import type { RunStore } from '@segments/store';
import type { SlackCommandMiddlewareArgs } from '@slack/bolt';
import { escapeSlackText } from '../../blocks/escape';
import { DIGEST_HOUR_UTC } from '../../digests/periods';
import { respondAndRelease } from '../respond';

/** `/segments digest …`, `/segments subscribe …`, `/segments unsubscribe …`. */
export function isScheduleSubcommand(text: string | undefined): boolean {
  return /^\s*(digest|subscribe|unsubscribe)\b/i.test(text ?? '');
}

/** The channel a subcommand names (`<#C123|name>`), else the one it was typed in. */
function channelOf(text: string, fallback: string): string {
  return /<#([A-Z0-9]+)(\|[^>]*)?>/i.exec(text)?.[1] ?? fallback;
}

/**
 * The reply to a schedule subcommand, after changing the store.
 * @example await scheduleReply(store, 'T1', 'U1', 'C1', 'digest weekly')
 */
export async function scheduleReply(
  store: RunStore,
  team: string,
  user: string,
  here: string,
  text: string,
): Promise<string> {
  const words = text.trim().split(/\s+/);
  const verb = words[0].toLowerCase();
  const channel = channelOf(text, here);
  const where = `<#${escapeSlackText(channel)}>`;
  if (verb === 'subscribe') {
    const subscription = await store.saveSchedule(team, { channel, kind: 'subscription', createdBy: user });
    // The run that is newest now is not news: only runs published from here on are posted.
    const [latest] = await store.listRuns(team, { limit: 1 });
    if (latest) await store.claimFiring(subscription.id, `run:${latest.id}`);
    return `I'll post each newly published run in ${where}. Stop with \`/segments unsubscribe ${where}\`. (Invite me to the channel if I'm not in it.)`;
  }
  if (verb === 'unsubscribe') {
    const removed = await store.deleteSchedules(team, 'subscription', channel);
    return removed ? `No more new-run posts in ${where}.` : `${where} had no new-run posts to stop.`;
  }
  const cadence = (words[1] ?? '').toLowerCase();
  if (cadence === 'off') {
    const removed = await store.deleteSchedules(team, 'digest', /<#/.test(text) ? channel : undefined);
    return removed
      ? `Digest stopped (${removed} ${removed === 1 ? 'channel' : 'channels'}).`
      : 'There was no digest to stop.';
  }
  if (cadence !== 'daily' && cadence !== 'weekly') {
    return 'Use `/segments digest weekly [#channel]`, `/segments digest daily [#channel]` or `/segments digest off`.';
  }
  await store.saveSchedule(team, { channel, kind: 'digest', cadence, createdBy: user });
  const when =
    cadence === 'daily'
      ? `every day from ${DIGEST_HOUR_UTC}:00 UTC`
      : `every Monday from ${DIGEST_HOUR_UTC}:00 UTC`;
  return `I'll post the latest run's summary with its chart in ${where} ${when}. Stop with \`/segments digest off\`.`;
}

/** Handles a schedule subcommand: acknowledges at once, answers privately. */
export async function scheduleSubcommand(
  deps: { store: RunStore },
  { command, ack, respond }: Pick<SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond'>,
): Promise<void> {
  await ack();
  const text = await scheduleReply(
    deps.store,
    command.team_id,
    command.user_id,
    command.channel_id,
    command.text,
  );
  await respondAndRelease(respond, {
    response_type: 'ephemeral',
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  });
}
