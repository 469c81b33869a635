/**
 * One row per customer from a transaction log: recency (days from the customer's last order to the
 * as-of date), frequency (distinct orders), monetary (amounts net of returns and refunds), first
 * order (tenure) and average order value.
 *
 * What counts as what, line by line:
 * - a line without a customer key is counted and left out;
 * - a cancelled order by status words ("Cancelled", "Refunded", "Voided"…) is left out entirely: no
 *   order, no money, no recency (the sale did not happen or was paid back);
 * - a return ("C"-prefixed invoice number, as in the UCI Online Retail export, or a negative amount)
 *   is netted: its amount comes off the customer's monetary value, but it is not an order and does
 *   not make the customer recent;
 * - every other line is a purchase: its order counts once however many lines it has.
 * Customers with no purchase left (only returns or cancellations) are counted and left out.
 */
import { SegmentationError } from '../schema/errors';
import { isoDate, readDateColumn } from '../table/dates';
import { readNumberColumn } from '../table/number-format';
import { type Cell, cellText, isEmptyCell, type Table } from '../table/table';
import { CANCELLED_STATUS, type TransactionColumns } from './detect-transactions';

/** Per-customer values, one entry per customer in order of first appearance. */
export interface CustomerRollup {
  /** Header of the customer key column. */
  keyColumn: string;
  keys: string[];
  recency: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  /** Days since 1970-01-01 of the first and last purchase. */
  firstOrder: Float64Array;
  lastOrder: Float64Array;
  /** For each table row, its customer's index in `keys`; -1 for a row left out (blank key). */
  rowCustomer: Int32Array;
  /** As-of day (days since 1970-01-01). */
  asOf: number;
  stats: RollupStats;
}

/** What the roll-up saw and did, for the detection sentence and the Run. */
export interface RollupStats {
  lines: number;
  /** Distinct purchase orders (or purchase lines when there is no order id). */
  orders: number;
  customers: number;
  blankKeyLines: number;
  /** Purchase lines without a date (left out). */
  blankDateLines: number;
  /** Lines of orders cancelled by status (left out). */
  cancelledLines: number;
  /** Return lines ("C" invoices, negative amounts), netted. */
  returnLines: number;
  /** Total amount of the returns netted (a positive number). */
  returnedAmount: number;
  /** Customers with only returns or cancellations (left out). */
  customersWithoutPurchases: number;
  /** Newest and oldest purchase day. */
  newest: number;
  oldest: number;
}

/** The per-customer table's headers after the key column, as the CSV and the Run name them. */
export const ROLLUP_HEADERS = {
  recency: 'Recency (days)',
  frequency: 'Frequency',
  monetary: 'Monetary',
  firstOrder: 'First order',
  tenure: 'Tenure (days)',
  averageOrder: 'Average order value',
} as const;

/**
 * Rolls a transaction log up per customer.
 * @param asOf the day recency is counted to (ISO date or Date); default the newest date in the table
 * @throws SegmentationError INVALID_VALUE naming the row and column of a date or amount that cannot
 *   be read, or an empty customer column
 * @example rollUpTransactions(table, detectTransactions(table)!).keys.length // 300
 */
export function rollUpTransactions(
  table: Table,
  columns: TransactionColumns,
  asOf?: string | Date,
  source = 'the table',
): CustomerRollup {
  const n = table.rows.length;
  const header = (index: number) => table.headers[index];
  const where = (r: number, index: number) =>
    `${source} row ${table.rowNumbers[r]}, column "${header(index)}"`;
  const column = (index: number): Cell[] => {
    const cells: Cell[] = new Array(n);
    for (let r = 0; r < n; r++) cells[r] = table.rows[r][index];
    return cells;
  };

  const keyCells = column(columns.customer);
  let blankKeyLines = 0;
  for (let r = 0; r < n; r++)
    if (isEmptyCell(keyCells[r]) || cellText(keyCells[r]).trim() === '') blankKeyLines++;
  if (blankKeyLines === n) {
    throw new SegmentationError(
      'INVALID_VALUE',
      `${source}: the customer column "${header(columns.customer)}" is empty on every row (row ${table.rowNumbers[0]} onwards); name the customer column with --customer`,
      { row: table.rowNumbers[0], column: header(columns.customer) },
    );
  }

  const dateCells = column(columns.date);
  const dates = readDateColumn(dateCells, true);
  const badDate = firstBad(dateCells, dates?.days);
  if (!dates || badDate !== undefined) {
    const r = badDate ?? firstUnreadableDate(dateCells);
    throw new SegmentationError(
      'INVALID_VALUE',
      `${where(r, columns.date)}: "${cellText(dateCells[r])}" is not a date (expected a date such as 2024-01-31 or 31/01/2024)`,
      { row: table.rowNumbers[r], column: header(columns.date) },
    );
  }
  const amounts = readAmounts(table, columns, column, where);

  const orderCells = columns.order === undefined ? undefined : column(columns.order);
  const statusCells = columns.status === undefined ? undefined : column(columns.status);
  // "C536379" cancels an invoice of digits: only read a C prefix as a return when the ids are numbers.
  const cPrefixReturns = orderCells !== undefined && cPrefixMeansReturn(orderCells);

  const index = new Map<string, number>();
  const keys: string[] = [];
  const rowCustomer = new Int32Array(n).fill(-1);
  const monetary: number[] = [];
  const frequency: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  const seenOrders = new Set<string>();
  let orders = 0;
  let cancelledLines = 0;
  let returnLines = 0;
  let returnedAmount = 0;
  let blankDateLines = 0;
  let newest = Number.NEGATIVE_INFINITY;
  let oldest = Number.POSITIVE_INFINITY;
  for (let r = 0; r < n; r++) {
    const keyCell = keyCells[r];
    if (isEmptyCell(keyCell)) continue;
    const key = normaliseKey(cellText(keyCell));
    if (key === '') continue;
    let c = index.get(key);
    if (c === undefined) {
      c = keys.length;
      index.set(key, c);
      keys.push(key);
      monetary.push(0);
      frequency.push(0);
      first.push(Number.POSITIVE_INFINITY);
      last.push(Number.NEGATIVE_INFINITY);
    }
    rowCustomer[r] = c;
    if (statusCells && CANCELLED_STATUS.test(cellText(statusCells[r]))) {
      cancelledLines++;
      continue;
    }
    const amount = amounts[r];
    const orderText = orderCells ? cellText(orderCells[r]).trim() : '';
    const isReturn = amount < 0 || (cPrefixReturns && /^c/i.test(orderText));
    if (isReturn) {
      returnLines++;
      returnedAmount += Math.abs(amount);
      monetary[c] -= Math.abs(amount);
      continue;
    }
    const day = dates.days[r];
    if (Number.isNaN(day)) {
      blankDateLines++;
      continue;
    }
    monetary[c] += amount;
    if (day < first[c]) first[c] = day;
    if (day > last[c]) last[c] = day;
    if (day > newest) newest = day;
    if (day < oldest) oldest = day;
    if (orderCells && orderText !== '') {
      const orderKey = `${c}\u0000${orderText}`;
      if (seenOrders.has(orderKey)) continue;
      seenOrders.add(orderKey);
    }
    frequency[c]++;
    orders++;
  }

  // Customers with no purchase (only returns or cancellations) have no recency: left out.
  const kept: number[] = [];
  for (let c = 0; c < keys.length; c++) if (frequency[c] > 0) kept.push(c);
  if (kept.length === 0) {
    throw new SegmentationError(
      'INVALID_VALUE',
      `${source} has no purchases with a customer in column "${header(columns.customer)}": every line is blank, a return or a cancellation`,
      { column: header(columns.customer) },
    );
  }
  const asOfDay = resolveAsOf(asOf, newest);
  const remap = new Int32Array(keys.length).fill(-1);
  kept.forEach((c, i) => {
    remap[c] = i;
  });
  for (let r = 0; r < n; r++) if (rowCustomer[r] >= 0) rowCustomer[r] = remap[rowCustomer[r]];
  const m = kept.length;
  const result: CustomerRollup = {
    keyColumn: header(columns.customer),
    keys: kept.map((c) => keys[c]),
    recency: new Float64Array(m),
    frequency: new Float64Array(m),
    monetary: new Float64Array(m),
    firstOrder: new Float64Array(m),
    lastOrder: new Float64Array(m),
    rowCustomer,
    asOf: asOfDay,
    stats: {
      lines: n,
      orders,
      customers: m,
      blankKeyLines,
      blankDateLines,
      cancelledLines,
      returnLines,
      returnedAmount: Math.round(returnedAmount * 100) / 100,
      customersWithoutPurchases: keys.length - m,
      newest,
      oldest,
    },
  };
  kept.forEach((c, i) => {
    result.recency[i] = Math.max(0, asOfDay - last[c]);
    result.frequency[i] = frequency[c];
    result.monetary[i] = Math.round(monetary[c] * 100) / 100;
    result.firstOrder[i] = first[c];
    result.lastOrder[i] = last[c];
  });
  return result;
}

/** "17850.0" and "17850" are one customer; e-mail addresses ignore case. */
function normaliseKey(text: string): string {
  const trimmed = text.trim();
  if (/^\d+\.0+$/.test(trimmed)) return trimmed.replace(/\.0+$/, '');
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed;
}

/** The first non-empty cell that is not a date on its own (when the column as a whole did not read). */
function firstUnreadableDate(cells: Cell[]): number {
  const r = cells.findIndex((cell) => !isEmptyCell(cell) && readDateColumn([cell], true) === undefined);
  return r < 0
    ? Math.max(
        0,
        cells.findIndex((cell) => !isEmptyCell(cell)),
      )
    : r;
}

/** The first non-empty cell that did not read (as a date or number), if any. */
function firstBad(cells: Cell[], values: Float64Array | undefined): number | undefined {
  if (!values) return undefined;
  for (let r = 0; r < cells.length; r++) if (!isEmptyCell(cells[r]) && Number.isNaN(values[r])) return r;
  return undefined;
}

/** Amount per line (amount, or quantity × unit price); NaN-free: a cell that is not a number is an error. */
function readAmounts(
  table: Table,
  columns: TransactionColumns,
  column: (index: number) => Cell[],
  where: (r: number, index: number) => string,
): Float64Array {
  const numbers = (index: number, what: string): Float64Array => {
    const cells = column(index);
    const read = readNumberColumn(cells);
    const bad = firstBad(cells, read.values);
    if (bad !== undefined) {
      throw new SegmentationError(
        'INVALID_VALUE',
        `${where(bad, index)}: "${cellText(cells[bad]).trim()}" is not ${what}`,
        { row: table.rowNumbers[bad], column: table.headers[index] },
      );
    }
    return read.values;
  };
  if (columns.amount !== undefined) {
    const values = numbers(columns.amount, 'an amount (a number such as 12.50)');
    for (let r = 0; r < values.length; r++) if (Number.isNaN(values[r])) values[r] = 0;
    return values;
  }
  const quantity = numbers(columns.quantity as number, 'a quantity (a number)');
  const price = numbers(columns.price as number, 'a unit price (a number such as 2.55)');
  const out = new Float64Array(quantity.length);
  for (let r = 0; r < out.length; r++) {
    const value = quantity[r] * price[r];
    out[r] = Number.isNaN(value) ? 0 : value;
  }
  return out;
}

/** True when order ids are digits and a few start with "C" (cancellation invoices). */
function cPrefixMeansReturn(cells: Cell[]): boolean {
  let digits = 0;
  let prefixed = 0;
  for (const cell of cells) {
    const text = cellText(cell).trim();
    if (/^\d+$/.test(text)) digits++;
    else if (/^c\d+$/i.test(text)) prefixed++;
  }
  return prefixed > 0 && digits > prefixed;
}

function resolveAsOf(asOf: string | Date | undefined, newest: number): number {
  if (asOf === undefined) return newest;
  if (asOf instanceof Date) return Math.floor(asOf.getTime() / 86_400_000);
  const read = readDateColumn([asOf]);
  if (!read || Number.isNaN(read.days[0])) {
    throw new SegmentationError(
      'INVALID_OPTION',
      `--as-of must be a date such as 2024-01-31; got "${asOf}"`,
      {
        field: 'asOf',
      },
    );
  }
  return read.days[0];
}

/** The as-of day as an ISO date, for notes and the Run. */
export function asOfText(rollup: CustomerRollup): string {
  return isoDate(rollup.asOf);
}
