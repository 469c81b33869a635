/**
 * How a value written by a script becomes a cell, and how a cell is displayed. Range.setValues and
 * setValue behave like typing into the cell (en-US locale): '42' and '1,234' become numbers, 'TRUE'
 * a boolean, '2024-03-01' and '3/1/2024' Dates, '50%' 0.5, '=A1+1' a formula, and a leading
 * apostrophe keeps text as text. A cell with the plain-text number format '@' keeps strings as
 * strings.
 */
import { type Cell, isDate } from './realm';

/** Google's limit on the characters in one cell. */
export const MAX_CELL_CHARACTERS = 50_000;

/** Formatting the stand-in keeps per cell (only what the add-on sets). */
export interface CellFormat {
  numberFormat?: string;
  fontWeight?: string;
  fontColor?: string;
  background?: string;
  horizontalAlignment?: string;
  wrap?: boolean;
}

/** The outcome of converting a script value: the cell, or the exception message Google gives. */
export type ConvertedCell = { cell: Cell } | { error: string };

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const ISO_DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE_TEXT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function validDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** Converts a value passed to setValues/setValue into the stored cell. */
export function toCell(value: unknown, numberFormat: string | undefined): ConvertedCell {
  if (value === null || value === undefined) return { cell: '' };
  if (typeof value === 'number') return { cell: Number.isFinite(value) ? value : String(value) };
  if (typeof value === 'boolean') return { cell: value };
  if (isDate(value)) return { cell: new Date(value.getTime()) };
  const text = String(value);
  if (text.length > MAX_CELL_CHARACTERS) {
    return {
      error: `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
    };
  }
  if (typeof value !== 'string') return { cell: text };
  if (numberFormat === '@') return { cell: text };
  if (text.startsWith("'")) return { cell: text.slice(1) };
  if (text.startsWith('=')) return { cell: text };
  const trimmed = text.trim();
  if (NUMBER_TEXT.test(trimmed)) return { cell: Number(trimmed) };
  if (GROUPED_NUMBER_TEXT.test(trimmed)) return { cell: Number(trimmed.replace(/,/g, '')) };
  if (PERCENT_TEXT.test(trimmed)) return { cell: Number(trimmed.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(trimmed)) return { cell: trimmed.toUpperCase() === 'TRUE' };
  const iso = ISO_DATE_TEXT.exec(trimmed);
  const isoDate = iso ? validDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
  if (isoDate) return { cell: isoDate };
  const us = US_DATE_TEXT.exec(trimmed);
  const usDate = us ? validDate(Number(us[3]), Number(us[1]), Number(us[2])) : undefined;
  if (usDate) return { cell: usDate };
  return { cell: text };
}

/** True when the cell counts as content for getLastRow/getLastColumn. */
export function isFilled(cell: Cell | undefined): boolean {
  return cell !== undefined && cell !== '';
}

function formatNumber(value: number, pattern: string | undefined): string {
  if (pattern === undefined || pattern === '' || pattern.toLowerCase() === 'general') {
    if (Number.isInteger(value)) return String(value);
    return String(Number(value.toPrecision(10)));
  }
  if (pattern === '@') return String(value);
  const percent = pattern.endsWith('%');
  const body = percent ? pattern.slice(0, -1) : pattern;
  const decimals = body.includes('.') ? body.length - body.indexOf('.') - 1 : 0;
  const scaled = percent ? value * 100 : value;
  const grouped = body.includes(',');
  const text = scaled.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  return percent ? `${text}%` : text;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Displays a cell as the Sheets UI would under its number format (en-US locale, UTC). */
export function displayCell(cell: Cell | undefined, format: CellFormat | undefined): string {
  if (cell === undefined || cell === '') return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return formatNumber(cell, format?.numberFormat);
  if (isDate(cell)) {
    const day = `${cell.getUTCMonth() + 1}/${cell.getUTCDate()}/${cell.getUTCFullYear()}`;
    const midnight = cell.getUTCHours() === 0 && cell.getUTCMinutes() === 0 && cell.getUTCSeconds() === 0;
    if (format?.numberFormat === 'yyyy-mm-dd') {
      return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    }
    return midnight
      ? day
      : `${day} ${cell.getUTCHours()}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}`;
  }
  return cell;
}

/** A JSON-safe, type-preserving encoding of a cell for snapshots. */
export function encodeCell(cell: Cell | undefined): string | number | boolean | { date: string } {
  if (cell === undefined) return '';
  if (isDate(cell)) return { date: cell.toISOString() };
  return cell;
}
