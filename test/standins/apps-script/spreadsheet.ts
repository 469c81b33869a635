/**
 * SpreadsheetApp's Spreadsheet, Sheet, Range and developer metadata, written from Google's reference
 * (developers.google.com/apps-script/reference/spreadsheet). Rows and columns are 1-based; getValues
 * returns '' for empty cells, numbers as numbers, booleans, and Dates; setValues checks the data's
 * dimensions with Google's messages; inserting or deleting columns and rows shifts values, formats,
 * column/row developer metadata and chart ranges the way Sheets does.
 *
 * Deviations, on purpose: formulas are stored and returned as their text (nothing is evaluated), the
 * display of numbers and dates follows the en-US locale in UTC, and only the formatting the add-on
 * uses (number format, font weight and colour, background, alignment, wrap) is kept.
 */
import { formatA1, type GridSpan, parseA1Cells, splitSheetPrefix } from './a1';
import { CallCounter } from './calls';
import { type CellFormat, displayCell, isFilled, toCell } from './cells';
import { type ChartRecord, EmbeddedChart, EmbeddedChartBuilder } from './charts';
import {
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  type EnumValue,
  enumMember,
} from './enums';
import { PropertyStore } from './properties';
import {
  isProtectedFor,
  PROTECTED_MESSAGE,
  type ProtectionRecord,
  StandinFilter,
  StandinProtection,
  spansIntersect,
} from './protection';
import { type Cell, hostRealm, isDate, type Realm } from './realm';

export type { Cell };

/** Google's cap on cells per spreadsheet. */
export const MAX_CELLS = 10_000_000;

/** Realm and call counter the spreadsheet reports to; the loader swaps in the vm realm. */
export interface SpreadsheetEnvironment {
  realm: Realm;
  calls: CallCounter;
}

/** A toast shown with Spreadsheet.toast. */
export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW' | 'COLUMN'; sheetId: number; start: number; end: number };

/** One piece of developer metadata as stored. */
export interface MetadataRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

/** Initial content of one sheet for {@link createSpreadsheet}. */
export interface SheetInit {
  values: readonly (readonly Cell[])[];
  maxRows?: number;
  maxColumns?: number;
  hidden?: boolean;
}

/** Options of {@link createSpreadsheet}. */
export interface SpreadsheetInit {
  /** Spreadsheet name (default 'Untitled spreadsheet'). */
  name?: string;
  /** Id (default a fixed fake id). */
  id?: string;
  /** Sheets in order; a bare 2-D array is the sheet's values. The first sheet is active. */
  sheets: Record<string, readonly (readonly Cell[])[] | SheetInit>;
  /** Spreadsheet time zone (default 'Etc/UTC'). */
  timeZone?: string;
}

/**
 * Builds a spreadsheet with sheets of values, stored as given (no typed-input conversion). Sheets get
 * Google's default 1000 × 26 grid, grown to fit the values.
 * @example const ss = createSpreadsheet({ name: 'Mall', sheets: { Customers: [['Id', 'Age'], [1, 19]] } })
 */
export function createSpreadsheet(init: SpreadsheetInit): StandinSpreadsheet {
  const spreadsheet = new StandinSpreadsheet(init.name ?? 'Untitled spreadsheet', init.id, init.timeZone);
  for (const [name, content] of Object.entries(init.sheets)) {
    const sheetInit: SheetInit = Array.isArray(content) ? { values: content } : (content as SheetInit);
    let width = 0;
    for (const row of sheetInit.values) width = Math.max(width, row.length);
    const sheet = spreadsheet.addSheet(
      name,
      spreadsheet.sheets.length,
      Math.max(sheetInit.maxRows ?? 1000, sheetInit.values.length, 1),
      Math.max(sheetInit.maxColumns ?? 26, width, 1),
    );
    sheet.values = sheetInit.values.map((row) =>
      row.map((cell) => (isDate(cell) ? new Date(cell.getTime()) : cell)),
    );
    sheet.hidden = sheetInit.hidden ?? false;
  }
  if (spreadsheet.sheets.length === 0) spreadsheet.addSheet('Sheet1', 0, 1000, 26);
  spreadsheet.activeSheet = spreadsheet.sheets[0];
  return spreadsheet;
}

function spanOf(row: number, column: number, numRows: number, numColumns: number): GridSpan {
  return { row, column, numRows, numColumns, wholeColumns: false, wholeRows: false };
}

/** Shifts a [start, end] band for an insertion of `count` before `at`. */
function bandAfterInsert(start: number, end: number, at: number, count: number): [number, number] {
  if (at <= start) return [start + count, end + count];
  if (at <= end) return [start, end + count];
  return [start, end];
}

/** Shrinks a [start, end] band for a deletion of [from, from + count - 1]; undefined when it disappears. */
function bandAfterDelete(
  start: number,
  end: number,
  from: number,
  count: number,
): [number, number] | undefined {
  const to = from + count - 1;
  if (to < start) return [start - count, end - count];
  if (from > end) return [start, end];
  const removedInside = Math.min(end, to) - Math.max(start, from) + 1;
  const length = end - start + 1 - removedInside;
  if (length <= 0) return undefined;
  const newStart = Math.min(from, start);
  return [newStart, newStart + length - 1];
}

/** Spreadsheet: a container of sheets, developer metadata, toasts and document properties. */
export class StandinSpreadsheet {
  sheets: StandinSheet[] = [];
  activeSheet!: StandinSheet;
  activeSpan: GridSpan | undefined;
  metadata: MetadataRecord[] = [];
  toasts: Toast[] = [];
  /** Document properties live with the spreadsheet, as in Apps Script. */
  readonly documentProperties = new PropertyStore();
  environment: SpreadsheetEnvironment = { realm: hostRealm(), calls: new CallCounter() };
  /** Protections of every sheet, in creation order. */
  protections: ProtectionRecord[] = [];
  private nextSheetId = 0;
  private nextMetadataId = 1;
  private locale = 'en_US';
  nextChartId = 1;

  constructor(
    private name: string,
    private readonly id = '1StandinSpreadsheetId0000000000000000000000',
    readonly timeZone = 'Etc/UTC',
  ) {}

  /** @internal Counts a call and returns the realm. */
  count(method: string, className = 'Spreadsheet'): Realm {
    this.environment.calls.record(className, method);
    return this.environment.realm;
  }

  /** @internal Throws an Apps Script exception from the script's realm. */
  fail(message: string): never {
    throw this.environment.realm.error(message);
  }

  /** @internal Adds a sheet without counting (used by createSpreadsheet and insertSheet). */
  addSheet(name: string, index: number, maxRows: number, maxColumns: number): StandinSheet {
    const sheet = new StandinSheet(this, this.nextSheetId === 0 ? 0 : 100_000 + this.nextSheetId, name);
    this.nextSheetId += 1;
    sheet.maxRows = maxRows;
    sheet.maxColumns = maxColumns;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  /** @internal */
  totalCells(): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxColumns, 0);
  }

  /** @internal */
  checkCellBudget(extraCells: number): void {
    if (this.totalCells() + extraCells > MAX_CELLS) {
      this.fail(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  /** @internal */
  newMetadata(key: unknown, rest: unknown[], location: MetadataLocation): MetadataRecord {
    let value: string | null = null;
    let visibility: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT';
    for (const argument of rest) {
      if (argument === undefined) continue;
      if (typeof argument === 'object' && argument !== null && 'ordinal' in argument) {
        visibility = enumMember(DeveloperMetadataVisibility, argument, 'visibility').name();
      } else {
        value = String(argument);
      }
    }
    if (typeof key !== 'string' || key === '') this.fail('Invalid argument: key');
    const record: MetadataRecord = { id: this.nextMetadataId, key, value, visibility, location };
    this.nextMetadataId += 1;
    this.metadata.push(record);
    return record;
  }

  /** @internal */
  sheetById(sheetId: number): StandinSheet | undefined {
    return this.sheets.find((sheet) => sheet.sheetId === sheetId);
  }

  getId(): string {
    this.count('getId');
    return this.id;
  }

  getName(): string {
    this.count('getName');
    return this.name;
  }

  /** The spreadsheet's locale as Sheets reports it ("en_US", "in_ID"; File › Settings › Locale). */
  getSpreadsheetLocale(): string {
    this.count('getSpreadsheetLocale');
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.count('setSpreadsheetLocale');
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale))
      this.fail('Invalid argument: locale');
    this.locale = locale;
  }

  rename(newName: string): void {
    this.count('rename');
    this.name = String(newName);
  }

  getUrl(): string {
    this.count('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.count('getSpreadsheetTimeZone');
    return this.timeZone;
  }

  getSheets(): StandinSheet[] {
    return this.count('getSheets').array(this.sheets);
  }

  getNumSheets(): number {
    this.count('getNumSheets');
    return this.sheets.length;
  }

  /** Returns null when there is no sheet with that name (names compare exactly). */
  getSheetByName(name: string): StandinSheet | null {
    this.count('getSheetByName');
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }

  getSheetById(id: number): StandinSheet | null {
    this.count('getSheetById');
    return this.sheetById(Number(id)) ?? null;
  }

  /**
   * insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). The new sheet
   * becomes the active sheet, as documented.
   */
  insertSheet(nameOrIndex?: unknown, maybeIndex?: unknown): StandinSheet {
    this.count('insertSheet');
    let name: string | undefined;
    let index = this.sheets.length;
    if (typeof nameOrIndex === 'number') index = nameOrIndex;
    else if (nameOrIndex !== undefined) name = String(nameOrIndex);
    if (typeof maybeIndex === 'number') index = maybeIndex;
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((sheet) => sheet.name === `Sheet${n}`)) n += 1;
      name = `Sheet${n}`;
    }
    if (this.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) {
      this.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (index < 0 || index > this.sheets.length || !Number.isInteger(index))
      this.fail('Invalid argument: sheetIndex');
    this.checkCellBudget(1000 * 26);
    const sheet = this.addSheet(name, index, 1000, 26);
    this.activeSheet = sheet;
    this.activeSpan = undefined;
    return sheet;
  }

  deleteSheet(sheet: StandinSheet): void {
    this.count('deleteSheet');
    if (!(sheet instanceof StandinSheet) || !this.sheets.includes(sheet))
      this.fail('Invalid argument: sheet');
    if (this.sheets.length === 1) this.fail("You can't remove all the sheets in a document.");
    this.checkEditable(sheet, spanOf(1, 1, sheet.maxRows, sheet.maxColumns));
    this.sheets = this.sheets.filter((candidate) => candidate !== sheet);
    this.metadata = this.metadata.filter(
      (record) => record.location.type === 'SPREADSHEET' || record.location.sheetId !== sheet.sheetId,
    );
    sheet.deleted = true;
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheets.find((candidate) => !candidate.hidden) ?? this.sheets[0];
      this.activeSpan = undefined;
    }
  }

  getActiveSheet(): StandinSheet {
    this.count('getActiveSheet');
    return this.activeSheet;
  }

  setActiveSheet(sheet: StandinSheet): StandinSheet {
    this.count('setActiveSheet');
    if (!this.sheets.includes(sheet)) this.fail('Invalid argument: sheet');
    sheet.hidden = false;
    this.activeSheet = sheet;
    this.activeSpan = undefined;
    return sheet;
  }

  /** The selection: the range set with setActiveRange, else A1 of the active sheet. */
  getActiveRange(): StandinRange {
    this.count('getActiveRange');
    return this.activeRange();
  }

  /** @internal */
  activeRange(): StandinRange {
    return new StandinRange(this.activeSheet, this.activeSpan ?? spanOf(1, 1, 1, 1));
  }

  setActiveRange(range: StandinRange): StandinRange {
    this.count('setActiveRange');
    this.activeSheet = range.sheet;
    this.activeSpan = { ...range.span };
    return range;
  }

  /** The current cell of the selection (its top-left cell when set with setActiveRange). */
  getCurrentCell(): StandinRange {
    this.count('getCurrentCell');
    const range = this.activeRange();
    return new StandinRange(range.sheet, spanOf(range.span.row, range.span.column, 1, 1));
  }

  /** Every protection of the given type in the spreadsheet. */
  getProtections(type: unknown): StandinProtection[] {
    const realm = this.count('getProtections');
    const wanted = String(type);
    if (wanted !== 'RANGE' && wanted !== 'SHEET') this.fail('Invalid argument: type');
    return realm.array(
      this.protections
        .filter(
          (record) =>
            !record.removed && !record.sheet.deleted && (record.span ? 'RANGE' : 'SHEET') === wanted,
        )
        .map((record) => new StandinProtection(record, (sheet, span) => new StandinRange(sheet, span))),
    );
  }

  /** @internal Throws Google's message when the current user may not write `span` of `sheet`. */
  checkEditable(sheet: StandinSheet, span: GridSpan): void {
    if (isProtectedFor(this.protections, sheet, span)) this.fail(PROTECTED_MESSAGE);
  }

  getSelection(): Selection {
    this.count('getSelection');
    return new Selection(this);
  }

  /** Spreadsheet.getRange('Sheet1!A1:B2'); without a sheet name, the active sheet. */
  getRange(a1: string): StandinRange {
    this.count('getRange');
    return this.rangeFromA1(String(a1), this.activeSheet);
  }

  /** @internal */
  rangeFromA1(a1: string, defaultSheet: StandinSheet): StandinRange {
    const { sheetName, cells } = splitSheetPrefix(a1.trim());
    const sheet =
      sheetName === undefined ? defaultSheet : this.sheets.find((candidate) => candidate.name === sheetName);
    if (!sheet) this.fail('Range not found');
    const span = parseA1Cells(cells, sheet.maxRows, sheet.maxColumns);
    if (!span) this.fail('Range not found');
    sheet.checkSpan(span);
    return new StandinRange(sheet, span);
  }

  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.count('toast');
    this.toasts.push({
      message: String(message),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined ? 5 : Number(timeoutSeconds),
    });
  }

  /** Metadata located on the spreadsheet itself (not on its sheets, rows or columns). */
  getDeveloperMetadata(): DeveloperMetadata[] {
    const realm = this.count('getDeveloperMetadata');
    return realm.array(
      this.metadata
        .filter((record) => record.location.type === 'SPREADSHEET')
        .map((r) => new DeveloperMetadata(this, r)),
    );
  }

  addDeveloperMetadata(key: string, ...rest: unknown[]): StandinSpreadsheet {
    this.count('addDeveloperMetadata');
    this.newMetadata(key, rest, { type: 'SPREADSHEET' });
    return this;
  }

  /** Searches all metadata in the spreadsheet. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    this.count('createDeveloperMetadataFinder');
    return new DeveloperMetadataFinder(this, () => true, undefined);
  }
}

/** Spreadsheet.getSelection(). */
export class Selection {
  constructor(private readonly spreadsheet: StandinSpreadsheet) {}

  getActiveRange(): StandinRange {
    this.spreadsheet.count('getActiveRange', 'Selection');
    return this.spreadsheet.activeRange();
  }

  getActiveSheet(): StandinSheet {
    this.spreadsheet.count('getActiveSheet', 'Selection');
    return this.spreadsheet.activeSheet;
  }

  getCurrentCell(): StandinRange {
    this.spreadsheet.count('getCurrentCell', 'Selection');
    const range = this.spreadsheet.activeRange();
    return new StandinRange(range.sheet, spanOf(range.span.row, range.span.column, 1, 1));
  }
}

/** Sheet: a grid of values and formats with a fixed size (maxRows × maxColumns), charts and metadata. */
export class StandinSheet {
  /** Values by row then column, 0-based; missing entries are empty cells. */
  values: Cell[][] = [];
  /** Formats by row then column, 0-based. */
  formats: (CellFormat | undefined)[][] = [];
  maxRows = 1000;
  maxColumns = 26;
  hidden = false;
  deleted = false;
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  charts: ChartRecord[] = [];
  /** Merged blocks (1-based spans). */
  merges: GridSpan[] = [];
  filter: StandinFilter | undefined;

  constructor(
    readonly spreadsheet: StandinSpreadsheet,
    readonly sheetId: number,
    public name: string,
  ) {}

  /** @internal */
  count(method: string): Realm {
    return this.spreadsheet.count(method, 'Sheet');
  }

  /** @internal */
  fail(message: string): never {
    return this.spreadsheet.fail(message);
  }

  /** @internal Throws Google's messages for spans that leave the grid. */
  checkSpan(span: GridSpan): void {
    if (span.row < 1) this.fail('The starting row of the range is too small.');
    if (span.column < 1) this.fail('The starting column of the range is too small.');
    if (span.numRows < 1) this.fail('The number of rows in the range must be at least 1.');
    if (span.numColumns < 1) this.fail('The number of columns in the range must be at least 1.');
    if (span.row + span.numRows - 1 > this.maxRows || span.column + span.numColumns - 1 > this.maxColumns) {
      this.fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  /** @internal 1-based read of a stored value. */
  cellAt(row: number, column: number): Cell {
    return this.values[row - 1]?.[column - 1] ?? '';
  }

  /** @internal */
  formatAt(row: number, column: number): CellFormat | undefined {
    return this.formats[row - 1]?.[column - 1];
  }

  /** @internal 1-based write of a stored value. */
  putCell(row: number, column: number, cell: Cell): void {
    if (cell === '' && this.values[row - 1] === undefined) return;
    let line = this.values[row - 1];
    if (line === undefined) {
      while (this.values.length < row - 1) this.values.push([]);
      line = [];
      this.values[row - 1] = line;
    }
    while (line.length < column - 1) line.push('');
    line[column - 1] = cell;
  }

  /** @internal */
  updateFormat(row: number, column: number, change: CellFormat | undefined): void {
    let line = this.formats[row - 1];
    if (line === undefined) {
      if (change === undefined) return;
      while (this.formats.length < row - 1) this.formats.push([]);
      line = [];
      this.formats[row - 1] = line;
    }
    while (line.length < column - 1) line.push(undefined);
    line[column - 1] = change === undefined ? undefined : { ...line[column - 1], ...change };
  }

  /** @internal Last row with content, 0 when empty. */
  lastRow(): number {
    for (let row = this.values.length; row >= 1; row -= 1) {
      if (this.values[row - 1]?.some(isFilled)) return row;
    }
    return 0;
  }

  /** @internal Last column with content, 0 when empty. */
  lastColumn(): number {
    let last = 0;
    for (const line of this.values) {
      if (!line) continue;
      for (let column = line.length; column > last; column -= 1) {
        if (isFilled(line[column - 1])) {
          last = column;
          break;
        }
      }
    }
    return last;
  }

  getName(): string {
    this.count('getName');
    return this.name;
  }

  setName(name: string): StandinSheet {
    this.count('setName');
    const text = String(name);
    if (
      this.spreadsheet.sheets.some(
        (sheet) => sheet !== this && sheet.name.toLowerCase() === text.toLowerCase(),
      )
    ) {
      this.fail(`A sheet with the name "${text}" already exists. Please enter another name.`);
    }
    this.name = text;
    return this;
  }

  getSheetId(): number {
    this.count('getSheetId');
    return this.sheetId;
  }

  /** 1-based position of the sheet in the spreadsheet. */
  getIndex(): number {
    this.count('getIndex');
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }

  getParent(): StandinSpreadsheet {
    this.count('getParent');
    return this.spreadsheet;
  }

  activate(): StandinSheet {
    this.count('activate');
    this.hidden = false;
    this.spreadsheet.activeSheet = this;
    this.spreadsheet.activeSpan = undefined;
    return this;
  }

  /** getRange(a1) / getRange(row, column) / getRange(row, column, numRows) / getRange(row, column, numRows, numColumns). */
  getRange(rowOrA1: unknown, column?: unknown, numRows?: unknown, numColumns?: unknown): StandinRange {
    this.count('getRange');
    if (typeof rowOrA1 === 'string' && column === undefined)
      return this.spreadsheet.rangeFromA1(rowOrA1, this);
    const numbers = [rowOrA1, column, numRows ?? 1, numColumns ?? 1].map(Number);
    if (numbers.some((n) => !Number.isFinite(n)) || column === undefined) {
      this.fail(
        `The parameters (${typeof rowOrA1}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    const span = spanOf(...(numbers.map(Math.trunc) as [number, number, number, number]));
    this.checkSpan(span);
    return new StandinRange(this, span);
  }

  /** A1 to (last row, last column) with content; A1 alone on an empty sheet. */
  getDataRange(): StandinRange {
    this.count('getDataRange');
    return new StandinRange(this, spanOf(1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn())));
  }

  getLastRow(): number {
    this.count('getLastRow');
    return this.lastRow();
  }

  getLastColumn(): number {
    this.count('getLastColumn');
    return this.lastColumn();
  }

  getMaxRows(): number {
    this.count('getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.count('getMaxColumns');
    return this.maxColumns;
  }

  /** Appends a row after the last row with content, adding a grid row when the sheet is full. */
  appendRow(rowContents: unknown[]): StandinSheet {
    this.count('appendRow');
    if (!Array.isArray(rowContents)) this.fail('Invalid argument: rowContents');
    const row = this.lastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    rowContents.forEach((value, index) => {
      const converted = toCell(value, this.formatAt(row, index + 1)?.numberFormat);
      if ('error' in converted) this.fail(converted.error);
      this.putCell(row, index + 1, converted.cell);
    });
    return this;
  }

  // --- inserting and deleting columns and rows -------------------------------------------------

  /** @internal Inserts `count` columns before column `at` (1-based), shifting everything right of it. */
  insertColumnsAt(at: number, count: number): void {
    if (
      !Number.isInteger(at) ||
      !Number.isInteger(count) ||
      count < 1 ||
      at < 1 ||
      at > this.maxColumns + 1
    ) {
      this.fail('Those columns are out of bounds.');
    }
    this.spreadsheet.checkCellBudget(count * this.maxRows);
    for (const line of this.values)
      if (line && line.length >= at) line.splice(at - 1, 0, ...Array(count).fill(''));
    for (const line of this.formats) {
      if (line && line.length >= at) line.splice(at - 1, 0, ...Array<undefined>(count).fill(undefined));
    }
    this.maxColumns += count;
    this.columnWidths = new Map(
      [...this.columnWidths].map(([column, width]) => [column >= at ? column + count : column, width]),
    );
    this.shiftMetadata('COLUMN', (start, end) => bandAfterInsert(start, end, at, count));
    this.shiftCharts('column', (start, end) => bandAfterInsert(start, end, at, count));
  }

  /** @internal Deletes columns [from, from + count - 1]. */
  deleteColumnsAt(from: number, count: number): void {
    if (!Number.isInteger(from) || !Number.isInteger(count) || count < 1 || from < 1) {
      this.fail('Those columns are out of bounds.');
    }
    if (from + count - 1 > this.maxColumns) this.fail('Those columns are out of bounds.');
    if (count >= this.maxColumns) this.fail("You can't delete all the columns on the sheet.");
    for (const line of this.values) if (line) line.splice(from - 1, count);
    for (const line of this.formats) if (line) line.splice(from - 1, count);
    this.maxColumns -= count;
    const widths = new Map<number, number>();
    for (const [column, width] of this.columnWidths) {
      if (column < from) widths.set(column, width);
      else if (column >= from + count) widths.set(column - count, width);
    }
    this.columnWidths = widths;
    this.shiftMetadata('COLUMN', (start, end) => bandAfterDelete(start, end, from, count));
    this.shiftCharts('column', (start, end) => bandAfterDelete(start, end, from, count));
  }

  /** @internal Inserts `count` rows before row `at`. */
  insertRowsAt(at: number, count: number): void {
    if (!Number.isInteger(at) || !Number.isInteger(count) || count < 1 || at < 1 || at > this.maxRows + 1) {
      this.fail('Those rows are out of bounds.');
    }
    this.spreadsheet.checkCellBudget(count * this.maxColumns);
    if (this.values.length >= at) this.values.splice(at - 1, 0, ...Array.from({ length: count }, () => []));
    if (this.formats.length >= at) this.formats.splice(at - 1, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
    this.shiftMetadata('ROW', (start, end) => bandAfterInsert(start, end, at, count));
    this.shiftCharts('row', (start, end) => bandAfterInsert(start, end, at, count));
  }

  /** @internal Deletes rows [from, from + count - 1]. */
  deleteRowsAt(from: number, count: number): void {
    if (!Number.isInteger(from) || !Number.isInteger(count) || count < 1 || from < 1) {
      this.fail('Those rows are out of bounds.');
    }
    if (from + count - 1 > this.maxRows) this.fail('Those rows are out of bounds.');
    if (count >= this.maxRows) this.fail("You can't delete all the rows on the sheet.");
    this.values.splice(from - 1, count);
    this.formats.splice(from - 1, count);
    this.maxRows -= count;
    this.shiftMetadata('ROW', (start, end) => bandAfterDelete(start, end, from, count));
    this.shiftCharts('row', (start, end) => bandAfterDelete(start, end, from, count));
  }

  /**
   * @internal Moves the band [start, end] of rows or columns before index `destination`, given in
   * coordinates before the move, as Sheet.moveColumns/moveRows document.
   */
  moveBand(dimension: 'row' | 'column', start: number, end: number, destination: number): void {
    const size = dimension === 'row' ? this.maxRows : this.maxColumns;
    if (start < 1 || end > size || destination < 1 || destination > size + 1) {
      this.fail(dimension === 'row' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    }
    if (destination >= start && destination <= end + 1) return;
    const old = Array.from({ length: size }, (_, i) => i + 1);
    const moving = old.filter((index) => index >= start && index <= end);
    const staying = old.filter((index) => index < start || index > end);
    const before = staying.filter((index) => index < destination);
    const after = staying.filter((index) => index >= destination);
    const order = [...before, ...moving, ...after];
    const newIndexOf = new Map(order.map((oldIndex, i) => [oldIndex, i + 1]));
    const map = (index: number): number => newIndexOf.get(index) ?? index;
    const band = (first: number, last: number): [number, number] => {
      const mapped = Array.from({ length: last - first + 1 }, (_, i) => map(first + i));
      return [Math.min(...mapped), Math.max(...mapped)];
    };
    if (dimension === 'row') {
      const values = this.values;
      const formats = this.formats;
      this.values = [];
      this.formats = [];
      order.forEach((oldIndex, i) => {
        if (values[oldIndex - 1]) this.values[i] = values[oldIndex - 1];
        if (formats[oldIndex - 1]) this.formats[i] = formats[oldIndex - 1];
      });
      this.values = Array.from(this.values, (line) => line ?? []);
      this.formats = Array.from(this.formats, (line) => line ?? []);
    } else {
      this.values = this.values.map((line) =>
        line ? order.map((oldIndex) => line[oldIndex - 1] ?? '') : line,
      );
      this.formats = this.formats.map((line) => (line ? order.map((oldIndex) => line[oldIndex - 1]) : line));
      this.columnWidths = new Map([...this.columnWidths].map(([column, width]) => [map(column), width]));
    }
    this.shiftMetadata(dimension === 'row' ? 'ROW' : 'COLUMN', band);
    this.shiftCharts(dimension, band);
  }

  private shiftMetadata(
    type: 'ROW' | 'COLUMN',
    move: (start: number, end: number) => [number, number] | undefined,
  ): void {
    this.spreadsheet.metadata = this.spreadsheet.metadata.filter((record) => {
      const location = record.location;
      if (location.type !== type || location.sheetId !== this.sheetId) return true;
      const band = move(location.start, location.end);
      if (!band) return false;
      [location.start, location.end] = band;
      return true;
    });
  }

  private shiftCharts(
    dimension: 'row' | 'column',
    move: (start: number, end: number) => [number, number] | undefined,
  ): void {
    for (const sheet of this.spreadsheet.sheets) {
      for (const chart of sheet.charts) {
        chart.ranges = chart.ranges.filter((range) => {
          if (range.sheetId !== this.sheetId) return true;
          const start = dimension === 'row' ? range.span.row : range.span.column;
          const size = dimension === 'row' ? range.span.numRows : range.span.numColumns;
          const band = move(start, start + size - 1);
          if (!band) return false;
          if (dimension === 'row')
            range.span = { ...range.span, row: band[0], numRows: band[1] - band[0] + 1 };
          else range.span = { ...range.span, column: band[0], numColumns: band[1] - band[0] + 1 };
          return true;
        });
        if (sheet === this) {
          const anchor = dimension === 'row' ? chart.position.anchorRow : chart.position.anchorColumn;
          const band = move(anchor, anchor);
          const moved = band ? band[0] : Math.max(1, anchor - 1);
          if (dimension === 'row') chart.position.anchorRow = moved;
          else chart.position.anchorColumn = moved;
        }
      }
    }
  }

  insertColumnsAfter(afterPosition: number, howMany: number): StandinSheet {
    this.count('insertColumnsAfter');
    this.insertColumnsAt(Number(afterPosition) + 1, Number(howMany));
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): StandinSheet {
    this.count('insertColumnsBefore');
    this.insertColumnsAt(Number(beforePosition), Number(howMany));
    return this;
  }

  insertColumnAfter(afterPosition: number): StandinSheet {
    this.count('insertColumnAfter');
    this.insertColumnsAt(Number(afterPosition) + 1, 1);
    return this;
  }

  insertColumnBefore(beforePosition: number): StandinSheet {
    this.count('insertColumnBefore');
    this.insertColumnsAt(Number(beforePosition), 1);
    return this;
  }

  /** insertColumns(columnIndex[, numColumns]): inserts before columnIndex. */
  insertColumns(columnIndex: number, numColumns?: number): void {
    this.count('insertColumns');
    this.insertColumnsAt(Number(columnIndex), numColumns === undefined ? 1 : Number(numColumns));
  }

  deleteColumn(columnPosition: number): StandinSheet {
    this.count('deleteColumn');
    this.deleteColumnsAt(Number(columnPosition), 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.count('deleteColumns');
    this.deleteColumnsAt(Number(columnPosition), Number(howMany));
  }

  insertRowsAfter(afterPosition: number, howMany: number): StandinSheet {
    this.count('insertRowsAfter');
    this.insertRowsAt(Number(afterPosition) + 1, Number(howMany));
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): StandinSheet {
    this.count('insertRowsBefore');
    this.insertRowsAt(Number(beforePosition), Number(howMany));
    return this;
  }

  insertRowAfter(afterPosition: number): StandinSheet {
    this.count('insertRowAfter');
    this.insertRowsAt(Number(afterPosition) + 1, 1);
    return this;
  }

  insertRowBefore(beforePosition: number): StandinSheet {
    this.count('insertRowBefore');
    this.insertRowsAt(Number(beforePosition), 1);
    return this;
  }

  insertRows(rowIndex: number, numRows?: number): void {
    this.count('insertRows');
    this.insertRowsAt(Number(rowIndex), numRows === undefined ? 1 : Number(numRows));
  }

  deleteRow(rowPosition: number): StandinSheet {
    this.count('deleteRow');
    this.deleteRowsAt(Number(rowPosition), 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.count('deleteRows');
    this.deleteRowsAt(Number(rowPosition), Number(howMany));
  }

  /** Moves the columns spanned by `columnSpec` before `destinationIndex` (an index from before the move). */
  moveColumns(columnSpec: StandinRange, destinationIndex: number): void {
    this.count('moveColumns');
    const { column, numColumns } = columnSpec.span;
    this.moveBand('column', column, column + numColumns - 1, Number(destinationIndex));
  }

  /** Moves the rows spanned by `rowSpec` before `destinationIndex` (an index from before the move). */
  moveRows(rowSpec: StandinRange, destinationIndex: number): void {
    this.count('moveRows');
    const { row, numRows } = rowSpec.span;
    this.moveBand('row', row, row + numRows - 1, Number(destinationIndex));
  }

  // --- visibility, clearing, layout -------------------------------------------------------------

  hideSheet(): StandinSheet {
    this.count('hideSheet');
    const visible = this.spreadsheet.sheets.filter((sheet) => !sheet.hidden && sheet !== this);
    if (visible.length === 0) this.fail("You can't hide all the sheets in a document.");
    this.hidden = true;
    if (this.spreadsheet.activeSheet === this) {
      this.spreadsheet.activeSheet = visible[0];
      this.spreadsheet.activeSpan = undefined;
    }
    return this;
  }

  showSheet(): StandinSheet {
    this.count('showSheet');
    this.hidden = false;
    return this;
  }

  /** The sheet's filter, or null. */
  getFilter(): StandinFilter | null {
    this.count('getFilter');
    return this.filter && !this.filter.removed ? this.filter : null;
  }

  /** True when the sheet's filter hides the row. */
  isRowHiddenByFilter(rowPosition: number): boolean {
    this.count('isRowHiddenByFilter');
    if (!Number.isInteger(rowPosition) || rowPosition < 1) this.fail('Invalid argument: rowPosition');
    return this.getFilterHidden(rowPosition);
  }

  /** @internal */
  getFilterHidden(row: number): boolean {
    return this.filter !== undefined && !this.filter.removed && this.filter.hiddenRows.has(row);
  }

  /** Protects the whole sheet; the script's user is an editor of it. */
  protect(): StandinProtection {
    this.count('protect');
    const record: ProtectionRecord = {
      sheet: this,
      description: '',
      userCanEdit: true,
      unprotected: [],
      removed: false,
    };
    this.spreadsheet.protections.push(record);
    return new StandinProtection(record, (sheet, span) => new StandinRange(sheet, span));
  }

  getProtections(type: unknown): StandinProtection[] {
    const realm = this.count('getProtections');
    const all = this.spreadsheet.getProtections(type);
    return realm.array([...all].filter((protection) => protection.record.sheet === this));
  }

  isSheetHidden(): boolean {
    this.count('isSheetHidden');
    return this.hidden;
  }

  /** Clears contents and formats. */
  clear(): StandinSheet {
    this.count('clear');
    this.spreadsheet.checkEditable(this, spanOf(1, 1, this.maxRows, this.maxColumns));
    this.values = [];
    this.formats = [];
    return this;
  }

  clearContents(): StandinSheet {
    this.count('clearContents');
    this.spreadsheet.checkEditable(this, spanOf(1, 1, this.maxRows, this.maxColumns));
    this.values = [];
    return this;
  }

  clearFormats(): StandinSheet {
    this.count('clearFormats');
    this.formats = [];
    return this;
  }

  setFrozenRows(rows: number): void {
    this.count('setFrozenRows');
    if (rows < 0 || rows > this.maxRows) this.fail('Those rows are out of bounds.');
    this.frozenRows = Number(rows);
  }

  getFrozenRows(): number {
    this.count('getFrozenRows');
    return this.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.count('setFrozenColumns');
    if (columns < 0 || columns > this.maxColumns) this.fail('Those columns are out of bounds.');
    this.frozenColumns = Number(columns);
  }

  getFrozenColumns(): number {
    this.count('getFrozenColumns');
    return this.frozenColumns;
  }

  autoResizeColumns(startColumn: number, numColumns: number): StandinSheet {
    this.count('autoResizeColumns');
    if (startColumn < 1 || startColumn + numColumns - 1 > this.maxColumns)
      this.fail('Those columns are out of bounds.');
    return this;
  }

  autoResizeColumn(columnPosition: number): StandinSheet {
    this.count('autoResizeColumn');
    if (columnPosition < 1 || columnPosition > this.maxColumns) this.fail('Those columns are out of bounds.');
    return this;
  }

  setColumnWidth(columnPosition: number, width: number): StandinSheet {
    this.count('setColumnWidth');
    if (columnPosition < 1 || columnPosition > this.maxColumns) this.fail('Those columns are out of bounds.');
    this.columnWidths.set(Number(columnPosition), Number(width));
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): StandinSheet {
    this.count('setColumnWidths');
    if (startColumn < 1 || startColumn + numColumns - 1 > this.maxColumns)
      this.fail('Those columns are out of bounds.');
    for (let column = startColumn; column < startColumn + numColumns; column += 1)
      this.columnWidths.set(column, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.count('getColumnWidth');
    return this.columnWidths.get(Number(columnPosition)) ?? 100;
  }

  // --- charts ------------------------------------------------------------------------------------

  newChart(): EmbeddedChartBuilder {
    this.count('newChart');
    return new EmbeddedChartBuilder(this, undefined);
  }

  insertChart(chart: EmbeddedChart): void {
    this.count('insertChart');
    if (!(chart instanceof EmbeddedChart)) this.fail('Invalid argument: chart');
    const record = chart.record;
    if (this.charts.includes(record)) return;
    record.chartId = this.spreadsheet.nextChartId;
    this.spreadsheet.nextChartId += 1;
    this.charts.push(record);
  }

  getCharts(): EmbeddedChart[] {
    const realm = this.count('getCharts');
    return realm.array(this.charts.map((record) => new EmbeddedChart(this, record)));
  }

  removeChart(chart: EmbeddedChart): void {
    this.count('removeChart');
    const index = this.charts.findIndex((record) => record.chartId === chart.record.chartId);
    if (index < 0) this.fail('Invalid argument: chart');
    this.charts.splice(index, 1);
  }

  updateChart(chart: EmbeddedChart): void {
    this.count('updateChart');
    const index = this.charts.findIndex((record) => record.chartId === chart.record.chartId);
    if (index < 0) this.fail('Invalid argument: chart');
    this.charts[index] = chart.record;
  }

  // --- developer metadata --------------------------------------------------------------------------

  /** Metadata located on this sheet itself (not on its rows or columns). */
  getDeveloperMetadata(): DeveloperMetadata[] {
    const realm = this.count('getDeveloperMetadata');
    return realm.array(
      this.spreadsheet.metadata
        .filter((record) => record.location.type === 'SHEET' && record.location.sheetId === this.sheetId)
        .map((record) => new DeveloperMetadata(this.spreadsheet, record)),
    );
  }

  addDeveloperMetadata(key: string, ...rest: unknown[]): StandinSheet {
    this.count('addDeveloperMetadata');
    this.spreadsheet.newMetadata(key, rest, { type: 'SHEET', sheetId: this.sheetId });
    return this;
  }

  /** Searches metadata on this sheet and on its rows and columns. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    this.count('createDeveloperMetadataFinder');
    return new DeveloperMetadataFinder(
      this.spreadsheet,
      (record) => record.location.type !== 'SPREADSHEET' && record.location.sheetId === this.sheetId,
      undefined,
    );
  }
}

/** Range: a rectangle of one sheet; reads and writes go straight to the sheet. */
export class StandinRange {
  constructor(
    readonly sheet: StandinSheet,
    readonly span: GridSpan,
  ) {}

  private count(method: string): Realm {
    if (this.sheet.deleted) this.sheet.fail('The sheet was deleted.');
    return this.sheet.spreadsheet.count(method, 'Range');
  }

  private fail(message: string): never {
    return this.sheet.fail(message);
  }

  private forEachCell(visit: (row: number, column: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.span.numRows; i += 1) {
      for (let j = 0; j < this.span.numColumns; j += 1) visit(this.span.row + i, this.span.column + j, i, j);
    }
  }

  private readGrid<T>(read: (row: number, column: number) => T): T[][] {
    const grid: T[][] = [];
    for (let i = 0; i < this.span.numRows; i += 1) {
      const line: T[] = [];
      for (let j = 0; j < this.span.numColumns; j += 1)
        line.push(read(this.span.row + i, this.span.column + j));
      grid.push(line);
    }
    return grid;
  }

  /** Values by row then column: '' for empty cells, numbers, booleans, Dates (of the script's realm), strings. */
  getValues(): Cell[][] {
    const realm = this.count('getValues');
    return realm.grid(this.readGrid((row, column) => this.sheet.cellAt(row, column)));
  }

  /** Values as the UI shows them, as strings. */
  getDisplayValues(): string[][] {
    const realm = this.count('getDisplayValues');
    const grid = this.readGrid((row, column) =>
      displayCell(this.sheet.cellAt(row, column), this.sheet.formatAt(row, column)),
    );
    return realm.grid(grid) as string[][];
  }

  /** Formulas ('=…') by cell, '' where a cell holds a plain value. */
  getFormulas(): string[][] {
    const realm = this.count('getFormulas');
    const grid = this.readGrid((row, column) => {
      const cell = this.sheet.cellAt(row, column);
      return typeof cell === 'string' && cell.startsWith('=') ? cell : '';
    });
    return realm.grid(grid) as string[][];
  }

  /** The top-left cell's value. */
  getValue(): Cell {
    const realm = this.count('getValue');
    return realm.value(this.sheet.cellAt(this.span.row, this.span.column));
  }

  getDisplayValue(): string {
    this.count('getDisplayValue');
    return displayCell(
      this.sheet.cellAt(this.span.row, this.span.column),
      this.sheet.formatAt(this.span.row, this.span.column),
    );
  }

  /**
   * Writes a 2-D array whose size matches the range exactly, with Google's messages otherwise.
   * Strings are taken as typed input (see cells.ts).
   */
  setValues(values: unknown): StandinRange {
    this.count('setValues');
    if (!Array.isArray(values)) {
      this.fail(
        `The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.Range.setValues.`,
      );
    }
    if (values.length !== this.span.numRows) {
      this.fail(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.span.numRows}.`,
      );
    }
    const converted: Cell[][] = [];
    values.forEach((line: unknown, i) => {
      if (!Array.isArray(line)) {
        this.fail(
          `The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.Range.setValues.`,
        );
      }
      if (line.length !== this.span.numColumns) {
        this.fail(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.span.numColumns}.`,
        );
      }
      converted.push(
        line.map((value: unknown, j) => {
          const result = toCell(
            value,
            this.sheet.formatAt(this.span.row + i, this.span.column + j)?.numberFormat,
          );
          if ('error' in result) this.fail(result.error);
          return result.cell;
        }),
      );
    });
    this.sheet.spreadsheet.checkEditable(this.sheet, this.span);
    this.forEachCell((row, column, i, j) => this.sheet.putCell(row, column, converted[i][j]));
    return this;
  }

  /** Writes one value to every cell of the range (Google writes it to each cell). */
  setValue(value: unknown): StandinRange {
    this.count('setValue');
    this.sheet.spreadsheet.checkEditable(this.sheet, this.span);
    this.forEachCell((row, column) => {
      const result = toCell(value, this.sheet.formatAt(row, column)?.numberFormat);
      if ('error' in result) this.fail(result.error);
      this.sheet.putCell(row, column, result.cell);
    });
    return this;
  }

  setFormula(formula: string): StandinRange {
    this.count('setFormula');
    const text = String(formula);
    this.forEachCell((row, column) =>
      this.sheet.putCell(row, column, text.startsWith('=') ? text : `=${text}`),
    );
    return this;
  }

  getA1Notation(): string {
    this.count('getA1Notation');
    return formatA1(this.span);
  }

  /** The merged blocks that touch this range. */
  getMergedRanges(): StandinRange[] {
    const realm = this.count('getMergedRanges');
    return realm.array(
      this.sheet.merges
        .filter((merge) => spansIntersect(merge, this.span))
        .map((merge) => new StandinRange(this.sheet, merge)),
    );
  }

  /** Merges the range into one block; only the top-left value is kept, as in Sheets. */
  merge(): StandinRange {
    this.count('merge');
    if (this.sheet.merges.some((merge) => spansIntersect(merge, this.span))) {
      this.fail('You must select all cells in a merged range to merge or unmerge them.');
    }
    this.sheet.spreadsheet.checkEditable(this.sheet, this.span);
    this.forEachCell((row, column, i, j) => {
      if (i > 0 || j > 0) this.sheet.putCell(row, column, '');
    });
    this.sheet.merges.push({ ...this.span });
    return this;
  }

  isPartOfMerge(): boolean {
    this.count('isPartOfMerge');
    return this.sheet.merges.some((merge) => spansIntersect(merge, this.span));
  }

  /** Protects the range; the script's user is an editor of it. */
  protect(): StandinProtection {
    this.count('protect');
    const record: ProtectionRecord = {
      sheet: this.sheet,
      span: { ...this.span },
      description: '',
      userCanEdit: true,
      unprotected: [],
      removed: false,
    };
    this.sheet.spreadsheet.protections.push(record);
    return new StandinProtection(record, (sheet, span) => new StandinRange(sheet, span));
  }

  /** Creates the sheet's filter over this range (a sheet has at most one). */
  createFilter(): StandinFilter {
    this.count('createFilter');
    if (this.sheet.filter && !this.sheet.filter.removed)
      this.fail("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filter = new StandinFilter(
      this.sheet,
      { ...this.span },
      (sheet, span) => new StandinRange(sheet, span),
    );
    return this.sheet.filter;
  }

  getRow(): number {
    this.count('getRow');
    return this.span.row;
  }

  getColumn(): number {
    this.count('getColumn');
    return this.span.column;
  }

  getLastRow(): number {
    this.count('getLastRow');
    return this.span.row + this.span.numRows - 1;
  }

  getLastColumn(): number {
    this.count('getLastColumn');
    return this.span.column + this.span.numColumns - 1;
  }

  getNumRows(): number {
    this.count('getNumRows');
    return this.span.numRows;
  }

  getNumColumns(): number {
    this.count('getNumColumns');
    return this.span.numColumns;
  }

  getHeight(): number {
    this.count('getHeight');
    return this.span.numRows;
  }

  getWidth(): number {
    this.count('getWidth');
    return this.span.numColumns;
  }

  getSheet(): StandinSheet {
    this.count('getSheet');
    return this.sheet;
  }

  /** getCell(row, column), relative to the range's top-left, 1-based. */
  getCell(row: number, column: number): StandinRange {
    this.count('getCell');
    if (row < 1 || column < 1 || row > this.span.numRows || column > this.span.numColumns) {
      this.fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new StandinRange(this.sheet, spanOf(this.span.row + row - 1, this.span.column + column - 1, 1, 1));
  }

  /** offset(rowOffset, columnOffset[, numRows[, numColumns]]). */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): StandinRange {
    this.count('offset');
    const span = spanOf(
      this.span.row + Number(rowOffset),
      this.span.column + Number(columnOffset),
      numRows === undefined ? this.span.numRows : Number(numRows),
      numColumns === undefined ? this.span.numColumns : Number(numColumns),
    );
    this.sheet.checkSpan(span);
    return new StandinRange(this.sheet, span);
  }

  activate(): StandinRange {
    this.count('activate');
    this.sheet.spreadsheet.activeSheet = this.sheet;
    this.sheet.spreadsheet.activeSpan = { ...this.span };
    return this;
  }

  isBlank(): boolean {
    this.count('isBlank');
    let blank = true;
    this.forEachCell((row, column) => {
      if (isFilled(this.sheet.cellAt(row, column))) blank = false;
    });
    return blank;
  }

  /** clear() clears contents and formats; clear({ contentsOnly, formatOnly }) clears one of them. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): StandinRange {
    this.count('clear');
    const contents = !options?.formatOnly || options.contentsOnly === true;
    const formats = !options?.contentsOnly || options.formatOnly === true;
    this.forEachCell((row, column) => {
      if (contents && this.sheet.values[row - 1]) this.sheet.putCell(row, column, '');
      if (formats) this.sheet.updateFormat(row, column, undefined);
    });
    return this;
  }

  clearContent(): StandinRange {
    this.count('clearContent');
    this.forEachCell((row, column) => {
      if (this.sheet.values[row - 1]) this.sheet.putCell(row, column, '');
    });
    return this;
  }

  clearFormat(): StandinRange {
    this.count('clearFormat');
    this.forEachCell((row, column) => this.sheet.updateFormat(row, column, undefined));
    return this;
  }

  private format(method: string, change: CellFormat): StandinRange {
    this.count(method);
    this.forEachCell((row, column) => this.sheet.updateFormat(row, column, change));
    return this;
  }

  private formatEach(method: string, grid: unknown, make: (value: unknown) => CellFormat): StandinRange {
    this.count(method);
    if (!Array.isArray(grid) || grid.length !== this.span.numRows) {
      this.fail(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(grid) ? grid.length : 0} but the range has ${this.span.numRows}.`,
      );
    }
    grid.forEach((line: unknown) => {
      if (!Array.isArray(line) || line.length !== this.span.numColumns) {
        this.fail(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${this.span.numColumns}.`,
        );
      }
    });
    this.forEachCell((row, column, i, j) =>
      this.sheet.updateFormat(row, column, make((grid as unknown[][])[i][j])),
    );
    return this;
  }

  setNumberFormat(numberFormat: string): StandinRange {
    return this.format('setNumberFormat', { numberFormat: String(numberFormat) });
  }

  setNumberFormats(numberFormats: string[][]): StandinRange {
    return this.formatEach('setNumberFormats', numberFormats, (value) => ({ numberFormat: String(value) }));
  }

  getNumberFormat(): string {
    this.count('getNumberFormat');
    return this.sheet.formatAt(this.span.row, this.span.column)?.numberFormat ?? 'General';
  }

  getNumberFormats(): string[][] {
    const realm = this.count('getNumberFormats');
    return realm.grid(
      this.readGrid((row, column) => this.sheet.formatAt(row, column)?.numberFormat ?? 'General'),
    ) as string[][];
  }

  setFontWeight(fontWeight: string | null): StandinRange {
    return this.format('setFontWeight', { fontWeight: fontWeight === null ? 'normal' : String(fontWeight) });
  }

  setFontWeights(fontWeights: string[][]): StandinRange {
    return this.formatEach('setFontWeights', fontWeights, (value) => ({ fontWeight: String(value) }));
  }

  getFontWeight(): string {
    this.count('getFontWeight');
    return this.sheet.formatAt(this.span.row, this.span.column)?.fontWeight ?? 'normal';
  }

  setFontColor(color: string | null): StandinRange {
    return this.format('setFontColor', { fontColor: color === null ? '#000000' : String(color) });
  }

  setBackground(color: string | null): StandinRange {
    return this.format('setBackground', { background: color === null ? '#ffffff' : String(color) });
  }

  setBackgrounds(colors: string[][]): StandinRange {
    return this.formatEach('setBackgrounds', colors, (value) => ({ background: String(value) }));
  }

  getBackground(): string {
    this.count('getBackground');
    return this.sheet.formatAt(this.span.row, this.span.column)?.background ?? '#ffffff';
  }

  setHorizontalAlignment(alignment: string | null): StandinRange {
    return this.format('setHorizontalAlignment', {
      horizontalAlignment: alignment === null ? 'general' : String(alignment),
    });
  }

  setWrap(isWrapEnabled: boolean): StandinRange {
    return this.format('setWrap', { wrap: Boolean(isWrapEnabled) });
  }

  getWrap(): boolean {
    this.count('getWrap');
    return this.sheet.formatAt(this.span.row, this.span.column)?.wrap ?? true;
  }

  // --- developer metadata --------------------------------------------------------------------------

  /** The ROW or COLUMN location this range denotes, if it is whole rows or whole columns. */
  private dimensionLocation(): MetadataLocation | undefined {
    const { span, sheet } = this;
    if (span.row === 1 && span.numRows === sheet.maxRows) {
      return {
        type: 'COLUMN',
        sheetId: sheet.sheetId,
        start: span.column,
        end: span.column + span.numColumns - 1,
      };
    }
    if (span.column === 1 && span.numColumns === sheet.maxColumns) {
      return { type: 'ROW', sheetId: sheet.sheetId, start: span.row, end: span.row + span.numRows - 1 };
    }
    return undefined;
  }

  /** Only whole rows or whole columns can carry metadata, as Google documents. */
  addDeveloperMetadata(key: string, ...rest: unknown[]): StandinRange {
    this.count('addDeveloperMetadata');
    const location = this.dimensionLocation();
    if (!location) {
      this.fail(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    this.sheet.spreadsheet.newMetadata(key, rest, location);
    return this;
  }

  /** Metadata whose location is exactly these rows or columns. */
  getDeveloperMetadata(): DeveloperMetadata[] {
    const realm = this.count('getDeveloperMetadata');
    const location = this.dimensionLocation();
    const found = location
      ? this.sheet.spreadsheet.metadata.filter((record) => sameLocation(record.location, location))
      : [];
    return realm.array(found.map((record) => new DeveloperMetadata(this.sheet.spreadsheet, record)));
  }

  /** Searches metadata located exactly on this range, or intersecting it after onIntersectingLocations(). */
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    this.count('createDeveloperMetadataFinder');
    const location = this.dimensionLocation();
    const exact = (record: MetadataRecord): boolean =>
      location !== undefined && sameLocation(record.location, location);
    const intersecting = (record: MetadataRecord): boolean => {
      const where = record.location;
      if (where.type !== 'ROW' && where.type !== 'COLUMN') return false;
      if (where.sheetId !== this.sheet.sheetId) return false;
      const [first, size] =
        where.type === 'ROW' ? [this.span.row, this.span.numRows] : [this.span.column, this.span.numColumns];
      return where.start <= first + size - 1 && where.end >= first;
    };
    return new DeveloperMetadataFinder(this.sheet.spreadsheet, exact, intersecting);
  }
}

function sameLocation(a: MetadataLocation, b: MetadataLocation): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'SPREADSHEET' || b.type === 'SPREADSHEET') return true;
  if (a.sheetId !== b.sheetId) return false;
  if (a.type === 'SHEET' || b.type === 'SHEET') return true;
  return a.start === b.start && a.end === b.end;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'number[]';
  const kind = typeof value;
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** DeveloperMetadata: a key, optional value and visibility attached to a location. */
export class DeveloperMetadata {
  constructor(
    private readonly spreadsheet: StandinSpreadsheet,
    readonly record: MetadataRecord,
  ) {}

  private count(method: string): Realm {
    return this.spreadsheet.count(method, 'DeveloperMetadata');
  }

  getId(): number {
    this.count('getId');
    return this.record.id;
  }

  getKey(): string {
    this.count('getKey');
    return this.record.key;
  }

  /** The value, or null when none was set. */
  getValue(): string | null {
    this.count('getValue');
    return this.record.value;
  }

  getVisibility(): EnumValue {
    this.count('getVisibility');
    return DeveloperMetadataVisibility[this.record.visibility];
  }

  getLocation(): DeveloperMetadataLocation {
    this.count('getLocation');
    return new DeveloperMetadataLocation(this.spreadsheet, this.record.location);
  }

  setKey(key: string): DeveloperMetadata {
    this.count('setKey');
    this.record.key = String(key);
    return this;
  }

  setValue(value: string): DeveloperMetadata {
    this.count('setValue');
    this.record.value = String(value);
    return this;
  }

  setVisibility(visibility: EnumValue): DeveloperMetadata {
    this.count('setVisibility');
    this.record.visibility = enumMember(DeveloperMetadataVisibility, visibility, 'visibility').name();
    return this;
  }

  /** Moves the metadata to the given column(s); the range must be whole columns. */
  moveToColumn(column: StandinRange): DeveloperMetadata {
    this.count('moveToColumn');
    if (!(column instanceof StandinRange)) this.spreadsheet.fail('Invalid argument: column');
    this.record.location = {
      type: 'COLUMN',
      sheetId: column.sheet.sheetId,
      start: column.span.column,
      end: column.span.column + column.span.numColumns - 1,
    };
    return this;
  }

  moveToRow(row: StandinRange): DeveloperMetadata {
    this.count('moveToRow');
    if (!(row instanceof StandinRange)) this.spreadsheet.fail('Invalid argument: row');
    this.record.location = {
      type: 'ROW',
      sheetId: row.sheet.sheetId,
      start: row.span.row,
      end: row.span.row + row.span.numRows - 1,
    };
    return this;
  }

  moveToSheet(sheet: StandinSheet): DeveloperMetadata {
    this.count('moveToSheet');
    this.record.location = { type: 'SHEET', sheetId: sheet.sheetId };
    return this;
  }

  moveToSpreadsheet(): DeveloperMetadata {
    this.count('moveToSpreadsheet');
    this.record.location = { type: 'SPREADSHEET' };
    return this;
  }

  remove(): void {
    this.count('remove');
    this.spreadsheet.metadata = this.spreadsheet.metadata.filter((record) => record.id !== this.record.id);
  }
}

/** Where a piece of developer metadata lives. */
export class DeveloperMetadataLocation {
  constructor(
    private readonly spreadsheet: StandinSpreadsheet,
    private readonly location: MetadataLocation,
  ) {}

  private count(method: string): Realm {
    return this.spreadsheet.count(method, 'DeveloperMetadataLocation');
  }

  getLocationType(): EnumValue {
    this.count('getLocationType');
    return DeveloperMetadataLocationType[this.location.type];
  }

  /** The whole column(s) for COLUMN metadata, else null. */
  getColumn(): StandinRange | null {
    this.count('getColumn');
    const where = this.location;
    if (where.type !== 'COLUMN') return null;
    const sheet = this.spreadsheet.sheetById(where.sheetId);
    if (!sheet) return null;
    return new StandinRange(sheet, {
      row: 1,
      column: where.start,
      numRows: sheet.maxRows,
      numColumns: where.end - where.start + 1,
      wholeColumns: true,
      wholeRows: false,
    });
  }

  /** The whole row(s) for ROW metadata, else null. */
  getRow(): StandinRange | null {
    this.count('getRow');
    const where = this.location;
    if (where.type !== 'ROW') return null;
    const sheet = this.spreadsheet.sheetById(where.sheetId);
    if (!sheet) return null;
    return new StandinRange(sheet, {
      row: where.start,
      column: 1,
      numRows: where.end - where.start + 1,
      numColumns: sheet.maxColumns,
      wholeColumns: false,
      wholeRows: true,
    });
  }

  /** The sheet for SHEET, ROW and COLUMN metadata, else null. */
  getSheet(): StandinSheet | null {
    this.count('getSheet');
    if (this.location.type === 'SPREADSHEET') return null;
    return this.spreadsheet.sheetById(this.location.sheetId) ?? null;
  }

  /** The spreadsheet for SPREADSHEET metadata, else null. */
  getSpreadsheet(): StandinSpreadsheet | null {
    this.count('getSpreadsheet');
    return this.location.type === 'SPREADSHEET' ? this.spreadsheet : null;
  }
}

/** DeveloperMetadataFinder: filters are ANDed; find() runs the search. */
export class DeveloperMetadataFinder {
  private filters: ((record: MetadataRecord) => boolean)[] = [];
  private intersecting = false;

  constructor(
    private readonly spreadsheet: StandinSpreadsheet,
    private readonly scope: (record: MetadataRecord) => boolean,
    private readonly intersectingScope: ((record: MetadataRecord) => boolean) | undefined,
  ) {}

  private chain(method: string, filter?: (record: MetadataRecord) => boolean): DeveloperMetadataFinder {
    this.spreadsheet.count(method, 'DeveloperMetadataFinder');
    if (filter) this.filters.push(filter);
    return this;
  }

  withKey(key: string): DeveloperMetadataFinder {
    return this.chain('withKey', (record) => record.key === String(key));
  }

  withValue(value: string): DeveloperMetadataFinder {
    return this.chain('withValue', (record) => record.value === String(value));
  }

  withId(id: number): DeveloperMetadataFinder {
    return this.chain('withId', (record) => record.id === Number(id));
  }

  withLocationType(locationType: EnumValue): DeveloperMetadataFinder {
    const name = enumMember(DeveloperMetadataLocationType, locationType, 'location type').name();
    return this.chain('withLocationType', (record) => record.location.type === name);
  }

  withVisibility(visibility: EnumValue): DeveloperMetadataFinder {
    const name = enumMember(DeveloperMetadataVisibility, visibility, 'visibility').name();
    return this.chain('withVisibility', (record) => record.visibility === name);
  }

  /** Only valid for range-scoped searches, as documented. */
  onIntersectingLocations(): DeveloperMetadataFinder {
    if (!this.intersectingScope) {
      this.spreadsheet.fail('onIntersectingLocations() is only valid for range-scoped searches.');
    }
    this.intersecting = true;
    return this.chain('onIntersectingLocations');
  }

  find(): DeveloperMetadata[] {
    const realm = this.spreadsheet.count('find', 'DeveloperMetadataFinder');
    const scope = this.intersecting && this.intersectingScope ? this.intersectingScope : this.scope;
    return realm.array(
      this.spreadsheet.metadata
        .filter((record) => scope(record) && this.filters.every((filter) => filter(record)))
        .map((record) => new DeveloperMetadata(this.spreadsheet, record)),
    );
  }
}
