/**
 * The one definition of what Customer Segments writes into a spreadsheet: the Segment and Persona
 * columns, the "Segments" summary sheet (values and chart specs) and the hidden sheet that keeps runs
 * as JSON chunks. The Apps Script add-on and the Sheets REST path (server/CLI) both encode and decode
 * through here, so a sheet looks the same whichever path wrote it and either path reads the other's.
 *
 * Values are typed as Sheets holds them (numbers as numbers, '' for empty) and are meant to be written
 * with user-entered semantics (what `Range.setValues` does; `valueInputOption=USER_ENTERED` in REST).
 * Text that Sheets would read as a formula is prefixed with an apostrophe, and JSON chunks carry a
 * prefix so that no chunk can be mistaken for a number, date, boolean or formula.
 *
 * Files by what they encode: output-columns (Segment, Persona), summary-sheet ("Segments"), customers-sheet (an RFM run's one row per customer), kept-runs
 * (the hidden runs sheet), prediction-columns (Predicted segment, Confidence), customer-table (reading
 * customers back), sheet-values (what they share). This index is the public surface.
 */

export { type CustomerValues, customerTable } from './customer-table';
export {
  CUSTOMERS_SHEET_FALLBACK_NAME,
  CUSTOMERS_SHEET_NAME,
  customersSheetName,
  detectionSentence,
  encodeCustomersSheet,
} from './customers-sheet';
export {
  CHUNK_PREFIX,
  DEFAULT_KEPT_ASSIGNMENT_RUNS,
  type DecodedRuns,
  decodeRunRows,
  encodeRunRows,
  type KeptRunListing,
  listKeptRuns,
  MAX_CELL_CHARS,
  RUN_CHUNK_CHARS,
  RUNS_SHEET_HEADERS,
  RUNS_SHEET_NAME,
  runListing,
  runsToTrim,
} from './kept-runs';
export {
  type AssignmentColumnsOptions,
  encodeAssignmentColumns,
  findOutputColumns,
  isOutputColumn,
  type OutputColumnKind,
  type OutputColumnPlan,
  type OutputColumns,
  PERSONA_HEADER,
  planOutputColumns,
  SEGMENT_HEADER,
} from './output-columns';
export {
  CONFIDENCE_HEADER,
  encodePredictionColumns,
  findPredictionColumns,
  type PlacedPrediction,
  PREDICTED_SEGMENT_HEADER,
  type PredictionColumnKind,
  type PredictionColumnPlan,
  type PredictionColumns,
  planPredictionColumns,
} from './prediction-columns';
export { blockingProtection, intersects, type ProtectionInfo, type WriteTarget } from './protections';
export {
  type ColumnMetadata,
  METADATA_KEYS,
  plainText,
  rangeOf,
  type SheetRange,
  type SheetValue,
} from './sheet-values';
export { escapeXml, SEGMENT_COLOURS, type SizeBar, sizesChartSvg } from './sizes-chart';
export {
  CHART_DATA_SHEET_NAME,
  type ChartSpec,
  encodeSummaryForTable,
  encodeSummarySheet,
  K_TABLE_EXPLANATIONS,
  K_TABLE_HEADERS,
  PERCENT_FORMAT,
  pickScatterFeatures,
  SUMMARY_SHEET_NAME,
  type SummarySheetLayout,
} from './summary-sheet';
