/**
 * Is this table an orders/transactions log rather than a customer table? It is when a customer key
 * repeats across rows (one customer, several orders) and the table has an order date and an amount
 * (or a quantity and a unit price). Header words (English and Indonesian) pick the candidates; the
 * values decide: the key must repeat, the date must read as dates, the amount as numbers.
 * A customer table (one row per customer) never has a repeating key, so it is never detected.
 */
import { SegmentationError } from '../schema/errors';
import { type CellGrid, gridOfTable } from '../table/cell-grid';
import { readDateColumn } from '../table/dates';
import { hasWord, headerWords } from '../table/header-words';
import { readNumberColumn } from '../table/number-format';
import { type Cell, isEmptyCell, type Table } from '../table/table';
import { hasColumnOverrides, type TransactionOverrides } from './transaction-options';

/** The columns of a transaction log, by index into the table's headers. */
export interface TransactionColumns {
  customer: number;
  date: number;
  /** The amount column, or undefined when the amount is quantity × price. */
  amount?: number;
  quantity?: number;
  price?: number;
  /** Order id column (lines of one order count once), when there is one. */
  order?: number;
  /** Order status column (cancelled, refunded, voided…), when there is one. */
  status?: number;
  /** True when the user named the columns (then bad cells are errors, never a reason to give up). */
  explicit: boolean;
}

const words = (list: string) => new Set(list.split(' '));
const CUSTOMER_WORDS = words(
  'customer cust client klien pelanggan konsumen member user buyer pembeli shopper account akun email mail',
);
const ID_WORDS = words('id ids key uuid guid code kode no nr number num nomor');
const ORDER_WORDS = words(
  'order invoice transaction trx txn receipt faktur nota struk bill basket sale purchase transaksi pembelian pesanan',
);
const DATE_WORDS = words('date dt tanggal tgl time timestamp datetime at day waktu created paid placed');
const NOT_ORDER_DATE_WORDS = words(
  'birth born lahir dob birthday signup registered registration join joined',
);
const AMOUNT_WORDS = words(
  'total amount amt revenue sales subtotal paid payment value gmv omzet nilai spend spent sum net gross bayar pembayaran',
);
const QUANTITY_WORDS = words('qty quantity quantities units unit pcs kuantitas jumlah items');
const PRICE_WORDS = words('price harga rate cost tarif');
const STATUS_WORDS = words('status state keadaan');
/** Order-level cancellations and refunds, as status words. */
export const CANCELLED_STATUS = /cancel|refund|void|return|revers|chargeback|batal|retur|gagal|failed/i;

/** A key repeats when distinct keys are at most this share of the rows that have one. */
const REPEAT_SHARE = 0.9;
const SAMPLE = 200;

/**
 * Finds the transaction columns, or undefined when the table is not a transaction log. Named
 * columns (overrides) are used as given and the rest detected; then a missing part is an error.
 * @throws SegmentationError UNKNOWN_COLUMN for a named column that does not exist, NO_FEATURES when
 *   columns were named but no date or amount can be found
 * @example detectTransactions(parseDelimited('Email,Created at,Total\na@x.io,2024-01-02,10\na@x.io,2024-02-03,12\nb@x.io,2024-02-04,5\nb@x.io,2024-02-09,7\n'))?.customer // 0
 */
export function detectTransactions(
  table: Table,
  overrides: TransactionOverrides = {},
  source = 'the table',
): TransactionColumns | undefined {
  return detectTransactionsIn(gridOfTable(table), overrides, source);
}

/**
 * {@link detectTransactions} on any grid of cells (the typed CSV path passes its columns).
 * @example detectTransactionsIn(gridOfTable(parseDelimited('Age,Income\n30,50\n40,60\n'))) // undefined
 */
export function detectTransactionsIn(
  table: CellGrid,
  overrides: TransactionOverrides = {},
  source = 'the table',
): TransactionColumns | undefined {
  const explicit = hasColumnOverrides(overrides);
  const find = (name: string | undefined, field: string): number | undefined => {
    if (!name) return undefined;
    const wanted = name.trim().toLowerCase();
    const index = table.headers.findIndex((header) => header.trim().toLowerCase() === wanted);
    if (index < 0) {
      throw new SegmentationError(
        'UNKNOWN_COLUMN',
        `${source} has no column "${name}" (--${field}). Columns: ${table.headers.map((header) => `"${header}"`).join(', ')}`,
        { column: name, field },
      );
    }
    return index;
  };
  const named = {
    customer: find(overrides.customer, 'customer'),
    date: find(overrides.date, 'date'),
    amount: find(overrides.amount, 'amount'),
    quantity: find(overrides.quantity, 'quantity'),
    price: find(overrides.price, 'price'),
    order: find(overrides.order, 'order'),
  };
  if ((named.quantity === undefined) !== (named.price === undefined)) {
    throw new SegmentationError(
      'INVALID_OPTION',
      'Name both --quantity and --price (the amount is quantity × price), or name --amount',
      { field: named.quantity === undefined ? 'quantity' : 'price' },
    );
  }
  const headerInfo = table.headers.map((header) => headerWords(header));
  const taken = new Set<number>(Object.values(named).filter((value): value is number => value !== undefined));
  const free = (index: number) => !taken.has(index);

  const customer = named.customer ?? findCustomerKey(table, headerInfo, free);
  if (customer === undefined) return missing(explicit, 'customer', source);
  taken.add(customer);
  const date = named.date ?? findOrderDate(table, headerInfo, free);
  if (date === undefined) return missing(explicit, 'date', source);
  taken.add(date);
  let amount = named.amount;
  let quantity = named.quantity;
  let price = named.price;
  if (amount === undefined && quantity === undefined) {
    amount = findNumeric(
      table,
      headerInfo,
      free,
      (w) => hasWord(w, AMOUNT_WORDS) && !hasWord(w, QUANTITY_WORDS) && !hasWord(w, PRICE_WORDS),
    );
    if (amount === undefined) {
      quantity = findNumeric(
        table,
        headerInfo,
        free,
        (w) => hasWord(w, QUANTITY_WORDS) && !hasWord(w, PRICE_WORDS),
      );
      if (quantity !== undefined) taken.add(quantity);
      price =
        quantity === undefined
          ? undefined
          : findNumeric(table, headerInfo, free, (w) => hasWord(w, PRICE_WORDS));
      if (price === undefined) quantity = undefined;
    }
  }
  if (amount === undefined && (quantity === undefined || price === undefined))
    return missing(explicit, 'amount', source);
  for (const index of [amount, quantity, price]) if (index !== undefined) taken.add(index);
  const order = named.order ?? findOrderId(table, headerInfo, free);
  if (order !== undefined) taken.add(order);
  const status = headerInfo.findIndex((w, index) => free(index) && hasWord(w, STATUS_WORDS));
  return {
    customer,
    date,
    ...(amount !== undefined ? { amount } : { quantity, price }),
    ...(order !== undefined ? { order } : {}),
    ...(status >= 0 ? { status } : {}),
    explicit,
  };
}

function missing(explicit: boolean, part: 'customer' | 'date' | 'amount', source: string): undefined {
  if (!explicit) return undefined;
  const what = {
    customer: 'no customer column (an id, email or name that repeats across orders); name it with --customer',
    date: 'no order date column; name it with --date',
    amount: 'no amount column (or quantity and unit price); name it with --amount, or --quantity and --price',
  }[part];
  throw new SegmentationError('NO_FEATURES', `${source} has ${what}`, { field: part });
}

/** The first non-empty cells of a column (enough to judge its shape cheaply on a million rows). */
function sample(table: CellGrid, index: number): Cell[] {
  const out: Cell[] = [];
  for (let r = 0; r < table.rowCount && out.length < SAMPLE; r++) {
    const cell = table.cellAt(r, index);
    if (!isEmptyCell(cell)) out.push(cell);
  }
  return out;
}

/**
 * The customer key: a column whose header names a customer (or whose values are e-mail addresses),
 * not a date or a measure, whose values repeat. Id-like headers ("CustomerID") rank first, then
 * e-mail, then other customer words ("Customer").
 */
function findCustomerKey(
  table: CellGrid,
  headerInfo: string[][],
  free: (index: number) => boolean,
): number | undefined {
  let best: { index: number; score: number } | undefined;
  headerInfo.forEach((w, index) => {
    if (!free(index)) return;
    const cells = sample(table, index);
    const emails = cells.filter(
      (cell) => typeof cell === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell.trim()),
    );
    const customerWord = hasWord(w, CUSTOMER_WORDS);
    const email = cells.length > 0 && emails.length >= 0.9 * cells.length;
    if (!customerWord && !email) return;
    if (hasWord(w, DATE_WORDS) || hasWord(w, NOT_ORDER_DATE_WORDS) || hasWord(w, AMOUNT_WORDS)) return;
    if (cells.length > 0 && readDateColumn(cells) !== undefined) return;
    // A measure (decimals such as 12.75) is not a key; "17850.0" (an id written as a float) is.
    if (cells.some((cell) => /^-?\d*\.\d*[1-9]\d*$/.test(String(cell).trim()))) return;
    const score =
      (hasWord(w, ID_WORDS) || /[a-z]ID$/.test(table.headers[index]) ? 3 : 0) +
      (email ? 2 : 0) +
      (customerWord ? 1 : 0);
    if (!repeats(table, index)) return;
    if (!best || score > best.score) best = { index, score };
  });
  return best?.index;
}

/** True when some key appears on more than one row and distinct keys are clearly fewer than rows. */
function repeats(table: CellGrid, index: number): boolean {
  const seen = new Set<Cell>();
  let present = 0;
  let previous: Cell | undefined;
  for (let r = 0; r < table.rowCount; r++) {
    const cell = table.cellAt(r, index);
    if (isEmptyCell(cell)) continue;
    present++;
    // Lines of one order repeat their customer: the set needs the value once.
    if (cell === previous) continue;
    previous = cell;
    // Strings without spaces around them (the usual case) are added as they are: no copy per row.
    seen.add(typeof cell === 'string' ? cell.trim() : String(cell));
  }
  // An entirely empty customer column is still the key: the roll-up then says it is empty.
  if (present === 0) return true;
  // One value everywhere is a constant, not customers.
  return seen.size >= 2 && seen.size <= REPEAT_SHARE * present;
}

/** The order date: a column that reads as dates, order/invoice words first; never a birth or signup date. */
function findOrderDate(
  table: CellGrid,
  headerInfo: string[][],
  free: (index: number) => boolean,
): number | undefined {
  let best: { index: number; score: number } | undefined;
  headerInfo.forEach((w, index) => {
    if (!free(index) || hasWord(w, NOT_ORDER_DATE_WORDS)) return;
    const dateWord = hasWord(w, DATE_WORDS);
    const cells = sample(table, index);
    if (cells.length === 0 || readDateColumn(cells, dateWord) === undefined) return;
    const score = (hasWord(w, ORDER_WORDS) ? 2 : 0) + (dateWord ? 1 : 0);
    if (!best || score > best.score) best = { index, score };
  });
  return best?.index;
}

/** The first free column whose header matches and whose sampled cells read as numbers. */
function findNumeric(
  table: CellGrid,
  headerInfo: string[][],
  free: (index: number) => boolean,
  matches: (w: string[]) => boolean,
): number | undefined {
  for (let index = 0; index < headerInfo.length; index++) {
    const w = headerInfo[index];
    if (!free(index) || !matches(w) || hasWord(w, ID_WORDS)) continue;
    const numbers = readNumberColumn(sample(table, index));
    // Mostly numbers is enough: a stray text cell is then an error naming its row, not a silent miss.
    if (numbers.present > 0 && numbers.numbers > 0.5 * numbers.present) return index;
  }
  return undefined;
}

/** The order id: order/invoice/receipt words, and not a date, amount or quantity. */
function findOrderId(
  table: CellGrid,
  headerInfo: string[][],
  free: (index: number) => boolean,
): number | undefined {
  for (let index = 0; index < headerInfo.length; index++) {
    const w = headerInfo[index];
    if (!free(index) || !hasWord(w, ORDER_WORDS)) continue;
    if (
      hasWord(w, DATE_WORDS) ||
      hasWord(w, AMOUNT_WORDS) ||
      hasWord(w, QUANTITY_WORDS) ||
      hasWord(w, PRICE_WORDS) ||
      hasWord(w, STATUS_WORDS)
    )
      continue;
    if (sample(table, index).length > 0) return index;
  }
  return undefined;
}
