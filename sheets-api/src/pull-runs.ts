/**
 * Pulling the runs a spreadsheet keeps (the hidden runs sheet the add-on and `segments segment
 * --sheet` append to) through the REST API, for Slack deployments that receive no push.
 */
import type { Run } from '@segments/core';
import { decodeRunRows, RUNS_SHEET_NAME } from '@segments/core';
import { explainSheetsError, quoteSheetName, type SheetsClient } from './client';

/** What a spreadsheet keeps. */
export interface PulledRuns {
  spreadsheetId: string;
  /** The spreadsheet's title, for messages. */
  title: string;
  /** Valid kept runs, newest first (with assignments: callers decide what leaves the machine). */
  runs: Run[];
  /** Kept runs that could not be read, one line each. */
  problems: string[];
}

/**
 * Reads the runs kept in a spreadsheet: spreadsheets.get (does the runs sheet exist?), then one
 * values.get of the runs sheet, decoded by core's decodeRunRows. A spreadsheet without the runs sheet
 * keeps no runs (not an error).
 * @throws SheetsAccessError naming the spreadsheet and what to do (share it, check the id, retry later)
 * @example const { runs } = await pullRuns(client, '1AbC…')
 */
export async function pullRuns(client: SheetsClient, spreadsheetId: string): Promise<PulledRuns> {
  try {
    const spreadsheet = await client.api.spreadsheets.get({
      spreadsheetId,
      fields: 'spreadsheetId,properties.title,sheets.properties(sheetId,title)',
    });
    const title = spreadsheet.data.properties?.title ?? spreadsheetId;
    const hasRuns = (spreadsheet.data.sheets ?? []).some(
      (sheet) => sheet.properties?.title === RUNS_SHEET_NAME,
    );
    if (!hasRuns) return { spreadsheetId, title, runs: [], problems: [] };
    const values = await client.api.spreadsheets.values.get({
      spreadsheetId,
      range: quoteSheetName(RUNS_SHEET_NAME),
      majorDimension: 'ROWS',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    const { runs, problems } = decodeRunRows((values.data.values ?? []) as unknown[][]);
    return { spreadsheetId, title, runs, problems };
  } catch (error) {
    throw explainSheetsError(error, client, spreadsheetId, 'read');
  }
}
