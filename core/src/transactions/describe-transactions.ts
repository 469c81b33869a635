/**
 * What was detected and what was left out, in sentences a person can check against the file.
 */
import { formatNumber } from '../format';
import { isoDate } from '../table/dates';
import type { Table } from '../table/table';
import type { TransactionColumns } from './detect-transactions';
import type { CustomerRollup } from './roll-up';

const count = (value: number) => value.toLocaleString('en-US');

/**
 * The one-line detection sentence.
 * @example describeTransactions(table, columns, rollup) // 'Transactions detected: 1,601 orders of 300 customers (Email), dates from Created at, amounts from Total'
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
 * @example transactionNotes(rollup)[0] // 'Recency is counted to 2010-12-23 (the newest date in the file).'
 */
export function transactionNotes(rollup: CustomerRollup): string[] {
  const { stats } = rollup;
  const notes = [
    `Recency is counted to ${isoDate(rollup.asOf)}${rollup.asOf === stats.newest ? ' (the newest order date)' : ''}; orders from ${isoDate(stats.oldest)} to ${isoDate(stats.newest)}.`,
  ];
  if (stats.blankKeyLines > 0)
    notes.push(`${count(stats.blankKeyLines)} lines without a customer were left out.`);
  if (stats.returnLines > 0)
    notes.push(
      `${count(stats.returnLines)} return or cancellation lines (negative amounts, "C" invoices) were netted: ${formatNumber(stats.returnedAmount)} taken off monetary value; they are not orders.`,
    );
  if (stats.cancelledLines > 0)
    notes.push(
      `${count(stats.cancelledLines)} lines of orders cancelled or refunded by status were left out.`,
    );
  if (stats.blankDateLines > 0)
    notes.push(`${count(stats.blankDateLines)} purchase lines without a date were left out.`);
  if (stats.customersWithoutPurchases > 0)
    notes.push(
      `${count(stats.customersWithoutPurchases)} customers with only returns or cancellations were left out (no purchase to date their recency).`,
    );
  return notes;
}
