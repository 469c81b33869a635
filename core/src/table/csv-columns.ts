/**
 * CSV/TSV text straight into typed columns, in one pass: a column whose cells are all plain numbers
 * (or missing) becomes a Float64Array (NaN = missing); any other column is dictionary-coded (an
 * Int32Array of codes into its distinct texts). No array per row and no string per numeric cell is
 * kept; each record's place in the text is, so a writer can copy the input's lines unchanged.
 * Same dialect and the same errors as {@link parseDelimited}.
 */
import { SegmentationError } from '../schema/errors';
import { isMissingCell, MAX_ABS_VALUE } from './columns';
import { type Cell, columnLetter, type ParseDelimitedOptions, type Table } from './table';

/** A column of plain numbers; NaN marks a missing cell (empty, NA, null…). */
export interface TypedNumberColumn {
  kind: 'number';
  values: Float64Array;
  /**
   * True when every number is written exactly as `String(value)` prints it ("1.5", not "1.50",
   * "01.5" or "1.5e0") and every missing cell is empty: then `String(value)` (or '') is the cell's
   * text, so code written for text cells reads the column exactly as it reads `parseDelimited`'s.
   */
  canonical: boolean;
}

/** Any other column: `codes[r]` indexes `dictionary` (each distinct cell text once). */
export interface CodedColumn {
  kind: 'coded';
  codes: Int32Array;
  dictionary: string[];
}

export type TypedColumn = TypedNumberColumn | CodedColumn;

/** A table held column by column (see {@link parseCsvColumns}). */
export interface TypedTable {
  headers: string[];
  columns: TypedColumn[];
  rowCount: number;
  /** 1-based line of each record's start in the text (the row number a person sees). */
  rowNumbers: Int32Array;
  headerRowNumber: number;
  /** The parsed text (without a BOM) and each record's [start, end) in it, line break excluded. */
  text: string;
  recordStart: Int32Array;
  recordEnd: Int32Array;
  delimiter: ',' | '\t' | ';';
}

/** Options of {@link parseCsvColumns}. */
export interface ParseCsvColumnsOptions extends ParseDelimitedOptions {
  /**
   * Keep a column as numbers only when it is canonical (see {@link TypedNumberColumn.canonical}):
   * a column with "0001", "1.50" or "NA" is dictionary-coded instead, so every cell keeps its text.
   * Default false.
   */
  exactText?: boolean;
}

/**
 * Parses CSV/TSV text into typed columns.
 * @throws SegmentationError EMPTY_TABLE, NO_DATA_ROWS, DUPLICATE_HEADER, RAGGED_ROW (naming the line)
 * @example parseCsvColumns('a,b\n1,x\n2,y\n').columns[0].kind // 'number'
 */
export function parseCsvColumns(text: string, options: ParseCsvColumnsOptions = {}): TypedTable {
  const source = options.source ?? 'the file';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > 2_000_000_000) throw new SegmentationError('EMPTY_TABLE', `${source} is too large`);
  const delimiter = options.delimiter ?? detectDelimiter(body);
  // A column that turns out not to be numeric is parsed again as coded (rare: a second pass).
  const coded = new Set<number>();
  for (;;) {
    const result = parsePass(body, delimiter, source, coded, options.exactText === true);
    if (result.demote === undefined) return result.table;
    coded.add(result.demote);
  }
}

interface ColumnBuilder {
  number: boolean;
  canonical: boolean;
  values: Float64Array;
  codes: Int32Array;
  dictionary: string[];
  lookup: Map<string, number>;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

function parsePass(
  body: string,
  delimiter: string,
  source: string,
  coded: Set<number>,
  exactText: boolean,
): { table: TypedTable; demote?: undefined } | { demote: number; table?: undefined } {
  const sep = delimiter.charCodeAt(0);
  const length = body.length;
  let pos = 0;
  let line = 1;

  // Reads one field from pos; returns its text only when `wantText` (numbers are read in place).
  let fieldQuoted = false;
  let fieldStart = 0;
  let fieldEnd = 0;
  let fieldText = '';
  const readField = (): number => {
    // Returns the code after the field: sep, LF/CR (end of record) or -1 (end of text).
    fieldQuoted = false;
    if (pos < length && body.charCodeAt(pos) === QUOTE) {
      fieldQuoted = true;
      let out = '';
      let chunk = pos + 1;
      pos++;
      const openedOn = line;
      for (;;) {
        if (pos >= length)
          throw new SegmentationError(
            'RAGGED_ROW',
            `${source}: line ${openedOn} opens a quote (") that is never closed`,
            { row: openedOn },
          );
        const ch = body.charCodeAt(pos);
        if (ch === QUOTE) {
          if (body.charCodeAt(pos + 1) === QUOTE) {
            out += body.slice(chunk, pos + 1);
            pos += 2;
            chunk = pos;
            continue;
          }
          out += body.slice(chunk, pos);
          pos++;
          break;
        }
        if (ch === LF) line++;
        pos++;
      }
      // Text after the closing quote belongs to the field, as parseDelimited reads it.
      const after = pos;
      while (pos < length) {
        const ch = body.charCodeAt(pos);
        if (ch === sep || ch === LF || ch === CR) break;
        pos++;
      }
      fieldText = out + body.slice(after, pos);
    } else {
      fieldStart = pos;
      while (pos < length) {
        const ch = body.charCodeAt(pos);
        if (ch === sep || ch === LF || ch === CR) break;
        pos++;
      }
      fieldEnd = pos;
    }
    if (pos >= length) return -1;
    return body.charCodeAt(pos);
  };
  const currentText = () => (fieldQuoted ? fieldText : body.slice(fieldStart, fieldEnd));

  // Skip blank lines before the header.
  const skipBlankLines = () => {
    while (pos < length) {
      const ch = body.charCodeAt(pos);
      if (ch === LF) {
        line++;
        pos++;
      } else if (ch === CR) {
        pos += body.charCodeAt(pos + 1) === LF ? 2 : 1;
        line++;
      } else break;
    }
  };
  const endOfRecord = (ch: number) => {
    if (ch === CR) pos += body.charCodeAt(pos + 1) === LF ? 2 : 1;
    else if (ch === LF) pos++;
    line++;
  };

  skipBlankLines();
  if (pos >= length)
    throw new SegmentationError(
      'EMPTY_TABLE',
      `${source} is empty: expected a header line and rows of customers`,
    );
  const headerRowNumber = line;
  const rawHeaders: string[] = [];
  for (;;) {
    const ch = readField();
    rawHeaders.push(currentText());
    if (ch === sep) {
      pos++;
      continue;
    }
    if (ch !== -1) endOfRecord(ch);
    break;
  }
  const headers = normaliseHeaders(rawHeaders, source, headerRowNumber);
  const width = headers.length;

  // Capacity grows by doubling; a first guess from the text's length saves most regrowth.
  let capacity = Math.max(16, Math.ceil(length / Math.max(8, width * 4)));
  let rowNumbers = new Int32Array(capacity);
  let recordStart = new Int32Array(capacity);
  let recordEnd = new Int32Array(capacity);
  const builders: ColumnBuilder[] = headers.map((_, c) => ({
    number: !coded.has(c),
    canonical: true,
    values: coded.has(c) ? new Float64Array(0) : new Float64Array(capacity),
    codes: coded.has(c) ? new Int32Array(capacity) : new Int32Array(0),
    dictionary: [],
    lookup: new Map(),
  }));
  const grow = () => {
    capacity *= 2;
    const more = <T extends Int32Array | Float64Array>(array: T): T => {
      const next = new (array.constructor as new (n: number) => T)(capacity);
      next.set(array);
      return next;
    };
    rowNumbers = more(rowNumbers);
    recordStart = more(recordStart);
    recordEnd = more(recordEnd);
    for (const builder of builders) {
      if (builder.number) builder.values = more(builder.values);
      else builder.codes = more(builder.codes);
    }
  };

  let rows = 0;
  while (pos < length) {
    const ch0 = body.charCodeAt(pos);
    if (ch0 === LF || ch0 === CR) {
      // A line with nothing on it is a blank line, not a record.
      endOfRecord(ch0);
      continue;
    }
    if (rows === capacity) grow();
    const start = pos;
    const startLine = line;
    let column = 0;
    let ch: number;
    for (;;) {
      ch = readField();
      if (column < width) {
        const builder = builders[column];
        if (builder.number) {
          const value = fieldQuoted ? Number.NaN : plainNumber(body, fieldStart, fieldEnd);
          // Beyond ±1e100 the column goes the coded way, where prepare reports the cell as too large.
          if (Math.abs(value) <= MAX_ABS_VALUE) {
            builder.values[rows] = value;
            if (builder.canonical && !isCanonicalNumber(body, fieldStart, fieldEnd)) {
              if (exactText) return { demote: column };
              builder.canonical = false;
            }
          } else if (!Number.isNaN(value)) return { demote: column };
          else {
            const cell = currentText();
            if (!isMissingCell(cell)) return { demote: column };
            builder.values[rows] = Number.NaN;
            if (cell.length > 0) {
              if (exactText) return { demote: column };
              builder.canonical = false;
            }
          }
        } else {
          const cell = currentText();
          let code = builder.lookup.get(cell);
          if (code === undefined) {
            code = builder.dictionary.length;
            builder.dictionary.push(cell);
            builder.lookup.set(cell, code);
          }
          builder.codes[rows] = code;
        }
      }
      column++;
      if (ch === sep) {
        pos++;
        continue;
      }
      break;
    }
    if (column !== width) {
      throw new SegmentationError(
        'RAGGED_ROW',
        `${source}: line ${startLine} has ${column} fields but the header has ${width}; check for a missing or extra "${delimiter === '\t' ? 'tab' : delimiter}" or an unquoted value containing one`,
        { row: startLine },
      );
    }
    rowNumbers[rows] = startLine;
    recordStart[rows] = start;
    recordEnd[rows] = pos;
    rows++;
    if (ch !== -1) endOfRecord(ch);
  }
  if (rows === 0) {
    throw new SegmentationError('NO_DATA_ROWS', `${source} has a header but no customer rows`, {
      row: headerRowNumber,
    });
  }
  const columns: TypedColumn[] = builders.map((builder) =>
    builder.number
      ? { kind: 'number', values: builder.values.slice(0, rows), canonical: builder.canonical }
      : { kind: 'coded', codes: builder.codes.slice(0, rows), dictionary: builder.dictionary },
  );
  return {
    table: {
      headers,
      columns,
      rowCount: rows,
      rowNumbers: rowNumbers.slice(0, rows),
      headerRowNumber,
      text: body,
      recordStart: recordStart.slice(0, rows),
      recordEnd: recordEnd.slice(0, rows),
      delimiter: delimiter as TypedTable['delimiter'],
    },
  };
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The value of body[start, end) when it is a plain decimal number (optional sign, digits, optional
 * fraction, optional exponent), else NaN. Up to 15 significant digits and 22 fraction digits the
 * integer-then-divide result is exactly what Number() gives (both operands are exact doubles);
 * anything longer goes through Number().
 */
function plainNumber(body: string, start: number, end: number): number {
  if (start === end) return Number.NaN;
  let i = start;
  let negative = false;
  let ch = body.charCodeAt(i);
  if (ch === 45 || ch === 43) {
    negative = ch === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let fraction = 0;
  let seenDot = false;
  for (; i < end; i++) {
    ch = body.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      digits++;
      if (significant > 0 || ch !== 48) significant++;
      mantissa = mantissa * 10 + (ch - 48);
      if (seenDot) fraction++;
    } else if (ch === 46 && !seenDot) seenDot = true;
    else break;
  }
  if (digits === 0) return Number.NaN;
  if (i < end) {
    // An exponent, or not a plain number at all.
    if (ch !== 101 && ch !== 69) return Number.NaN;
    let j = i + 1;
    const sign = body.charCodeAt(j);
    if (sign === 45 || sign === 43) j++;
    if (j >= end) return Number.NaN;
    for (; j < end; j++) {
      const c = body.charCodeAt(j);
      if (c < 48 || c > 57) return Number.NaN;
    }
    return Number(body.slice(start, end));
  }
  if (significant > 15 || fraction > 22) return Number(body.slice(start, end));
  const value = fraction === 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
  return negative ? -value : value;
}

/**
 * True when body[start, end) is exactly how `String()` prints the number it holds: an optional
 * minus (never on zero), an integer part without leading zeros, an optional fraction without
 * trailing zeros, no exponent; at most 15 significant and 15 integer digits and no more than five
 * zeros right after "0." (so no exponent notation and a unique shortest spelling).
 */
function isCanonicalNumber(body: string, start: number, end: number): boolean {
  let i = start;
  let negative = false;
  if (body.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  const integerStart = i;
  while (i < end && body.charCodeAt(i) >= 48 && body.charCodeAt(i) <= 57) i++;
  const integerDigits = i - integerStart;
  if (integerDigits === 0 || integerDigits > 15) return false;
  const leadingZero = body.charCodeAt(integerStart) === 48;
  if (leadingZero && integerDigits > 1) return false;
  let significant = leadingZero ? 0 : integerDigits;
  let nonZero = !leadingZero;
  if (i < end) {
    if (body.charCodeAt(i) !== 46) return false;
    i++;
    const fractionStart = i;
    while (i < end && body.charCodeAt(i) >= 48 && body.charCodeAt(i) <= 57) i++;
    if (i !== end || i === fractionStart || body.charCodeAt(end - 1) === 48) return false;
    let zeros = 0;
    if (leadingZero) while (body.charCodeAt(fractionStart + zeros) === 48) zeros++;
    if (zeros > 5) return false;
    significant += end - fractionStart - zeros;
    nonZero = true;
  }
  if (negative && !nonZero) return false;
  return significant <= 15;
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

function normaliseHeaders(raw: string[], source: string, row: number): string[] {
  const headers = raw.map((name, i) => {
    const trimmed = name.replace(/\s+/g, ' ').trim();
    return trimmed === '' ? `Column ${columnLetter(i)}` : trimmed;
  });
  const seen = new Map<string, number>();
  headers.forEach((name, i) => {
    const key = name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new SegmentationError(
        'DUPLICATE_HEADER',
        `${source}: the header (row ${row}) has two columns named "${name}" (columns ${columnLetter(earlier)} and ${columnLetter(i)}); rename one so each column can be told apart`,
        { row, column: name },
      );
    }
    seen.set(key, i);
  });
  return headers;
}

/**
 * The text of one cell of a typed table, as {@link parseDelimited} would have read it. Number cells
 * come back in JavaScript's spelling ("1.5"), which reads as the same number.
 * @example typedCellText(parseCsvColumns('a,b\n1.50,x\n').columns[0], 0) // '1.5'
 */
export function typedCellText(column: TypedColumn, row: number): string {
  if (column.kind === 'coded') return column.dictionary[column.codes[row]];
  const value = column.values[row];
  return !Number.isNaN(value) ? String(value) : '';
}

/**
 * The same table with a row array per record, for code that reads `Table.rows` (the general path;
 * the typed one avoids it).
 * @example tableFromTyped(parseCsvColumns('a,b\n1,x\n')).rows[0] // ['1', 'x']
 */
export function tableFromTyped(typed: TypedTable): Table {
  const rows: Cell[][] = new Array(typed.rowCount);
  for (let r = 0; r < typed.rowCount; r++) {
    const row: Cell[] = new Array(typed.columns.length);
    for (let c = 0; c < typed.columns.length; c++) {
      const column = typed.columns[c];
      // The record's own spelling when it is a number column (e.g. "007"), read back from the line.
      row[c] = column.kind === 'coded' ? column.dictionary[column.codes[r]] : undefined;
    }
    rows[r] = row;
  }
  // Number columns: take each cell's original text from its record (they are never quoted).
  const numberColumns = typed.columns.flatMap((column, c) => (column.kind === 'number' ? [c] : []));
  if (numberColumns.length > 0) {
    const sep = typed.delimiter;
    for (let r = 0; r < typed.rowCount; r++) {
      const fields = splitPlainRecord(typed.text, typed.recordStart[r], typed.recordEnd[r], sep);
      for (const c of numberColumns) rows[r][c] = fields[c] ?? '';
    }
  }
  return {
    headers: typed.headers,
    rows,
    rowNumbers: Array.from(typed.rowNumbers),
    headerRowNumber: typed.headerRowNumber,
  };
}

/** Fields of a record, honouring quotes (number fields are unquoted; others may not be). */
function splitPlainRecord(text: string, start: number, end: number, sep: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
