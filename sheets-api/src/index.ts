/**
 * The Google Sheets REST path (server side): a client from the environment, segmenting a sheet with
 * the add-on's layout, and pulling the runs a spreadsheet keeps.
 * (The Slack app's background sync of connected sheets builds on this and lives in the Slack app.)
 */
export { type A1Range, parseA1Range } from './a1';
export {
  createSheetsClient,
  explainSheetsError,
  parseSpreadsheetId,
  quoteSheetName,
  SHEETS_SCOPE,
  SheetsAccessError,
  type SheetsClient,
  type SheetsClientOptions,
  type SheetsFailureKind,
  type SheetsIdentity,
  type SheetsRetryOptions,
} from './client';
export { type PulledRuns, pullRuns } from './pull-runs';
export {
  applySheetWrite,
  planSheetWrite,
  readCustomerSheet,
  type SegmentSheetOptions,
  type SegmentSheetResult,
  type SheetSnapshot,
  type SheetWritePlan,
  segmentSheet,
} from './segment-sheet';
