/**
 * Reading a column of dates, deciding the format once per column: ISO (2024-01-31), day-first
 * (31-01-2024, 31/01/2024, 31.01.2024), month-first (01/31/2024, only when some day is above 12),
 * month names in English or Indonesian ("12-Jan-24", "5 Mei 2023", "Jan 5, 2024"), Date cells from
 * a spreadsheet, and spreadsheet serial numbers (45000) when the header says it is a date.
 * Days are counted from 1970-01-01 (UTC), so differences are whole days.
 */
import { type Cell, isEmptyCell } from './table';

export type DateFormat = 'iso' | 'day-month-year' | 'month-day-year' | 'month-name' | 'serial' | 'date-cell';

export interface DateColumn {
  format: DateFormat;
  /** Days since 1970-01-01 per row; NaN where empty or unreadable. */
  days: Float64Array;
  present: number;
  parsed: number;
  /** Day-first and month-first both fit every cell (no part above 12); read day-first. */
  ambiguous: boolean;
  /** Newest and oldest date (days since 1970). */
  newest: number;
  oldest: number;
}

/** A column is a date column when at least this share of its non-empty cells read as dates. */
export const DATE_SHARE = 0.9;

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januari: 1,
  feb: 2,
  february: 2,
  februari: 2,
  peb: 2,
  mar: 3,
  march: 3,
  maret: 3,
  apr: 4,
  april: 4,
  may: 5,
  mei: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  agu: 8,
  agt: 8,
  agustus: 8,
  agst: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  nop: 11,
  nopember: 11,
  dec: 12,
  december: 12,
  des: 12,
  desember: 12,
};

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?)?$/i;
const DAY_MONTH_NAME = /^(\d{1,2})[-\s/.]+([A-Za-z]{3,9})\.?[-\s/.,]+(\d{4}|\d{2})$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;
/** Excel/Sheets serial days between 1950 and 2100, read only when the header says "date". */
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_051;
const SERIAL_EPOCH = 25_569; // serial of 1970-01-01

/**
 * Days since 1970-01-01 for a calendar date; NaN when the date does not exist (31 February).
 * @example dayNumber(2024, 1, 1) // 19723
 */
export function dayNumber(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return Number.NaN;
  return time / 86_400_000;
}

/**
 * A day number as an ISO date.
 * @example isoDate(19723) // '2024-01-01'
 */
export function isoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/**
 * Reads a column as dates, or returns undefined when fewer than {@link DATE_SHARE} of its cells are
 * dates. `allowSerial` reads plain numbers as spreadsheet serial dates (only when the header says so).
 * @example readDateColumn(['31-01-2024', '01-02-2024'])?.format // 'day-month-year'
 */
export function readDateColumn(cells: readonly Cell[], allowSerial = false): DateColumn | undefined {
  const n = cells.length;
  let present = 0;
  let dayFirstOnly = false;
  let monthFirstOnly = false;
  const kinds = new Map<DateFormat, number>();
  const vote = (format: DateFormat) => kinds.set(format, (kinds.get(format) ?? 0) + 1);
  // First pass: which numeric order fits every cell.
  for (let r = 0; r < n; r++) {
    const cell = cells[r];
    if (isEmptyCell(cell)) continue;
    present++;
    if (cell instanceof Date) {
      vote('date-cell');
      continue;
    }
    if (typeof cell === 'number') {
      if (allowSerial && cell >= SERIAL_MIN && cell <= SERIAL_MAX) vote('serial');
      continue;
    }
    const text = String(cell).trim();
    if (ISO.test(text)) vote('iso');
    else if (DAY_MONTH_NAME.test(text) || MONTH_NAME_DAY.test(text)) vote('month-name');
    else {
      const match = text.match(NUMERIC);
      if (!match) {
        if (allowSerial && /^\d{5}(\.\d+)?$/.test(text)) vote('serial');
        continue;
      }
      const [a, b] = [Number(match[1]), Number(match[3])];
      if (a > 12) dayFirstOnly = true;
      if (b > 12) monthFirstOnly = true;
      vote('day-month-year');
    }
  }
  if (present === 0) return undefined;
  let format: DateFormat | undefined;
  let best = 0;
  for (const [kind, count] of kinds)
    if (count > best) {
      best = count;
      format = kind;
    }
  if (!format || best < DATE_SHARE * present) return undefined;
  if (format === 'day-month-year' && monthFirstOnly && !dayFirstOnly) format = 'month-day-year';
  const ambiguous =
    (format === 'day-month-year' || format === 'month-day-year') && !dayFirstOnly && !monthFirstOnly;
  const days = new Float64Array(n).fill(Number.NaN);
  let parsed = 0;
  let newest = Number.NEGATIVE_INFINITY;
  let oldest = Number.POSITIVE_INFINITY;
  for (let r = 0; r < n; r++) {
    const value = parseDate(cells[r], format);
    if (Number.isNaN(value)) continue;
    days[r] = value;
    parsed++;
    if (value > newest) newest = value;
    if (value < oldest) oldest = value;
  }
  if (parsed < DATE_SHARE * present) return undefined;
  return { format, days, present, parsed, ambiguous, newest, oldest };
}

function parseDate(cell: Cell, format: DateFormat): number {
  if (isEmptyCell(cell)) return Number.NaN;
  if (cell instanceof Date) return Math.floor(cell.getTime() / 86_400_000);
  if (format === 'serial') {
    const value = typeof cell === 'number' ? cell : Number(String(cell).trim());
    return value >= SERIAL_MIN && value <= SERIAL_MAX ? Math.floor(value) - SERIAL_EPOCH : Number.NaN;
  }
  const text = String(cell).trim();
  let match = text.match(ISO);
  if (match) return dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
  match = text.match(DAY_MONTH_NAME);
  if (match) {
    const month = MONTHS[match[2].toLowerCase()];
    return month ? dayNumber(fullYear(match[3]), month, Number(match[1])) : Number.NaN;
  }
  match = text.match(MONTH_NAME_DAY);
  if (match) {
    const month = MONTHS[match[1].toLowerCase()];
    return month ? dayNumber(Number(match[3]), month, Number(match[2])) : Number.NaN;
  }
  match = text.match(NUMERIC);
  if (match) {
    const [a, b, year] = [Number(match[1]), Number(match[3]), fullYear(match[4])];
    return format === 'month-day-year' ? dayNumber(year, a, b) : dayNumber(year, b, a);
  }
  return Number.NaN;
}

/**
 * How a date format reads in a note.
 * @example describeDateFormat({ format: 'iso', ambiguous: false }) // 'ISO dates (YYYY-MM-DD)'
 */
export function describeDateFormat(column: Pick<DateColumn, 'format' | 'ambiguous'>): string {
  switch (column.format) {
    case 'iso':
      return 'ISO dates (YYYY-MM-DD)';
    case 'day-month-year':
      return column.ambiguous
        ? 'day-first dates (DD-MM-YYYY; no day above 12, so day-first was assumed)'
        : 'day-first dates (DD-MM-YYYY)';
    case 'month-day-year':
      return 'month-first dates (MM/DD/YYYY)';
    case 'month-name':
      return 'dates with month names (12-Jan-24)';
    case 'serial':
      return 'spreadsheet serial dates';
    case 'date-cell':
      return 'spreadsheet dates';
    default:
      return column.format satisfies never;
  }
}
