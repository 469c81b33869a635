/**
 * `segments segment --sheet <URL or id> [--range "Customers!A1:F"]`: segments a Google Sheet through
 * the Sheets REST API and writes what the add-on writes (Segment/Persona columns, the Segments summary
 * sheet with charts, the kept run), then keeps the run in the local store — last, so a failed write
 * never leaves a saved run whose columns are missing.
 */
import type { SegmentOptions } from '@segments/core';
import {
  createSheetsClient,
  parseSpreadsheetId,
  SheetsAccessError,
  segmentSheet,
} from '@segments/sheets-api';
import { CliError } from './files';
import { formatRunSummary } from './format';
import { type CliIo, EXIT_OK, UsageError } from './io';
import { progressReporter } from './progress';
import { saveRunLocally } from './store';

/** What the segment command parsed, as far as the sheet path needs it. */
export interface SheetCommandInput {
  /** The --sheet value: a spreadsheet URL or id (undefined when only --range was given). */
  sheet: string | undefined;
  range: string | undefined;
  /** Positional arguments (a file): not allowed with --sheet. */
  positionals: string[];
  /** --out was given (a CSV output makes no sense for a sheet). */
  out: string | undefined;
  options: Omit<SegmentOptions, 'source'>;
  json: boolean;
  save: boolean;
}

/**
 * Runs the sheet path of `segments segment` and returns the exit code.
 * @throws UsageError for flag mistakes; CliError (access, quota, not found) and SegmentationError (bad
 *   data or options) for user errors — the caller reports them
 * @example await segmentSheetCommand({ sheet: '1AbC…', range: undefined, positionals: [], out: undefined, options: { k: 5 }, json: false, save: true }, io)
 */
export async function segmentSheetCommand(input: SheetCommandInput, io: CliIo): Promise<number> {
  if (input.sheet === undefined) throw new UsageError('--range needs --sheet <spreadsheet URL or id>');
  if (input.positionals.length > 0) {
    throw new UsageError('segment takes either a file or --sheet, not both');
  }
  if (input.out !== undefined) {
    throw new UsageError(
      '--out writes a CSV file; with --sheet the results are written into the spreadsheet',
    );
  }
  try {
    const spreadsheetId = parseSpreadsheetId(input.sheet);
    const client = createSheetsClient({ env: io.env });
    const result = await segmentSheet(client, spreadsheetId, {
      ...input.options,
      range: input.range,
      onProgress: progressReporter(io),
    });
    const { run } = result;
    const saved = input.save ? await saveRunLocally(run, io) : undefined;
    if (input.json) io.stdout(`${JSON.stringify(run, null, 2)}\n`);
    else {
      io.stdout(formatRunSummary(run));
      io.stdout(
        `\nWrote Segment (column ${result.segmentColumn}) and Persona (column ${result.personaColumn}) to "${result.sheetName}" in "${result.spreadsheetTitle}", the summary to sheet "${result.summarySheetTitle}", and kept the run in the spreadsheet.\n${result.url}\n`,
      );
      if (saved) io.stdout(`Saved run ${run.id}${saved.created ? '' : ' (already saved)'}.\n`);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof SheetsAccessError) throw new CliError(error.message);
    throw error;
  }
}
