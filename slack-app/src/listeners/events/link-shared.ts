import { toRunSummary } from '@segments/core';
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, types } from '@slack/bolt';
import { renderRunSummary } from '../../blocks/run-summary';
import type { ListenerDeps } from '../deps';

/** The spreadsheet id of a Google Sheets link, or undefined for any other link. */
export function spreadsheetIdOf(url: string): string | undefined {
  return /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]{10,})/.exec(url)?.[1];
}

/** Runs looked through for a spreadsheet's latest run. */
const RUNS_SEARCHED = 50;

/**
 * A pasted Google Sheets link unfurls into the latest run segmented from that spreadsheet — only
 * when the workspace the link was shared in owns such a run (a team only ever sees its own runs).
 * Links to other spreadsheets are left alone (no unfurl, so Slack shows its default preview).
 */
export function linkShared(deps: ListenerDeps) {
  return async ({ event, body, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'link_shared'>) => {
    const team = body.team_id;
    if (!team) return;
    const wanted = event.links
      .map((link) => ({ url: link.url, id: spreadsheetIdOf(link.url) }))
      .filter((link): link is { url: string; id: string } => link.id !== undefined);
    if (!wanted.length) return;
    const runs = await deps.store.listRuns(team, { limit: RUNS_SEARCHED });
    const unfurls: Record<string, { blocks: types.KnownBlock[] }> = {};
    for (const link of wanted) {
      const run = runs.find((candidate) => candidate.source.spreadsheetId === link.id);
      if (run) unfurls[link.url] = { blocks: renderRunSummary(toRunSummary(run), { buttons: false }) };
    }
    if (!Object.keys(unfurls).length) return;
    const where =
      event.unfurl_id && event.source
        ? { unfurl_id: event.unfurl_id, source: event.source as 'composer' | 'conversations_history' }
        : { channel: event.channel, ts: event.message_ts };
    await client.chat.unfurl({ ...where, unfurls } as Parameters<typeof client.chat.unfurl>[0]);
  };
}
