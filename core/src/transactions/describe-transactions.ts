/**
 * What was detected and what was left out, in sentences a person can check against the file.
 */
import { formatNumber } from '../format';
import { isoDate } from '../table/dates';
import type { Table } from '../table/table';
import type { TransactionColumns } from './detect-transactions';
import type { CustomerRollup } from './roll-up';

const count = (value: number) => value.toLocaleString('en-US');
/** "1 line", "15,631 lines". */
const lines = (value: number, noun = 'line') => `${count(value)} ${noun}${value === 1 ? '' : 's'}`;

/**
 * The one-line detection sentence.
 * @example describeTransactions(orders, ordersColumns, rollup) // 'Transactions detected: 6 orders of 4 customers (Email), dates from Created at, amounts from Total'
 */
export function describeTransactions(
  table: Table,
  columns: TransactionColumns,
  rollup: CustomerRollup,
): string {
  const name = (index: number | undefined) => (index === undefined ? '' : table.headers[index]);
  const amounts =
    columns.amount !== undefined
      ? name(columns.amount)
      : `${name(columns.quantity)} × ${name(columns.price)}`;
  const lead = columns.explicit ? 'Transactions' : 'Transactions detected';
  return `${lead}: ${count(rollup.stats.orders)} orders of ${count(rollup.keys.length)} customers (${rollup.keyColumn}), dates from ${name(columns.date)}, amounts from ${amounts}`;
}

/**
 * The roll-up's exclusions and settings, one sentence each (only those that happened).
 * @example transactionNotes(rollup)[0] // 'Recency is counted to 2024-03-01 (the newest order date); orders from 2024-01-05 to 2024-03-01.'
 */
export function transactionNotes(rollup: CustomerRollup): string[] {
  const { stats } = rollup;
  const notes = [
    `Recency is counted to ${isoDate(rollup.asOf)}${rollup.asOf === stats.newest ? ' (the newest order date)' : ''}; orders from ${isoDate(stats.oldest)} to ${isoDate(stats.newest)}.`,
  ];
  if (stats.blankKeyLines > 0)
    notes.push(
      `${lines(stats.blankKeyLines)} without a customer ${stats.blankKeyLines === 1 ? 'was' : 'were'} left out.`,
    );
  if (stats.returnLines > 0)
    notes.push(
      `${lines(stats.returnLines, 'return or cancellation line')} (negative amounts, "C" invoices) ${stats.returnLines === 1 ? 'was' : 'were'} netted: ${formatNumber(stats.returnedAmount)} taken off monetary value; they are not orders.`,
    );
  if (stats.cancelledLines > 0)
    notes.push(
      `${lines(stats.cancelledLines)} of orders cancelled or refunded by status ${stats.cancelledLines === 1 ? 'was' : 'were'} left out.`,
    );
  if (stats.blankDateLines > 0)
    notes.push(
      `${lines(stats.blankDateLines, 'purchase line')} without a date ${stats.blankDateLines === 1 ? 'was' : 'were'} left out.`,
    );
  if (stats.customersWithoutPurchases > 0)
    notes.push(
      `${count(stats.customersWithoutPurchases)} customers with only returns or cancellations were left out (no purchase to date their recency).`,
    );
  return notes;
}
