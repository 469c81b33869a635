/**
 * Reading a whole column of numbers written as text, deciding the format once per column: comma or
 * dot decimals ("0,875", "1.234,50"), thousands separators, currency symbols or codes before or after
 * the number ("95,40 €", "Rp 15.000", "USD 12"), percentages and accounting negatives ("(12.50)").
 * A cell-by-cell reader cannot tell "1,234" (a thousand) from "0,875" (a fraction); the column can.
 */
import { type Cell, isEmptyCell } from './table';

/** What a column of numbers looked like and what it holds. */
export interface NumberColumn {
  /** One value per row; NaN where the cell is empty or not a number. */
  values: Float64Array;
  /** Non-empty cells. */
  present: number;
  /** Cells read as numbers. */
  numbers: number;
  /** Whole numbers among them. */
  integers: number;
  /** Spreadsheet error cells (#DIV/0!, #N/A, …). */
  errors: number;
  /** Other cells that are not numbers (words, dates, …). */
  texts: number;
  /** The first unreadable cell, for messages: row index and its text. */
  firstText?: { row: number; text: string };
  firstError?: { row: number; text: string };
  /** Decimals are written with a comma ("95,40"); decided for the whole column. */
  decimalComma: boolean;
  /** Some cell used a thousands separator. */
  thousands: boolean;
  /** The currency symbol or code the cells carry, if any. */
  currency?: string;
  /** Some cell needed the column-wide reading (comma decimals, a trailing currency, spaces, brackets). */
  needsRewrite: boolean;
  negatives: number;
  distinct: number;
  min: number;
  max: number;
  /** Median of the absolute non-zero values (0 when none). */
  median: number;
  /** Values more than {@link SCALE_JUMP_FACTOR}× the median: likely typed in another unit. */
  scaleJumps: number;
}

/** A value this many times the column's median is reported as a suspicious jump of scale. */
export const SCALE_JUMP_FACTOR = 1000;

const MISSING = new Set(['na', 'n/a', 'null', 'none', '-', '—', 'nan']);
const SHEET_ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)$/i;
const CURRENCY_PREFIX = /^(?:[$€£¥₹₩฿₱]|rp\.?|idr|usd|eur|gbp|sgd|myr|inr|aud|cad|jpy)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:[$€£¥₹₩฿₱]|rp|idr|usd|eur|gbp|sgd|myr|inr|aud|cad|jpy)$/i;
const BODY = /^\d[\d.,' \u00a0\u202f]*$|^[.,]\d+$/;

interface Shape {
  body: string;
  negative: boolean;
  currency?: string;
  percent: boolean;
  extended: boolean;
}

/** Strips sign, brackets, currency and percent; undefined when what is left is not digits and separators. */
function shapeOf(raw: string): Shape | undefined {
  let text = raw.trim();
  let negative = false;
  let extended = false;
  let currency: string | undefined;
  let percent = false;
  const outer = text.match(CURRENCY_SUFFIX);
  if (outer && /\)\s*\S+$/.test(text)) {
    // "(12,50) €": the currency sits outside the accounting brackets.
    currency = outer[0].trim();
    text = text.slice(0, text.length - outer[0].length).trim();
    extended = true;
  }
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    extended = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = text.startsWith('-');
    text = text.slice(1).trim();
  }
  const prefix = text.match(CURRENCY_PREFIX);
  if (prefix) {
    currency = prefix[0].trim().replace(/\.$/, '');
    text = text.slice(prefix[0].length);
  }
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1).trim();
  }
  const suffix = text.match(CURRENCY_SUFFIX);
  if (suffix) {
    currency = suffix[0].trim();
    text = text.slice(0, text.length - suffix[0].length);
    extended = true;
  }
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  if (text.endsWith('-') && !negative) {
    negative = true;
    extended = true;
    text = text.slice(0, -1).trim();
  }
  if (!BODY.test(text)) return undefined;
  return { body: text, negative, currency, percent, extended };
}

/** +1 when the body reads as comma-decimal, −1 when dot-decimal, 0 when it cannot tell. */
function decimalVote(body: string): number {
  const comma = body.lastIndexOf(',');
  const dot = body.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) return comma > dot ? 1 : -1;
  if (comma >= 0) {
    const after = body.length - comma - 1;
    if (body.indexOf(',') !== comma) return -1; // 1,234,567: grouping
    if (after !== 3 || /^0,/.test(body) || body.startsWith(',')) return 1; // 95,40 · 0,875
    return 0; // 1,234: a thousand or 1.234?
  }
  if (dot >= 0) {
    const after = body.length - dot - 1;
    if (body.indexOf('.') !== dot) return 1; // 1.234.567: grouping with dots
    if (after !== 3 || /^0\./.test(body) || body.startsWith('.')) return -1;
    return 0;
  }
  return 0;
}

function bodyValue(body: string, decimalComma: boolean): { value: number; grouped: boolean } | undefined {
  const compact = body.replace(/[ '\u00a0\u202f]/g, '');
  const group = decimalComma ? '.' : ',';
  const decimal = decimalComma ? ',' : '.';
  let grouped = compact !== body;
  let text = compact;
  if (text.includes(group)) {
    const [whole, ...rest] = text.split(decimal);
    if (rest.length > 1) return undefined;
    if (!/^\d{1,3}([.,]\d{3})+$/.test(whole) || whole.includes(decimal)) return undefined;
    text = whole.split(group).join('') + (rest.length ? `.${rest[0]}` : '');
    grouped = true;
  } else if (decimalComma) text = text.replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  return { value: Number(text), grouped };
}

/**
 * Reads every cell of a column as a number, choosing comma or dot decimals for the column as a whole.
 * @example readNumberColumn(['0,875', '1,5', '2']).values // Float64Array [0.875, 1.5, 2]
 */
export function readNumberColumn(cells: readonly Cell[]): NumberColumn {
  const n = cells.length;
  const values = new Float64Array(n).fill(Number.NaN);
  const shapes: (Shape | undefined)[] = new Array(n);
  let votes = 0;
  let commaSeen = 0;
  let present = 0;
  let errors = 0;
  let texts = 0;
  let firstText: NumberColumn['firstText'];
  let firstError: NumberColumn['firstError'];
  for (let r = 0; r < n; r++) {
    const cell = cells[r];
    if (isEmptyCell(cell)) continue;
    if (typeof cell === 'number') {
      present++;
      if (Number.isFinite(cell)) values[r] = cell;
      else texts++;
      continue;
    }
    if (typeof cell !== 'string') {
      present++;
      texts++;
      firstText ??= { row: r, text: String(cell) };
      continue;
    }
    const trimmed = cell.trim();
    if (MISSING.has(trimmed.toLowerCase())) continue;
    present++;
    if (SHEET_ERROR.test(trimmed)) {
      errors++;
      firstError ??= { row: r, text: trimmed };
      continue;
    }
    const shape = shapeOf(trimmed);
    if (!shape) {
      texts++;
      firstText ??= { row: r, text: trimmed };
      continue;
    }
    shapes[r] = shape;
    votes += decimalVote(shape.body);
    if (shape.body.includes(',')) commaSeen++;
  }
  const decimalComma = votes > 0;
  let needsRewrite = false;
  let thousands = false;
  let currency: string | undefined;
  for (let r = 0; r < n; r++) {
    const shape = shapes[r];
    if (!shape) continue;
    const read = bodyValue(shape.body, decimalComma);
    if (!read) {
      texts++;
      firstText ??= { row: r, text: String(cells[r]).trim() };
      continue;
    }
    let value = read.value;
    if (shape.negative) value = -value;
    // "12%" stays 12, as the basic reader has it: the header says it is a percentage.
    values[r] = value;
    if (read.grouped) thousands = true;
    if (shape.currency) currency ??= shape.currency;
    if (shape.extended || (decimalComma && shape.body.includes(',')) || /[ '\u00a0\u202f]/.test(shape.body))
      needsRewrite = true;
    if (decimalComma && shape.body.includes('.')) needsRewrite = true;
  }
  void commaSeen;
  const stats = statistics(values);
  return {
    values,
    present,
    numbers: stats.count,
    integers: stats.integers,
    errors,
    texts,
    firstText,
    firstError,
    decimalComma,
    thousands,
    currency,
    needsRewrite,
    negatives: stats.negatives,
    distinct: stats.distinct,
    min: stats.min,
    max: stats.max,
    median: stats.median,
    scaleJumps: stats.scaleJumps,
  };
}

/**
 * The {@link NumberColumn} of numbers already read (NaN = empty): what {@link readNumberColumn}
 * returns for cells that are plain numbers written as `String()` prints them, or empty.
 * @example numberColumnOfValues(Float64Array.from([1, Number.NaN, 3])).present // 2
 */
export function numberColumnOfValues(values: Float64Array): NumberColumn {
  const stats = statistics(values);
  return {
    values,
    present: stats.count,
    numbers: stats.count,
    integers: stats.integers,
    errors: 0,
    texts: 0,
    firstText: undefined,
    firstError: undefined,
    decimalComma: false,
    thousands: false,
    currency: undefined,
    needsRewrite: false,
    negatives: stats.negatives,
    distinct: stats.distinct,
    min: stats.min,
    max: stats.max,
    median: stats.median,
    scaleJumps: stats.scaleJumps,
  };
}

function statistics(values: Float64Array) {
  let count = 0;
  let integers = 0;
  let negatives = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  // Magnitudes in a typed buffer (no array growth on a million rows), sorted in place.
  const magnitudes = new Float64Array(values.length);
  let magnitudeCount = 0;
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) continue;
    count++;
    if (Number.isInteger(value)) integers++;
    if (value < 0) negatives++;
    if (value < min) min = value;
    if (value > max) max = value;
    if (value !== 0) magnitudes[magnitudeCount++] = Math.abs(value);
    if (seen.size <= 1000) seen.add(value);
  }
  const sorted = magnitudes.subarray(0, magnitudeCount).sort();
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
  let scaleJumps = 0;
  if (median > 0) for (const magnitude of sorted) if (magnitude > SCALE_JUMP_FACTOR * median) scaleJumps++;
  return { count, integers, negatives, min, max, median, scaleJumps, distinct: seen.size };
}
