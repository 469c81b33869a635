/**
 * The "Customers" sheet of an RFM run: one row per customer (the customer key, Recency (days),
 * Frequency, Monetary, First order, Segment, Persona), beside the orders sheet whose Segment/Persona
 * columns give each order line its customer's segment. Marked with sheet developer metadata so a
 * re-run replaces the product's own sheet and never a user's sheet that happens to be called "Customers".
 */
import type { Run } from '../schema/run';
import { customerRows } from '../transactions/customer-rows';
import type { CustomerRollup } from '../transactions/roll-up';
import { plainText, type SheetValue } from './sheet-values';

/** The name the Customers sheet gets when no sheet has it. */
export const CUSTOMERS_SHEET_NAME = 'Customers';
/** The name it gets when a user's own sheet is called "Customers" (numbered if that is taken too). */
export const CUSTOMERS_SHEET_FALLBACK_NAME = 'Customers (segments)';

/**
 * The Customers sheet's values: header and one row per customer, text made formula-safe.
 * @example encodeCustomersSheet(run, rollup, customerSegments)[0] // ['Email', 'Recency (days)', 'Frequency', 'Monetary', 'First order', 'Segment', 'Persona']
 */
export function encodeCustomersSheet(
  run: Run,
  rollup: CustomerRollup,
  customerSegments: Int32Array,
): SheetValue[][] {
  return customerRows(run, rollup, customerSegments).map((row) =>
    row.map((cell) => (typeof cell === 'string' ? plainText(cell) : cell)),
  );
}

/**
 * Where the Customers sheet goes: the product's own sheet keeps its name (it is replaced); else
 * "Customers" when free, else "Customers (segments)" (then "… 2", "… 3"), with a sentence saying why.
 * @param taken names of every sheet in the spreadsheet
 * @param own name of the product's Customers sheet from an earlier run (found by developer metadata)
 * @example customersSheetName(['Customers', 'Orders']) // { name: 'Customers (segments)', note: 'Your sheet "Customers" was left alone; the one row per customer went to "Customers (segments)".' }
 */
export function customersSheetName(taken: readonly string[], own?: string): { name: string; note?: string } {
  if (own !== undefined) return { name: own };
  const names = new Set(taken.map((name) => name.toLowerCase()));
  if (!names.has(CUSTOMERS_SHEET_NAME.toLowerCase())) return { name: CUSTOMERS_SHEET_NAME };
  let name = CUSTOMERS_SHEET_FALLBACK_NAME;
  for (let n = 2; names.has(name.toLowerCase()); n++) name = `${CUSTOMERS_SHEET_FALLBACK_NAME} ${n}`;
  return {
    name,
    note: `Your sheet "${CUSTOMERS_SHEET_NAME}" was left alone; the one row per customer went to "${name}".`,
  };
}

/**
 * The detection sentence an RFM run recorded ("Transactions detected: 6 orders of 4 customers
 * (Email), …"), or undefined for a run on a customer table.
 * @example detectionSentence(rfmRun) // 'Transactions detected: 6 orders of 4 customers (Email), dates from Created at, amounts from Total'
 */
export function detectionSentence(run: Pick<Run, 'source'>): string | undefined {
  if (run.source.kind !== 'transactions') return undefined;
  const detected = (run.source as { detected?: unknown }).detected;
  return typeof detected === 'string' && detected !== '' ? detected : undefined;
}
