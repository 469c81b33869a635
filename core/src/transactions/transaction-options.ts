/**
 * What a user may say about an orders table: which columns are the customer, the date and the amount
 * (or quantity and unit price), and the date recency is counted to. Anything left out is detected.
 */

/** Explicit choices; every field is optional and overrides detection. */
export interface TransactionOverrides {
  /** Customer key column (id, email, name). Default: detected from header words and repeats. */
  customer?: string;
  /** Order date column. Default: detected (order/invoice/purchase date words preferred). */
  date?: string;
  /** Order amount column (total, amount, revenue…). Default: detected; else quantity × price. */
  amount?: string;
  /** Quantity column, used with {@link price} when there is no amount column. */
  quantity?: string;
  /** Unit price column, used with {@link quantity}. */
  price?: string;
  /** Order id column (lines of one order count once). Default: detected (invoice/order/receipt words). */
  order?: string;
  /**
   * The day recency is counted to, as an ISO date (YYYY-MM-DD) or a Date. Default: the newest date in
   * the table, so an old export still reads "bought 3 days before the end of the data".
   */
  asOf?: string | Date;
}

/**
 * True when the user named any column, which makes detection an override rather than a guess.
 * @example hasColumnOverrides({ asOf: '2024-03-11' }) // false — an as-of date alone still detects the columns
 */
export function hasColumnOverrides(overrides: TransactionOverrides): boolean {
  return Boolean(
    overrides.customer || overrides.date || overrides.amount || overrides.quantity || overrides.price,
  );
}
