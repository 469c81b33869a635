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
 * @example rollUpTransactions(orders, ordersColumns, '2024-03-11').recency // Float64Array [10, 30, 25, 46]
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

  // Cells are read from the rows in place: no copy of a million-row column unless it is needed.
  const rows = table.rows;
  const keyColumn = columns.customer;
  const blankKey = (cell: Cell) => isEmptyCell(cell) || cellText(cell).trim() === '';
  let anyKey = false;
  for (let r = 0; r < n && !anyKey; r++) anyKey = !blankKey(rows[r][keyColumn]);
  if (!anyKey) {
    throw new SegmentationError(
      'INVALID_VALUE',
      `${source}: the customer column "${header(columns.customer)}" is empty on every row (row ${table.rowNumbers[0]} onwards); name the customer column with --customer`,
      { row: table.rowNumbers[0], column: header(columns.customer) },
    );
  }

  const dates = readOrderDates(rows, columns.date);
  const badDate = dates ? firstBadInRows(rows, columns.date, dates.days) : undefined;
  if (!dates || badDate !== undefined) {
    const dateCells = column(columns.date);
    const r = badDate ?? firstUnreadableDate(dateCells);
    throw new SegmentationError(
      'INVALID_VALUE',
      `${where(r, columns.date)}: "${cellText(dateCells[r])}" is not a date (expected a date such as 2024-01-31 or 31/01/2024)`,
      { row: table.rowNumbers[r], column: header(columns.date) },
    );
  }
  const amounts = readAmounts(table, columns, column, where);

  const orderColumn = columns.order;
  const statusColumn = columns.status;
  // "C536379" cancels an invoice of digits: only read a C prefix as a return when the ids are numbers.
  const cPrefixReturns = orderColumn !== undefined && cPrefixMeansReturn(rows, orderColumn);
  let blankKeyLines = 0;

  const index = new Map<string, number>();
  // The same raw cell (string or number) repeats on every line of a customer: normalise it once.
  const indexOfCell = new Map<Cell, number>();
  const keys: string[] = [];
  const rowCustomer = new Int32Array(n).fill(-1);
  const monetary: number[] = [];
  const frequency: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  // Order id → the customer whose purchase first used it; an id shared by two customers (rare) is
  // counted per customer through the composite keys.
  const orderOwner = new Map<string, number>();
  const sharedOrders = new Set<string>();
  let previousKeyCell: Cell | undefined;
  let previousCustomer = -1;
  let previousOrder: string | undefined;
  let previousOrderCell: Cell | undefined;
  let orderText = '';
  let cPrefixed = false;
  let previousOrderCustomer = -1;
  let orders = 0;
  let cancelledLines = 0;
  let returnLines = 0;
  let returnedAmount = 0;
  let blankDateLines = 0;
  let newest = Number.NEGATIVE_INFINITY;
  let oldest = Number.POSITIVE_INFINITY;
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    const keyCell = row[keyColumn];
    if (isEmptyCell(keyCell)) {
      blankKeyLines++;
      continue;
    }
    // Lines of one order follow each other: the previous line's customer is the likely one.
    let c = keyCell === previousKeyCell ? previousCustomer : indexOfCell.get(keyCell);
    if (c === undefined) {
      const key = normaliseKey(cellText(keyCell));
      if (key === '') {
        blankKeyLines++;
        continue;
      }
      c = index.get(key);
      if (c === undefined) {
        c = keys.length;
        index.set(key, c);
        keys.push(key);
        monetary.push(0);
        frequency.push(0);
        first.push(Number.POSITIVE_INFINITY);
        last.push(Number.NEGATIVE_INFINITY);
      }
      indexOfCell.set(keyCell, c);
    }
    previousKeyCell = keyCell;
    previousCustomer = c;
    rowCustomer[r] = c;
    if (statusColumn !== undefined && CANCELLED_STATUS.test(cellText(row[statusColumn]))) {
      cancelledLines++;
      continue;
    }
    const amount = amounts[r];
    // The order id repeats on each of its lines: read its text and C prefix once per order.
    const orderCell = orderColumn !== undefined ? row[orderColumn] : '';
    if (orderCell !== previousOrderCell) {
      previousOrderCell = orderCell;
      orderText = cellText(orderCell).trim();
      cPrefixed = cPrefixReturns && /^c/i.test(orderText);
    }
    const isReturn = amount < 0 || cPrefixed;
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
    if (orderText !== '') {
      if (orderText === previousOrder && c === previousOrderCustomer) continue;
      previousOrder = orderText;
      previousOrderCustomer = c;
      const owner = orderOwner.get(orderText);
      if (owner === c) continue;
      if (owner !== undefined) {
        const orderKey = `${c}\u0000${orderText}`;
        if (sharedOrders.has(orderKey)) continue;
        sharedOrders.add(orderKey);
      } else orderOwner.set(orderText, c);
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
    const plain = readPlainNumbers(table.rows, index);
    if (plain) return plain;
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

/**
 * The order dates, each distinct cell read once: an export repeats one timestamp on every line of an
 * order (the 1,000,000-line bench has a few thousand distinct ones). Which format the column is in
 * (day or month first) is decided from the distinct values, as a set: the same evidence as all rows.
 */
function readOrderDates(rows: readonly Cell[][], index: number): { days: Float64Array } | undefined {
  const slotOf = new Map<Cell, number>();
  const distinct: Cell[] = [];
  const slots = new Int32Array(rows.length);
  let previous: Cell | undefined;
  let previousSlot = -1;
  for (let r = 0; r < rows.length; r++) {
    const cell = rows[r][index];
    let slot = cell === previous ? previousSlot : slotOf.get(cell);
    if (slot === undefined) {
      slot = distinct.length;
      distinct.push(cell);
      slotOf.set(cell, slot);
    }
    slots[r] = slot;
    previous = cell;
    previousSlot = slot;
  }
  const read = readDateColumn(distinct, true);
  if (!read) return undefined;
  const days = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) days[r] = read.days[slots[r]];
  return { days };
}

/**
 * The values of a column of plain numbers ("12", "-3", "8.66", or numbers), read directly; undefined
 * when any cell needs the full reader (commas, currencies, blanks, text). With no comma anywhere
 * the full reader takes the dot as the decimal point, so both read plain numbers alike; this path
 * only skips its per-cell shapes on a million order lines.
 */
function readPlainNumbers(rows: readonly Cell[][], index: number): Float64Array | undefined {
  const values = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cell = rows[r][index];
    if (typeof cell === 'number' && Number.isFinite(cell)) {
      values[r] = cell;
      continue;
    }
    if (typeof cell !== 'string' || !PLAIN_NUMBER.test(cell)) return undefined;
    values[r] = Number(cell);
  }
  return values;
}

const PLAIN_NUMBER = /^-?\d*\.?\d+$/;

/** True when order ids are digits and a few start with "C" (cancellation invoices). */
function cPrefixMeansReturn(rows: readonly Cell[][], index: number): boolean {
  let digits = 0;
  let prefixed = 0;
  for (let r = 0; r < rows.length; r++) {
    const cell = rows[r][index];
    if (typeof cell === 'number') {
      if (Number.isInteger(cell) && cell >= 0) digits++;
      continue;
    }
    const text = cellText(cell).trim();
    if (DIGITS.test(text)) digits++;
    else if (C_DIGITS.test(text)) prefixed++;
  }
  return prefixed > 0 && digits > prefixed;
}

const DIGITS = /^\d+$/;
const C_DIGITS = /^c\d+$/i;

/** The first row whose cell in the column is not empty but did not read. */
function firstBadInRows(rows: readonly Cell[][], index: number, values: Float64Array): number | undefined {
  for (let r = 0; r < rows.length; r++) if (Number.isNaN(values[r]) && !isEmptyCell(rows[r][index])) return r;
  return undefined;
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

/**
 * The as-of day as an ISO date, for notes and the Run.
 * @example asOfText(rollup) // '2024-03-01' — the newest order date of orders_small.csv
 */
export function asOfText(rollup: CustomerRollup): string {
  return isoDate(rollup.asOf);
}
