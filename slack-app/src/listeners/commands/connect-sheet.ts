import { createSheetsClient, SheetsAccessError, type SheetsClient } from '@segments/sheets-api';
import type { RunStore } from '@segments/store';
import type { SlackCommandMiddlewareArgs, types } from '@slack/bolt';
import type { SlackMessage } from '../../blocks/answer';
import { escapeSlackText } from '../../blocks/escape';
import { connectSheet, type ImportResult, syncSheets } from '../../sheet-sync/sync';
import type { ListenerDeps } from '../deps';
import { respondAndRelease } from '../respond';

/** `/segments connect-sheet <URL or id>` and `/segments sync`. */
const SHEET_SUBCOMMAND = /^\s*(connect-sheet|sync)(?:\s+([\s\S]*))?$/i;

/**
 * True when the slash command's text is a spreadsheet subcommand this module answers.
 * @example isSheetSubcommand('connect-sheet https://docs.google.com/…') // true
 */
export function isSheetSubcommand(text: string | undefined): boolean {
  return SHEET_SUBCOMMAND.test(text ?? '');
}

/** The Sheets client for the app: credentials and API root from the process environment. */
function clientFromEnv(): SheetsClient {
  return createSheetsClient({ env: process.env });
}

/**
 * Handles `/segments connect-sheet <spreadsheet URL or id>` (checks access, imports the runs the
 * spreadsheet keeps, remembers it) and `/segments sync` (re-imports every spreadsheet the workspace
 * connected). Acknowledges at once; the answer goes to `respond`, privately.
 */
export async function sheetSubcommand(
  deps: ListenerDeps,
  { command, ack, respond }: Pick<SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond'>,
): Promise<void> {
  await ack();
  const message = await sheetReply(deps.store, {
    team: command.team_id,
    text: command.text ?? '',
    userId: command.user_id,
  });
  await respondAndRelease(respond, { response_type: 'ephemeral', ...message });
}

/**
 * The reply to a spreadsheet subcommand.
 * @example await sheetReply(store, { team: 'T1', text: 'connect-sheet 1AbC…' })
 */
export async function sheetReply(
  store: RunStore,
  request: { team: string; text: string; userId?: string },
  makeClient: () => SheetsClient = clientFromEnv,
): Promise<SlackMessage> {
  const [, verb, rest] = SHEET_SUBCOMMAND.exec(request.text) ?? [];
  const argument = (rest ?? '').trim();
  try {
    if (verb?.toLowerCase() === 'connect-sheet') {
      if (argument === '') {
        return message(
          'Usage: `/segments connect-sheet <spreadsheet URL or id>` — paste the address of the spreadsheet whose runs you want here.',
        );
      }
      const result = await connectSheet(store, makeClient(), request.team, argument, request.userId);
      return message(
        [
          `Connected *${escapeSlackText(result.title)}*. ${importedText(result)}`,
          ...problemLines(result),
          'Ask away, e.g. `/segments how big is the VIP segment?` — new runs are picked up on every sync (`/segments sync` syncs now).',
        ].join('\n'),
      );
    }
    const outcomes = await syncSheets(store, makeClient(), request.team);
    if (outcomes.length === 0) {
      return message(
        'No spreadsheet is connected to this workspace yet: `/segments connect-sheet <spreadsheet URL or id>`.',
      );
    }
    const lines = outcomes.map((outcome) =>
      outcome.ok
        ? `• *${escapeSlackText(outcome.result.title)}*: ${importedText(outcome.result)}${problemLines(outcome.result).length > 0 ? ` ${problemLines(outcome.result).join(' ')}` : ''}`
        : `• *${escapeSlackText(outcome.link.title)}*: ${escapeSlackText(outcome.error)}`,
    );
    return message(
      [
        `Synced ${outcomes.length === 1 ? '1 spreadsheet' : `${outcomes.length} spreadsheets`}:`,
        ...lines,
      ].join('\n'),
    );
  } catch (error) {
    if (error instanceof SheetsAccessError) return message(escapeSlackText(error.message));
    // The command was acknowledged already: the user gets a reply whatever failed.
    console.error('[segments] spreadsheet subcommand failed', error);
    return message(
      `Something went wrong with the spreadsheet: ${escapeSlackText(error instanceof Error ? error.message : String(error))}. Try again in a minute.`,
    );
  }
}

function importedText(result: ImportResult): string {
  if (result.found === 0)
    return 'It keeps no runs yet: segment it with the add-on or `segments segment --sheet`.';
  const runs = result.found === 1 ? '1 run' : `${result.found} runs`;
  return `It keeps ${runs}: ${result.imported === 0 ? 'all imported already' : `${result.imported} new imported`}.`;
}

function problemLines(result: ImportResult): string[] {
  return result.problems.map((problem) => `(Skipped: ${escapeSlackText(problem)})`);
}

function message(text: string): SlackMessage {
  const blocks: types.KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  return { text, blocks };
}
