/**
 * Features derived from what columns mean: age from a birth year or birth date, tenure from a signup
 * date, recency from a last-purchase date (all as of the newest date in the file), total spending from
 * a family of money columns and each category's share of it, total purchases from purchase counts.
 * Each is recorded with the columns it comes from and how, so new rows can be derived the same way.
 */
import type { Feature, Role } from '../schema/run';
import type { ColumnSemantics } from './column-semantics';
import { isoDate, readDateColumn } from './dates';
import { headerWords, readableHeader } from './header-words';
import { readNumberColumn } from './number-format';
import type { Cell, Table } from './table';

/** One derived column: values per row (NaN when a source is missing) and its record for the Run. */
export interface DerivedFeature {
  name: string;
  role: Role;
  derivedFrom: string[];
  derivation: NonNullable<Feature['derivation']>;
  values: Float64Array;
  /** One line: "Age: 2014 − Year_Birth (as of 2014-12-06)". */
  explanation: string;
}

export interface DeriveOptions {
  /** The date ages, tenure and recency are counted to when the file has no dates. Default now. */
  now?: Date;
  /**
   * Columns the user named for segmenting (any case). A named date column is never averaged as a
   * day number: it segments as what derives from it (age, tenure, recency) or, for a date with no
   * known meaning, as "Days since <column>". Default none.
   */
  chosenColumns?: readonly string[];
}

const DAYS_PER_MONTH = 30.4375;
const DAYS_PER_YEAR = 365.25;

/**
 * Derives features from column semantics. The reference date is the newest date in any date column
 * (so a 2014 export reads as of 2014, not today), else `options.now`.
 * @example deriveFeatures(describeColumns(tableFromCells([['Birth Year', 'Joined'], [1980, '2020-01-15'], [1990, '2024-01-15']])), 2).map((f) => f.name) // ['Age', 'Tenure (months)']
 */
export function deriveFeatures(
  columns: ColumnSemantics[],
  rowCount: number,
  options: DeriveOptions = {},
): DerivedFeature[] {
  const taken = new Set(columns.map((column) => column.name.toLowerCase()));
  const nameFor = (name: string) => {
    let candidate = name;
    for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${name} ${i}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
  const dateColumns = columns.filter((column) => column.dates);
  const newest = dateColumns.reduce(
    (max, column) => Math.max(max, column.dates?.newest ?? max),
    Number.NEGATIVE_INFINITY,
  );
  const asOfDays = Number.isFinite(newest)
    ? newest
    : Math.floor((options.now ?? new Date()).getTime() / 86_400_000);
  const asOf = isoDate(asOfDays);
  const asOfNote = Number.isFinite(newest) ? `as of ${asOf}, the newest date in the file` : `as of ${asOf}`;
  const derived: DerivedFeature[] = [];
  const has = (role: Role) => columns.some((column) => column.role === role);

  if (!has('age')) {
    const birthYear = columns.find((column) => column.role === 'birth-year');
    const birthDate = columns.find((column) => column.datePurpose === 'birth');
    if (birthYear?.numbers) {
      const year = Number(asOf.slice(0, 4));
      const values = birthYear.numbers.values.map((value) => year - value);
      derived.push({
        name: nameFor('Age'),
        role: 'age',
        derivedFrom: [birthYear.name],
        derivation: { kind: 'age-from-birth-year', asOf },
        values,
        explanation: `Age: ${year} − ${birthYear.name} (${asOfNote})`,
      });
    } else if (birthDate?.dates) {
      const values = birthDate.dates.days.map((day) => Math.floor((asOfDays - day) / DAYS_PER_YEAR));
      derived.push({
        name: nameFor('Age'),
        role: 'age',
        derivedFrom: [birthDate.name],
        derivation: { kind: 'age-from-birth-date', asOf },
        values,
        explanation: `Age: years from ${birthDate.name} to ${asOf}`,
      });
    }
  }
  if (!has('tenure')) {
    const signup = columns.find((column) => column.datePurpose === 'signup');
    if (signup?.dates) {
      const values = signup.dates.days.map(
        (day) => Math.round(((asOfDays - day) / DAYS_PER_MONTH) * 10) / 10,
      );
      derived.push({
        name: nameFor('Tenure (months)'),
        role: 'tenure',
        derivedFrom: [signup.name],
        derivation: { kind: 'months-since', asOf },
        values,
        explanation: `Tenure (months): months since ${signup.name} (${asOfNote})`,
      });
    }
  }
  if (!has('recency')) {
    const last = columns.find((column) => column.datePurpose === 'last');
    if (last?.dates) {
      const values = last.dates.days.map((day) => asOfDays - day);
      derived.push({
        name: nameFor('Recency (days)'),
        role: 'recency',
        derivedFrom: [last.name],
        derivation: { kind: 'days-since', asOf },
        values,
        explanation: `Recency (days): days since ${last.name} (${asOfNote})`,
      });
    }
  }
  const family = columns.filter((column) => column.role === 'category-spend' && column.numbers);
  if (family.length >= 2 && !has('spending')) {
    const total = sumOf(family, rowCount);
    const sources = family.map((column) => column.name);
    derived.push({
      name: nameFor('Total spending'),
      role: 'spending',
      derivedFrom: sources,
      derivation: { kind: 'sum' },
      values: total,
      explanation: `Total spending: ${sources.join(' + ')}`,
    });
    const labels = categoryLabels(family);
    family.forEach((column, f) => {
      const values = new Float64Array(rowCount);
      const own = column.numbers?.values as Float64Array;
      for (let r = 0; r < rowCount; r++)
        values[r] = Number.isNaN(total[r])
          ? Number.NaN
          : total[r] > 0
            ? (Number.isNaN(own[r]) ? 0 : own[r]) / total[r]
            : 0;
      derived.push({
        name: nameFor(`${labels[f]} share`),
        role: 'mix',
        derivedFrom: [column.name],
        derivation: { kind: 'share', of: sources },
        values,
        explanation: `${labels[f]} share: ${column.name} ÷ total spending`,
      });
    });
  }
  // A date the user named that nothing above derived from: days from it to the reference date.
  const chosen = new Set((options.chosenColumns ?? []).map((name) => name.toLowerCase()));
  const derivedSources = new Set(derived.flatMap((feature) => feature.derivedFrom));
  for (const column of dateColumns) {
    if (!chosen.has(column.name.toLowerCase()) || derivedSources.has(column.name) || !column.dates) continue;
    const values = column.dates.days.map((day) => asOfDays - day);
    const name = nameFor(`Days since ${column.name}`);
    derived.push({
      name,
      role: 'number',
      derivedFrom: [column.name],
      derivation: { kind: 'days-since', asOf },
      values,
      explanation: `${name}: days from ${column.name} to ${asOf}`,
    });
  }
  const purchases = columns.filter(
    (column) => column.role === 'count' && column.purchaseCount && column.numbers,
  );
  if (purchases.length >= 2) {
    const sources = purchases.map((column) => column.name);
    derived.push({
      name: nameFor('Total purchases'),
      role: 'frequency',
      derivedFrom: sources,
      derivation: { kind: 'sum' },
      values: sumOf(purchases, rowCount),
      explanation: `Total purchases: ${sources.join(' + ')}`,
    });
  }
  return derived;
}

/** Row sums; a row with every source empty stays empty, other empty cells count as 0. */
function sumOf(columns: ColumnSemantics[], rowCount: number): Float64Array {
  const total = new Float64Array(rowCount).fill(Number.NaN);
  for (const column of columns) {
    const values = column.numbers?.values as Float64Array;
    for (let r = 0; r < rowCount; r++) {
      const value = values[r];
      if (Number.isNaN(value)) continue;
      total[r] = Number.isNaN(total[r]) ? value : total[r] + value;
    }
  }
  return total;
}

/**
 * What each member of a money family is spent on: its header without the family's common first word
 * ("MntWines" → "Wines", "MntGoldProds" → "Gold Prods"), or the readable header.
 * @example categoryLabels([{ name: 'MntWines' }, { name: 'MntGoldProds' }]) // ['Wines', 'Gold Prods']
 */
export function categoryLabels(family: { name: string }[]): string[] {
  const words = family.map((column) => headerWords(column.name));
  const first = words[0]?.[0];
  const shared = first !== undefined && words.every((list) => list[0] === first && list.length > 1);
  return family.map((column, i) => {
    if (!shared) return readableHeader(column.name);
    const rest = readableHeader(column.name)
      .replace(new RegExp(`^${first}[\\s_-]*`, 'i'), '')
      .trim();
    return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : words[i].slice(1).join(' ');
  });
}

/**
 * Derives a run's derived features again on a new table (for assigning new customers): the same
 * sources, the same reference date, the same sums and shares. Numbers written in a local format
 * (comma decimals, currencies) are read column-wide, as when the run was made.
 * @example applyDerivations(tableFromCells([['Spend A', 'Spend B'], [1, 2]]), [{ name: 'Total spending', kind: 'numeric', derivedFrom: ['Spend A', 'Spend B'], derivation: { kind: 'sum' } }]).rows[0] // [1, 2, 3]
 */
export function applyDerivations(table: Table, features: readonly Feature[]): Table {
  const has = (name: string) => table.headers.some((header) => header.toLowerCase() === name.toLowerCase());
  const indexOf = (name: string) =>
    table.headers.findIndex((header) => header.toLowerCase() === name.toLowerCase());
  const column = (name: string) => table.rows.map((row) => row[indexOf(name)]);
  const numbers = new Map<string, Float64Array>();
  const numbersOf = (name: string) => {
    let values = numbers.get(name);
    if (!values) {
      values = readNumberColumn(column(name)).values;
      numbers.set(name, values);
    }
    return values;
  };
  const rowCount = table.rows.length;
  const added: { name: string; values: Float64Array }[] = [];
  const rewrite: { index: number; values: Float64Array }[] = [];
  for (const feature of features) {
    if (feature.kind !== 'numeric') continue;
    if (has(feature.name)) {
      const read = readNumberColumn(column(feature.name));
      if (read.needsRewrite) rewrite.push({ index: indexOf(feature.name), values: read.values });
      continue;
    }
    const derivation = feature.derivation;
    const sources = feature.derivedFrom ?? [];
    if (!derivation || sources.length === 0 || !sources.every(has)) continue;
    const asOf = derivation.asOf ? Date.parse(`${derivation.asOf}T00:00:00Z`) / 86_400_000 : Number.NaN;
    const datesOf = (name: string) =>
      readDateColumn(column(name), true)?.days ?? new Float64Array(rowCount).fill(Number.NaN);
    let values: Float64Array;
    switch (derivation.kind) {
      case 'sum': {
        values = new Float64Array(rowCount).fill(Number.NaN);
        for (const source of sources) {
          const part = numbersOf(source);
          for (let r = 0; r < rowCount; r++)
            if (!Number.isNaN(part[r])) values[r] = Number.isNaN(values[r]) ? part[r] : values[r] + part[r];
        }
        break;
      }
      case 'share': {
        const own = numbersOf(sources[0]);
        const total = new Float64Array(rowCount);
        for (const source of derivation.of ?? sources) {
          if (!has(source)) continue;
          const part = numbersOf(source);
          for (let r = 0; r < rowCount; r++) if (!Number.isNaN(part[r])) total[r] += part[r];
        }
        values = own.map((value, r) => (total[r] > 0 ? (Number.isNaN(value) ? 0 : value) / total[r] : 0));
        break;
      }
      case 'age-from-birth-year': {
        const year = Number((derivation.asOf ?? '').slice(0, 4));
        values = numbersOf(sources[0]).map((value) => year - value);
        break;
      }
      case 'age-from-birth-date':
        values = datesOf(sources[0]).map((day) => Math.floor((asOf - day) / DAYS_PER_YEAR));
        break;
      case 'months-since':
        values = datesOf(sources[0]).map((day) => Math.round(((asOf - day) / DAYS_PER_MONTH) * 10) / 10);
        break;
      case 'days-since':
        values = datesOf(sources[0]).map((day) => asOf - day);
        break;
      default:
        values = derivation.kind satisfies never;
    }
    added.push({ name: feature.name, values });
  }
  if (added.length === 0 && rewrite.length === 0) return table;
  const rows: Cell[][] = table.rows.map((original, r) => {
    const row = original.slice();
    for (const { index, values } of rewrite) if (!Number.isNaN(values[r])) row[index] = values[r];
    for (const { values } of added) row.push(Number.isNaN(values[r]) ? '' : values[r]);
    return row;
  });
  return { ...table, headers: [...table.headers, ...added.map((entry) => entry.name)], rows };
}
