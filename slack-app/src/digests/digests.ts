/**
 * Scheduled digests and new-run alerts. Schedules live in the store; every replica ticks, and a
 * firing is claimed in the store (one row per schedule and period, or per schedule and run), so a
 * digest or alert is posted once however many replicas run. The clock is injected: tests drive it.
 */
import { type RunSummary, toRunSummary } from '@segments/core';
import type { RunStore, Schedule } from '@segments/store';
import type { types } from '@slack/bolt';
import { contextBlock } from '../blocks/kit';
import { renderRunSummary } from '../blocks/run-summary';
import type { ChartDelivery } from '../charts/delivery';
import { periodKey } from './periods';

/** Posts a message to a channel (chat.postMessage with the bot token). */
export type PostMessage = (message: {
  channel: string;
  text: string;
  blocks: types.KnownBlock[];
}) => Promise<unknown>;

export interface DigestDeps {
  store: RunStore;
  post: PostMessage;
  charts?: ChartDelivery;
  logWarn?: (message: string) => void;
}

/** The message for a run: its summary with the sizes chart, and what the message is. */
async function runMessage(deps: DigestDeps, team: string, run: RunSummary, what: string, stop: string) {
  const chart = await deps.charts?.imageFor(team, { kind: 'sizes', run }).catch(() => undefined);
  const blocks = [...renderRunSummary(run, { chart }), contextBlock(`${what} · ${stop}`)];
  return { text: `${what}: ${run.name}`, blocks };
}

/**
 * Posts every digest whose current period has not been posted yet; returns how many were posted.
 * @example await runDueDigests(deps, new Date())
 */
export async function runDueDigests(deps: DigestDeps, now: Date): Promise<number> {
  let posted = 0;
  for (const schedule of await deps.store.listSchedules('digest')) {
    const cadence = schedule.cadence ?? 'weekly';
    if (!(await deps.store.claimFiring(schedule.id, periodKey(cadence, now)))) continue;
    const [latest] = await deps.store.listRuns(schedule.team, { limit: 1 });
    if (!latest) continue;
    try {
      const message = await runMessage(
        deps,
        schedule.team,
        toRunSummary(latest),
        `${cadence === 'daily' ? 'Daily' : 'Weekly'} digest`,
        'stop with `/segments digest off`',
      );
      await deps.post({ channel: schedule.channel, ...message });
      posted++;
    } catch (error) {
      deps.logWarn?.(`digest for ${schedule.channel} failed: ${(error as Error).message}`);
    }
  }
  return posted;
}

/**
 * Posts a newly published run to the team's subscribed channels, once per channel and run.
 * @example await notifySubscribers(deps, 'T1', run)
 */
export async function notifySubscribers(deps: DigestDeps, team: string, run: RunSummary): Promise<number> {
  let posted = 0;
  const subscriptions: Schedule[] = await deps.store.listSchedules('subscription', team);
  for (const subscription of subscriptions) {
    if (!(await deps.store.claimFiring(subscription.id, `run:${run.id}`))) continue;
    try {
      const message = await runMessage(
        deps,
        team,
        run,
        'New run published',
        'stop with `/segments unsubscribe`',
      );
      await deps.post({ channel: subscription.channel, ...message });
      posted++;
    } catch (error) {
      deps.logWarn?.(`new-run alert for ${subscription.channel} failed: ${(error as Error).message}`);
    }
  }
  return posted;
}

/**
 * Posts each subscribed team's newest run when no replica has posted it yet: catches runs that
 * arrived other than through the runs API (sheet sync, a CLI on the same database). Subscribing
 * claims the run that is newest then, so only later runs are posted.
 * @example await runNewRunAlerts(deps)
 */
export async function runNewRunAlerts(deps: DigestDeps): Promise<number> {
  let posted = 0;
  const teams = new Set((await deps.store.listSchedules('subscription')).map((schedule) => schedule.team));
  for (const team of teams) {
    const [latest] = await deps.store.listRuns(team, { limit: 1 });
    if (latest) posted += await notifySubscribers(deps, team, toRunSummary(latest));
  }
  return posted;
}

/** Checks for due digests and new runs every `everyMs` (default a minute) until stopped. */
export function startDigestScheduler(deps: DigestDeps, options: { everyMs?: number; now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    Promise.all([runDueDigests(deps, now()), runNewRunAlerts(deps)])
      .catch((error: unknown) => deps.logWarn?.(`digests failed: ${(error as Error).message}`))
      .finally(() => {
        running = false;
      });
  }, options.everyMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
