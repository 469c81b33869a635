/**
 * A stand-in for the Google Apps Script services the Sheets add-on uses, written from Google's
 * reference documentation. Load the built add-on with `loadAddon` (../load-addon.ts); build sheets
 * with `createSpreadsheet`; compare them with `snapshot`.
 */
export {
  columnToLetters,
  formatA1,
  type GridSpan,
  lettersToColumn,
  parseA1Cells,
  splitSheetPrefix,
} from './a1';
export { Blob } from './blob';
export { CallCounter, type CallCounts } from './calls';
export { type CellFormat, MAX_CELL_CHARACTERS } from './cells';
export { type ChartRecord, EmbeddedChart, EmbeddedChartBuilder } from './charts';
export * as Enums from './enums';
export { compileTemplate, escapeHtml, HtmlOutput, HtmlTemplate } from './html';
export { type LockKind, LockRegistry } from './lock';
export {
  createPropertyStores,
  MAX_PROPERTY_STORE_BYTES,
  MAX_PROPERTY_VALUE_BYTES,
  PropertyStore,
  type PropertyStores,
} from './properties';
export { type Cell, hostRealm, isDate, type Realm, vmRealm } from './realm';
export { type CreatedServices, createServices, type ServiceOptions, type StandinServices } from './services';
export { describeSheet, readValues, snapshot, snapshotSpreadsheet } from './snapshot';
export {
  createSpreadsheet,
  DeveloperMetadata,
  DeveloperMetadataFinder,
  type SheetInit,
  type SpreadsheetInit,
  StandinRange,
  StandinSheet,
  StandinSpreadsheet,
  type Toast,
} from './spreadsheet';
export { type StubRoute, type StubServer, startStubServer } from './stub-server';
export { type DialogRecord, type MenuRecord, type ShownHtml, UiRecorder } from './ui';
export type { FetchHandler, FetchResponseInit, RecordedFetch } from './url-fetch';
export { formatDate, type LogLine } from './utilities';
