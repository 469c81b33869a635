/**
 * Tables as users hand them to us: the 2-D array Sheets' `getValues()` returns, or CSV/TSV text.
 * Both become one {@link Table}: unique headers, rectangular rows, and the row number a person sees.
 */
import { SegmentationError } from '../schema/errors';
import { widestRow } from './extent';

/** A cell exactly as `Range.getValues()` returns it ('' for empty); CSV cells are strings. */
export type Cell = string | number | boolean | Date | null | undefined;

export interface Table {
  headers: string[];
  rows: Cell[][];
  /** For each row, its 1-based number in the sheet or file (the header is usually row 1). */
  rowNumbers: number[];
  /** 1-based row number of the header. */
  headerRowNumber: number;
}

/** Options for {@link parseDelimited}. */
export interface ParseDelimitedOptions {
  /** Field separator; default: tab when the first line has more tabs than commas, else comma. */
  delimiter?: ',' | '\t' | ';';
  /** Name used in error messages, e.g. the file name. Default 'the file'. */
  source?: string;
}

/**
 * Parses CSV/TSV text (RFC 4180 quoting, CRLF or LF, a leading BOM, blank trailing lines, no final
 * newline) into a {@link Table}. Quoted fields may hold delimiters, quotes ("") and newlines.
 * @throws SegmentationError EMPTY_TABLE, NO_DATA_ROWS, DUPLICATE_HEADER, RAGGED_ROW (naming the line)
 * @example parseDelimited('a,b\n1,2\n').rows // [['1', '2']]
 */
export function parseDelimited(text: string, options: ParseDelimitedOptions = {}): Table {
  const source = options.source ?? 'the file';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(body);
  // Fields and line numbers of each record in two parallel arrays: no object per row.
  const records: string[][] = [];
  const recordLines: number[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    // A line with nothing on it is a blank line, not a record of one empty field.
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) {
      records.push(fields);
      recordLines.push(recordLine);
    }
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // The rest of an unquoted field up to the next delimiter or line end, as one slice: adding it
      // a character at a time builds a rope per field (most of the parse time on a million rows).
      // A quote inside it is an ordinary character, as it is after the first one.
      let end = i + 1;
      while (end < body.length) {
        const next = body[end];
        if (next === delimiter || next === '\n' || next === '\r') break;
        end++;
      }
      field += body.slice(i, end);
      fieldStarted = true;
      i = end - 1;
    }
  }
  if (quoted) {
    throw new SegmentationError(
      'RAGGED_ROW',
      `${source}: line ${recordLine} opens a quote (") that is never closed`,
      {
        row: recordLine,
      },
    );
  }
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();

  if (records.length === 0)
    throw new SegmentationError(
      'EMPTY_TABLE',
      `${source} is empty: expected a header line and rows of customers`,
    );
  const headerLine = recordLines[0];
  const headers = normaliseHeaders(records[0], source, headerLine);
  for (let r = 1; r < records.length; r++) {
    if (records[r].length !== headers.length) {
      throw new SegmentationError(
        'RAGGED_ROW',
        `${source}: line ${recordLines[r]} has ${records[r].length} fields but the header has ${headers.length}; check for a missing or extra "${delimiter === '\t' ? 'tab' : delimiter}" or an unquoted value containing one`,
        { row: recordLines[r] },
      );
    }
  }
  if (records.length === 1) {
    throw new SegmentationError('NO_DATA_ROWS', `${source} has a header but no customer rows`, {
      row: headerLine,
    });
  }
  return {
    headers,
    rows: records.slice(1),
    rowNumbers: recordLines.slice(1),
    headerRowNumber: headerLine,
  };
}

function detectDelimiter(text: string): ',' | '\t' | ';' {
  const end = text.search(/\r|\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semicolons = count(';');
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

/** Options for {@link tableFromCells}. */
export interface TableFromCellsOptions {
  /** 0-based index of the header row; default: the first row with a non-empty cell. */
  headerRow?: number;
  /** Sheet row number of `cells[0]` (1-based); default 1. */
  firstRowNumber?: number;
  /** Name used in error messages. Default 'the sheet'. */
  source?: string;
}

/**
 * Builds a {@link Table} from the 2-D array `Range.getValues()` returns: header row, then rows of
 * numbers, strings, booleans, Dates and '' for empty. Fully empty rows after the header are skipped
 * (a sheet's data range often ends in blank rows); fully empty columns without a header are ignored.
 * @throws SegmentationError EMPTY_TABLE, NO_DATA_ROWS, DUPLICATE_HEADER
 * @example tableFromCells([['Age'], [31], [42]]).rows // [[31], [42]]
 */
export function tableFromCells(cells: Cell[][], options: TableFromCellsOptions = {}): Table {
  const source = options.source ?? 'the sheet';
  const firstRowNumber = options.firstRowNumber ?? 1;
  const headerIndex = options.headerRow ?? cells.findIndex((row) => row.some((cell) => !isEmptyCell(cell)));
  if (headerIndex < 0 || headerIndex >= cells.length) {
    throw new SegmentationError(
      'EMPTY_TABLE',
      `${source} is empty: expected a header row and rows of customers`,
    );
  }
  const headerCells = cells[headerIndex];
  const width = widestRow(cells);
  // Keep columns that have a header or any data; drop trailing empty ones.
  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    const hasHeader = !isEmptyCell(headerCells[c]);
    const hasData = hasHeader || cells.some((row, r) => r > headerIndex && !isEmptyCell(row[c]));
    if (hasData) keep.push(c);
  }
  const headerRowNumber = firstRowNumber + headerIndex;
  const headers = normaliseHeaders(
    keep.map((c) => (isEmptyCell(headerCells[c]) ? '' : cellText(headerCells[c]))),
    source,
    headerRowNumber,
    keep,
  );
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  for (let r = headerIndex + 1; r < cells.length; r++) {
    const row = cells[r];
    if (keep.every((c) => isEmptyCell(row[c]))) continue;
    rows.push(keep.map((c) => row[c] ?? ''));
    rowNumbers.push(firstRowNumber + r);
  }
  if (rows.length === 0) {
    throw new SegmentationError(
      'NO_DATA_ROWS',
      `${source} has a header (row ${headerRowNumber}) but no customer rows below it`,
      {
        row: headerRowNumber,
      },
    );
  }
  return { headers, rows, rowNumbers, headerRowNumber };
}

function normaliseHeaders(raw: string[], source: string, row: number, columnIndexes?: number[]): string[] {
  const headers = raw.map((name, i) => {
    const trimmed = name.replace(/\s+/g, ' ').trim();
    return trimmed === '' ? `Column ${columnLetter(columnIndexes ? columnIndexes[i] : i)}` : trimmed;
  });
  const seen = new Map<string, number>();
  headers.forEach((name, i) => {
    const key = name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new SegmentationError(
        'DUPLICATE_HEADER',
        `${source}: the header (row ${row}) has two columns named "${name}" (columns ${columnLetter(columnIndexes ? columnIndexes[earlier] : earlier)} and ${columnLetter(columnIndexes ? columnIndexes[i] : i)}); rename one so each column can be told apart`,
        { row, column: name },
      );
    }
    seen.set(key, i);
  });
  return headers;
}

/**
 * A 0-based column index as a sheet letter: 0 → A, 26 → AA.
 * @example [columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(52)] // ['A', 'Z', 'AA', 'BA']
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * True for '', null, undefined and whitespace-only strings.
 * @example [isEmptyCell('  '), isEmptyCell(null), isEmptyCell(0)] // [true, true, false]
 */
export function isEmptyCell(cell: Cell): boolean {
  return (
    cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
  );
}

/**
 * A cell as display text (Dates as ISO dates, numbers as JavaScript prints them).
 * @example cellText(new Date('2024-01-02T00:00:00Z')) // '2024-01-02'
 */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
