/**
 * The semantic stage before the feature matrix: read what every column means, derive features, pick
 * the default features (behaviour and value first) and say why every other column is left out.
 * Returns the table with derived columns appended (and money/comma-decimal columns read as numbers
 * once, column-wide), so the matrix stage reads plain numbers.
 */
import type { Role } from '../schema/run';
import { type ColumnSemantics, describeColumns } from './column-semantics';
import { type DerivedFeature, type DeriveOptions, deriveFeatures } from './derive-features';
import { headerWords } from './header-words';
import type { Cell, Table } from './table';

export interface FeaturePlan extends ColumnPlan {
  /** The input table plus derived columns; numbers written in a local format are read once. */
  table: Table;
}

/** The plan without the table: what the typed CSV path computes from its columns. */
export interface ColumnPlan {
  columns: ColumnSemantics[];
  derived: DerivedFeature[];
  /** Default features (headers of `table`), used when the user names none. */
  defaultColumns: string[];
  /** Columns left out of the default features, with a reason a person can read. */
  excluded: { column: string; reason: string }[];
  /** Role of every column of `table`, derived ones included. */
  roles: Map<string, Role>;
  /** Numeric-looking columns that are codes and must be read as categories. */
  categoricalColumns: string[];
  /** Yes/no and outcome columns to report per segment as rates. */
  outcomes: { column: string; index: number; positive: string }[];
  /** Descriptive category columns left out (location, channel codes, …): shown per segment. */
  descriptors: { column: string; index: number }[];
  /** One line per data check: formats read, negatives, scale jumps, spreadsheet errors. */
  checks: string[];
  /** Derivations and exclusions as sentences for `preprocessing.notes`. */
  notes: string[];
}

export interface PlanOptions extends DeriveOptions {
  /** k-means cannot use categories: they are left out of the default features. Default 'auto'. */
  algorithm?: 'auto' | 'kmeans' | 'kprototypes';
}

/** Behaviour features that switch the default to "behaviour and value" features. */
const BEHAVIOUR: ReadonlySet<Role> = new Set(['spending', 'frequency', 'count', 'recency', 'tenure', 'mix']);
const VALUE: ReadonlySet<Role> = new Set(['income', 'age']);
const NEVER: ReadonlySet<Role> = new Set([
  'id',
  'name',
  'email',
  'text',
  'constant',
  'label',
  'outcome',
  'date',
]);
const RESPONSE_WORDS = new Set([
  'response',
  'responded',
  'respon',
  'accepted',
  'accept',
  'converted',
  'conversion',
  'konversi',
]);

/**
 * Plans the features of a table.
 * @example planFeatures(mall).excluded[0] // { column: 'CustomerID', reason: 'a different value in every row with an id header → id' }
 */
export function planFeatures(table: Table, options: PlanOptions = {}): FeaturePlan {
  const plan = planColumns(describeColumns(table), table.rows.length, options);
  return { ...plan, table: augment(table, plan.columns, plan.derived) };
}

/**
 * True when the plan leaves the table as it is: nothing derived, no number read in a local format
 * (then the feature matrix reads the input's own cells).
 * @example isPlainPlan(planFeatures(mall)) // true
 */
export function isPlainPlan(plan: ColumnPlan): boolean {
  return plan.derived.length === 0 && !plan.columns.some(needsRewrite);
}

function needsRewrite(column: ColumnSemantics): boolean {
  return column.numbers?.needsRewrite === true && column.kind === 'numeric';
}

/**
 * The plan of columns already read (by describeColumns, or describeTypedColumns for a parsed CSV).
 * @example planColumns(describeColumns(mall), 200).defaultColumns // ['Genre', 'Age', 'Annual Income (k$)', 'Spending Score (1-100)']
 */
export function planColumns(
  columns: ColumnSemantics[],
  rowCount: number,
  options: PlanOptions = {},
): ColumnPlan {
  const derived = deriveFeatures(columns, rowCount, options);
  const roles = new Map<string, Role>();
  for (const column of columns) roles.set(column.name, column.role);
  for (const feature of derived) roles.set(feature.name, feature.role);

  // Columns replaced by what derives from them.
  const replacedBy = new Map<string, string>();
  for (const feature of derived)
    if (feature.role !== 'mix')
      for (const source of feature.derivedFrom) replacedBy.set(source, feature.name);
  const mixFeatures = derived.filter((feature) => feature.role === 'mix');
  const featureRoles = new Set<Role>([
    ...columns.filter((column) => !replacedBy.has(column.name)).map((column) => column.role),
    ...derived.map((f) => f.role),
  ]);
  // Spend per category is the behaviour itself when nothing else describes behaviour.
  const otherBehaviour = [...featureRoles].filter(
    (role) => BEHAVIOUR.has(role) && role !== 'spending' && role !== 'mix',
  );
  const useMix = mixFeatures.length > 0 && otherBehaviour.length === 0;
  const behaviourKinds = new Set(
    [...featureRoles]
      .filter((role) => BEHAVIOUR.has(role) && (role !== 'mix' || useMix))
      .map((role) => (role === 'count' ? 'frequency' : role)),
  );
  const behaviourMode = behaviourKinds.size >= 2;

  const chosen: string[] = [];
  const excluded: FeaturePlan['excluded'] = [];
  const categoricalColumns: string[] = [];
  const outcomes: FeaturePlan['outcomes'] = [];
  const descriptors: FeaturePlan['descriptors'] = [];
  const checks: string[] = [];
  const exclude = (column: ColumnSemantics, reason: string) => excluded.push({ column: column.name, reason });
  for (const feature of derived) {
    const line = feature.role === 'age' ? implausibleAges(feature) : undefined;
    if (line) checks.push(line);
  }
  for (const column of columns) {
    const numbers = column.numbers;
    if (numbers) for (const line of dataChecks(column)) checks.push(line);
    if (column.role === 'code') categoricalColumns.push(column.name);
    if (column.role === 'outcome' || column.role === 'flag') {
      if (column.positive !== undefined)
        outcomes.push({ column: column.name, index: column.index, positive: column.positive });
    }
    const replacement = replacedBy.get(column.name);
    if (replacement && column.role !== 'category-spend') {
      exclude(column, `replaced by ${replacement}`);
      continue;
    }
    if (column.role === 'category-spend') {
      const total = replacement ?? 'total spending';
      exclude(column, useMix ? `summed into ${total}; its share of it is a feature` : `summed into ${total}`);
      continue;
    }
    if (NEVER.has(column.role) || column.kind === 'empty' || column.kind === 'id' || column.kind === 'text') {
      exclude(column, reasonFor(column));
      continue;
    }
    // A helper column of formulas that mostly failed is skipped; a stray error in a real feature
    // still stops the run with the row and column named (nothing is silently dropped).
    if (numbers && numbers.errors > 0 && numbers.errors >= numbers.numbers) {
      exclude(
        column,
        `${numbers.errors} spreadsheet errors (${numbers.firstError?.text}): a helper column that failed; choose it explicitly once they are fixed`,
      );
      continue;
    }
    if (column.role === 'flag' && (behaviourMode || column.kind === 'numeric')) {
      exclude(column, 'a yes/no flag: shown per segment as a rate');
      continue;
    }
    const isCategory = column.kind === 'categorical';
    if (behaviourMode && !BEHAVIOUR.has(column.role) && !VALUE.has(column.role)) {
      if (isCategory) descriptors.push({ column: column.name, index: column.index });
      exclude(
        column,
        `${isCategory ? 'a descriptive category' : 'not a value or behaviour measure'}: segments follow spending and behaviour; add it with --columns to use it`,
      );
      continue;
    }
    if (isCategory && options.algorithm === 'kmeans') {
      descriptors.push({ column: column.name, index: column.index });
      exclude(column, 'a category, which k-means cannot use');
      continue;
    }
    chosen.push(column.name);
  }
  for (const feature of derived) if (feature.role !== 'mix' || useMix) chosen.push(feature.name);
  // Numeric features first, as the matrix stores them; keep the table's order otherwise.
  const notes: string[] = [];
  if (excluded.length > 0)
    notes.push(`Not used: ${excluded.map((entry) => `${entry.column} (${entry.reason})`).join('; ')}.`);
  for (const feature of derived) if (feature.role !== 'mix') notes.push(`Derived ${feature.explanation}.`);
  if (useMix)
    notes.push(
      `Derived the share of each category in total spending (${mixFeatures.map((f) => f.name).join(', ')}).`,
    );
  const responseOutcomes = outcomes.filter((outcome) =>
    headerWords(outcome.column).some((word) => RESPONSE_WORDS.has(word)),
  );
  void responseOutcomes;
  return {
    columns,
    derived,
    defaultColumns: chosen,
    excluded,
    roles,
    categoricalColumns,
    outcomes,
    descriptors,
    checks,
    notes,
  };
}

/**
 * True when an outcome column measures response to marketing (response, accepted, converted).
 * @example isResponseOutcome('AcceptedCmp3') // true
 */
export function isResponseOutcome(column: string): boolean {
  return headerWords(column).some((word) => RESPONSE_WORDS.has(word));
}

function reasonFor(column: ColumnSemantics): string {
  const why = column.explanation.slice(column.name.length + 2);
  switch (column.role) {
    case 'outcome':
      return 'an outcome, not a trait: shown per segment as a rate';
    case 'label':
      return 'an existing segment label, not a customer trait';
    case 'constant':
      if (column.distinct === 0) return 'every cell is empty';
      return why.startsWith('every cell is a spreadsheet error') ? why : 'the same value in every row';
    case 'date':
      return column.datePurpose === 'other' ? 'a date with no known meaning for customers' : why;
    default:
      return why;
  }
}

function dataChecks(column: ColumnSemantics): string[] {
  const numbers = column.numbers;
  if (!numbers || column.kind === 'id') return [];
  const lines: string[] = [];
  if (numbers.decimalComma)
    lines.push(`${column.name}: comma decimals ("0,5" = 0.5), read for the whole column.`);
  else if (numbers.thousands && /money|spend|income|category-spend/.test(column.role))
    lines.push(`${column.name}: thousands separators read ("1,234" = 1234).`);
  if (numbers.currency) lines.push(`${column.name}: currency ${numbers.currency} read as amounts.`);
  const isMoney = ['money', 'spending', 'category-spend', 'income'].includes(column.role);
  if (isMoney && numbers.negatives > 0)
    lines.push(
      `${column.name}: ${numbers.negatives} negative amount${numbers.negatives === 1 ? '' : 's'} (returns or refunds?) kept as they are.`,
    );
  if (numbers.scaleJumps > 0 && numbers.distinct > 10)
    lines.push(
      `${column.name}: ${numbers.scaleJumps} value${numbers.scaleJumps === 1 ? '' : 's'} over 1,000× the column's median (${numbers.median}); check the unit.`,
    );
  if (numbers.errors > 0)
    lines.push(
      `${column.name}: ${numbers.errors} spreadsheet error${numbers.errors === 1 ? '' : 's'} (${numbers.firstError?.text}).`,
    );
  return lines;
}

/** Ages past this (or below 0) are taken as typing errors in the birth year or date. */
export const MAX_PLAUSIBLE_AGE = 100;

/**
 * A data check for derived ages no customer has (a birth year of 1893 in a 2014 export): how many,
 * the extremes and the column to check; undefined when every age is plausible.
 * @example implausibleAges({ name: 'Age', derivedFrom: ['Year_Birth'], values: Float64Array.from([40, 121, 114, -2]) }) // 'Age: 3 ages are implausible (over 100 or below 0: from -2 to 121), derived from Year_Birth; check those values.'
 */
export function implausibleAges(
  feature: Pick<DerivedFeature, 'name' | 'derivedFrom' | 'values'>,
): string | undefined {
  let count = 0;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (const age of feature.values) {
    if (!(age > MAX_PLAUSIBLE_AGE || age < 0)) continue;
    count++;
    if (age < lowest) lowest = age;
    if (age > highest) highest = age;
  }
  if (count === 0) return undefined;
  const range = lowest === highest ? `${lowest}` : `from ${lowest} to ${highest}`;
  return `${feature.name}: ${count} age${count === 1 ? ' is' : 's are'} implausible (over ${MAX_PLAUSIBLE_AGE} or below 0: ${range}), derived from ${feature.derivedFrom.join(', ')}; check those values.`;
}

/** The table with derived columns appended and locally formatted numbers read once. */
function augment(table: Table, columns: ColumnSemantics[], derived: DerivedFeature[]): Table {
  const rewrite = columns.filter(needsRewrite);
  if (derived.length === 0 && rewrite.length === 0) return table;
  const rows: Cell[][] = new Array(table.rows.length);
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r].slice();
    for (const column of rewrite) {
      const value = column.numbers?.values[r] as number;
      if (!Number.isNaN(value)) row[column.index] = value;
    }
    for (const feature of derived) {
      const value = feature.values[r];
      row.push(Number.isNaN(value) ? '' : value);
    }
    rows[r] = row;
  }
  return { ...table, headers: [...table.headers, ...derived.map((feature) => feature.name)], rows };
}
