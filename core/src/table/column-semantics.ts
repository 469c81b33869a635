/**
 * What each column of a customer table means, from its header words (English and Indonesian, any
 * case, underscores or camel case) and the shape and range of its values: ids, names and free text,
 * dates, birth years, ages, income, money columns (alone or as a family spent per category), counts,
 * recency, tenure, small integer codes (categories), yes/no flags, outcomes (churn, response,
 * complaints) and constants. Every decision comes with one line a person can check.
 */
import type { Role } from '../schema/run';
import type { TypedTable } from './csv-columns';
import { type DateColumn, describeDateFormat, readDateColumn } from './dates';
import { maxOf, minOf } from './extent';
import { hasPhrase, hasWord, headerWords } from './header-words';
import { type NumberColumn, numberColumnOfValues, readNumberColumn } from './number-format';
import { type Cell, isEmptyCell, type Table } from './table';

export type SemanticKind = 'numeric' | 'categorical' | 'date' | 'id' | 'text' | 'empty';

/** What one column is, and why we think so. */
export interface ColumnSemantics {
  name: string;
  index: number;
  role: Role;
  kind: SemanticKind;
  /** One line: "`Channel`: 2 distinct codes (1, 2) → category". */
  explanation: string;
  distinct: number;
  missing: number;
  /** The column read as numbers (numeric, flag and code columns). */
  numbers?: NumberColumn;
  /** The column read as dates (date columns). */
  dates?: DateColumn;
  /** What a date column records: a birth date, a signup, the last purchase, or something else. */
  datePurpose?: 'birth' | 'signup' | 'last' | 'other';
  /** Money columns sharing a family (spend per product category); the family's common label. */
  family?: string;
  /** A count of purchases/orders (summed into total purchases when there are several). */
  purchaseCount?: boolean;
  /** For flags and outcomes: the value that means yes. */
  positive?: string;
}

const words = (list: string) => new Set(list.split(' '));
const ID_WORDS = words('id ids uuid guid kode nomor nr no number num');
const LABEL_WORDS = words('segment segmentation segmen persona cluster klaster label class kelas predicted');
const NAME_WORDS = words('name nama email mail phone telepon telp hp address alamat');
const TEXT_WORDS = words('comment comments note notes catatan description deskripsi keterangan remarks');
const OUTCOME_WORDS = words(
  'churn churned attrition exited response responded respon accepted accept complain complaint complained keluhan komplain converted conversion konversi cancelled canceled cancel unsubscribed defaulted fraud outcome retained renewed berhenti',
);
const BIRTH_WORDS = words('birth born lahir dob birthday kelahiran');
const AGE_WORDS = words('age umur usia');
const INCOME_WORDS = words('income salary earning earnings wage wages pendapatan penghasilan gaji');
const SPEND_WORDS = words(
  'spend spent spending amount amt mnt sales revenue monetary belanja pengeluaran paid payment pembayaran omzet gmv nilai expenditure',
);
const PRICE_WORDS = words('price cost harga biaya fee tarif');
const SCORE_WORDS = words('score skor rating rank peringkat grade index');
const COUNT_WORDS = words(
  'count jumlah qty quantity frequency frekuensi purchases orders visits kunjungan transactions transaksi trips sessions kali items times',
);
const PURCHASE_WORDS = words(
  'purchase purchases order orders transaction transactions transaksi pembelian belanja buy buys',
);
const RECENCY_WORDS = words('recency');
const TENURE_WORDS = words('tenure');
const FAMILY_WORDS = words(
  'kid kids children child teen teens anak household family keluarga dependents tanggungan',
);
const GENDER_WORDS = words('gender genre sex kelamin');
const LOCATION_WORDS = words(
  'city region country province kota provinsi wilayah residen residence location state area daerah negara zip postcode',
);
const PROFESSION_WORDS = words('profession occupation job profesi pekerjaan');
const EXPERIENCE_WORDS = words('experience pengalaman');
const DATE_WORDS = words('date dt tanggal tgl timestamp time joined registered signup created since waktu');
const SIGNUP_WORDS = words(
  'customer join joined signup registered registration created first since member enrol enrolled daftar bergabung registrasi gabung',
);
const LAST_WORDS = words('last latest recent terakhir');
const YES = new Set(['1', 'yes', 'y', 'true', 't', 'ya']);
const NO = new Set(['0', 'no', 'n', 'false', 'f', 'tidak', 'tdk']);
const SHEET_ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_SHAPE =
  /^\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|^\d{1,2}[-\s][A-Za-z]{3,9}[-\s]\d{2,4}$|^[A-Za-z]{3,9}\s+\d{1,2},?\s+\d{4}$/;

/** Codes: whole numbers, at most this many distinct values. */
export const MAX_CODE_VALUES = 10;
/** Free text: more distinct text values than this. */
export const MAX_CATEGORY_VALUES = 30;

/**
 * Reads every column of a table.
 * @example describeColumns(mall).map((c) => c.role) // ['id', 'gender', 'age', 'income', 'spending']
 */
export function describeColumns(table: Table): ColumnSemantics[] {
  const columns = table.headers.map((name, index) => describeColumn(table, name, index));
  findMoneyFamilies(columns);
  return columns;
}

/**
 * Reads every column of a typed table (a parsed CSV) as {@link describeColumns} reads the same text
 * parsed into a Table, without an array per row: text columns through their dictionary, number
 * columns from their Float64Array. Needs canonical number columns (see `gridOfTyped`), whose cells
 * are exactly `String(value)` or empty; undefined otherwise.
 * @example describeTypedColumns(parseCsvColumns(mallCsv, { exactText: true }))?.map((c) => c.role) // ['id', 'gender', 'age', 'income', 'spending']
 */
export function describeTypedColumns(typed: TypedTable): ColumnSemantics[] | undefined {
  if (typed.columns.some((column) => column.kind === 'number' && !column.canonical)) return undefined;
  const columns = typed.headers.map((name, index) => {
    const column = typed.columns[index];
    if (column.kind === 'number') return describeNumberValues(column.values, name, index);
    const cells: Cell[] = new Array(typed.rowCount);
    for (let r = 0; r < typed.rowCount; r++) cells[r] = column.dictionary[column.codes[r]];
    return describeCells(cells, name, index);
  });
  findMoneyFamilies(columns);
  return columns;
}

/**
 * A canonical number column: the steps of {@link describeCells} for cells that are `String(value)`
 * or '' (no missing markers, no dates shapes, no spreadsheet errors, every present cell a number),
 * computed on the values. A header that says "date" needs the cells' text: those are rebuilt.
 */
function describeNumberValues(values: Float64Array, name: string, index: number): ColumnSemantics {
  const w = headerWords(name);
  if (hasWord(w, DATE_WORDS) || hasPhrase(w, 'member since')) {
    const cells: Cell[] = new Array(values.length);
    for (let r = 0; r < values.length; r++) cells[r] = Number.isNaN(values[r]) ? '' : String(values[r]);
    return describeCells(cells, name, index);
  }
  let missing = 0;
  const distinctValues = new Set<number>();
  for (let r = 0; r < values.length; r++) {
    const value = values[r];
    if (Number.isNaN(value)) missing++;
    else if (distinctValues.size <= 10_000) distinctValues.add(value);
  }
  const present = values.length - missing;
  const distinct = distinctValues.size;
  const base = { name, index, distinct, missing };
  const said = (role: Role, kind: SemanticKind, why: string, extra: Partial<ColumnSemantics> = {}) => ({
    ...base,
    role,
    kind,
    explanation: `${name}: ${why}`,
    ...extra,
  });
  if (present === 0) return said('constant', 'empty', 'every cell is empty → left out');
  if (distinct <= 1) return said('constant', 'empty', 'the same value in every row → constant, left out');
  const isLabel = w.length > 0 && w.every((word) => LABEL_WORDS.has(word));
  if (isLabel)
    return said('label', 'categorical', `${distinct} existing segment labels → label, not a customer trait`);
  return describeNumeric(said, w, numberColumnOfValues(values), present, distinct);
}

function describeColumn(table: Table, name: string, index: number): ColumnSemantics {
  const cells: Cell[] = new Array(table.rows.length);
  for (let r = 0; r < table.rows.length; r++) cells[r] = table.rows[r][index];
  return describeCells(cells, name, index);
}

function describeCells(cells: Cell[], name: string, index: number): ColumnSemantics {
  let missing = 0;
  const distinctText = new Set<string>();
  let firstTexts = 0;
  let dateShaped = 0;
  let dateCells = 0;
  for (let r = 0; r < cells.length; r++) {
    const cell = cells[r];
    if (isEmptyCell(cell) || (typeof cell === 'string' && /^(na|n\/a|null|none|-|—)$/i.test(cell.trim()))) {
      missing++;
      continue;
    }
    if (distinctText.size <= 10_000)
      distinctText.add(cell instanceof Date ? String(cell.getTime()) : String(cell).trim().toLowerCase());
    if (cell instanceof Date) dateCells++;
    else if (typeof cell === 'string' && firstTexts < 200) {
      firstTexts++;
      if (DATE_SHAPE.test(cell.trim())) dateShaped++;
    }
  }
  const w = headerWords(name);
  const present = cells.length - missing;
  const distinct = distinctText.size;
  const base = { name, index, distinct, missing };
  const said = (role: Role, kind: SemanticKind, why: string, extra: Partial<ColumnSemantics> = {}) => ({
    ...base,
    role,
    kind,
    explanation: `${name}: ${why}`,
    ...extra,
  });
  if (present === 0) return said('constant', 'empty', 'every cell is empty → left out');
  const errorCell = cells.find((cell) => typeof cell === 'string' && SHEET_ERROR.test(cell.trim()));
  if (
    errorCell !== undefined &&
    cells.every((cell) => isEmptyCell(cell) || (typeof cell === 'string' && SHEET_ERROR.test(cell.trim())))
  )
    return said(
      'constant',
      'empty',
      `every cell is a spreadsheet error (${String(errorCell).trim()}) → a helper column that failed, left out`,
    );
  if (distinct <= 1) return said('constant', 'empty', 'the same value in every row → constant, left out');
  const isLabel = w.length > 0 && w.every((word) => LABEL_WORDS.has(word));
  if (isLabel)
    return said('label', 'categorical', `${distinct} existing segment labels → label, not a customer trait`);

  // Dates: shaped like dates, Date cells, or serial numbers under a date header.
  const headerSaysDate = hasWord(w, DATE_WORDS) || hasPhrase(w, 'member since');
  if (dateCells > 0 || dateShaped > firstTexts / 2 || headerSaysDate) {
    const dates = readDateColumn(cells, headerSaysDate);
    if (dates) {
      const purpose = hasWord(w, BIRTH_WORDS)
        ? 'birth'
        : hasWord(w, LAST_WORDS)
          ? 'last'
          : hasWord(w, SIGNUP_WORDS)
            ? 'signup'
            : 'other';
      const meaning = {
        birth: 'a birth date (→ age)',
        signup: 'a signup date (→ tenure)',
        last: 'a last-activity date (→ recency)',
        other: 'a date with no known meaning for customers',
      }[purpose];
      return said('date', 'date', `${describeDateFormat(dates)} → ${meaning}`, {
        dates,
        datePurpose: purpose,
      });
    }
  }

  const numbers = readNumberColumn(cells);
  const numeric = numbers.numbers > 0 && numbers.numbers >= 2 * numbers.texts;
  if (numeric) return describeNumeric(said, w, numbers, present, distinct);
  return describeText(said, w, cells, present, distinct);
}

type Say = (role: Role, kind: SemanticKind, why: string, extra?: Partial<ColumnSemantics>) => ColumnSemantics;

function describeNumeric(
  said: Say,
  w: string[],
  numbers: NumberColumn,
  present: number,
  distinct: number,
): ColumnSemantics {
  const { min, max } = numbers;
  const whole = numbers.integers === numbers.numbers;
  const range = `${fmt(min)}–${fmt(max)}`;
  const countOf = hasPhrase(w, 'no of') || hasPhrase(w, 'number of') || hasPhrase(w, 'jumlah');
  if (distinct === 2 && min === 0 && max === 1) {
    return hasWord(w, OUTCOME_WORDS)
      ? said('outcome', 'numeric', 'yes/no (0/1) outcome → left out, shown per segment as a rate', {
          numbers,
          positive: '1',
        })
      : said('flag', 'numeric', 'yes/no (0/1) flag → left out, shown per segment as a rate', {
          numbers,
          positive: '1',
        });
  }
  if (!countOf && hasWord(w, ID_WORDS) && distinct >= 0.9 * present)
    return said(
      'id',
      'id',
      `${distinct === present ? 'a different value in every row' : 'nearly unique values'} with an id header → id`,
    );
  if (hasWord(w, BIRTH_WORDS) && whole && min >= 1880 && max <= 2100)
    return said('birth-year', 'numeric', `birth years ${range} → age`, { numbers });
  if (hasWord(w, AGE_WORDS) && min >= 0 && max <= 130)
    return said('age', 'numeric', `ages ${range} → age`, { numbers });
  if (hasWord(w, INCOME_WORDS))
    return said('income', 'numeric', `amounts ${range} → income${moneyNote(numbers)}`, { numbers });
  if (hasWord(w, OUTCOME_WORDS) && distinct <= 5)
    return said('outcome', 'categorical', `${distinct} outcome values → left out, shown per segment`, {
      numbers,
    });
  if (
    hasWord(w, RECENCY_WORDS) ||
    hasPhrase(w, 'days since') ||
    hasPhrase(w, 'hari sejak') ||
    (hasWord(w, LAST_WORDS) && hasWord(w, words('day days hari')))
  )
    return said('recency', 'numeric', `${range} → recency (time since the last purchase)`, { numbers });
  if (
    hasWord(w, TENURE_WORDS) ||
    hasPhrase(w, 'member since') ||
    hasPhrase(w, 'months as') ||
    hasPhrase(w, 'lama berlangganan')
  )
    return said('tenure', 'numeric', `${range} → tenure`, { numbers });
  const familyWord = w.some((word) =>
    [...FAMILY_WORDS].some((f) => word === f || (word.startsWith(f) && f.length >= 3)),
  );
  if (familyWord)
    return said('family', 'numeric', `${range} → household size / children (a count)`, { numbers });
  if (hasWord(w, EXPERIENCE_WORDS))
    return said('experience', 'numeric', `${range} → experience`, { numbers });
  if (hasWord(w, SPEND_WORDS) && hasWord(w, SCORE_WORDS))
    return said('spending', 'numeric', `a spending score ${range} → spending`, { numbers });
  if (hasWord(w, SCORE_WORDS)) return said('number', 'numeric', `a score ${range} → number`, { numbers });
  if (numbers.currency || hasWord(w, SPEND_WORDS))
    return said('spending', 'numeric', `money ${range}${moneyNote(numbers)} → spending`, { numbers });
  if (hasWord(w, PRICE_WORDS))
    return said('money', 'numeric', `money ${range}${moneyNote(numbers)} → amount`, { numbers });
  if (whole && distinct === present && present >= 3 && (min === 0 || min === 1) && max - min + 1 === present)
    return said('id', 'id', `whole numbers counting ${fmt(min)}..${fmt(max)}, one per row → id`);
  if ((hasWord(w, COUNT_WORDS) || countOf || (w[0] === 'num' && w.length > 1)) && whole && min >= 0)
    return said('count', 'numeric', `whole numbers ${range} → count (frequency)`, {
      numbers,
      purchaseCount: hasWord(w, PURCHASE_WORDS),
    });
  if (
    whole &&
    distinct <= MAX_CODE_VALUES &&
    min >= 0 &&
    max <= 99 &&
    (hasWord(w, LOCATION_WORDS) || hasWord(w, GENDER_WORDS) || distinct <= 5)
  )
    return said('code', 'categorical', `${distinct} distinct codes (${codeList(numbers)}) → category`, {
      numbers,
    });
  if (hasWord(w, ID_WORDS) && distinct >= 0.9 * present)
    return said('id', 'id', 'nearly unique values with an id header → id');
  return said('number', 'numeric', `numbers ${range}${moneyNote(numbers)}`, { numbers });
}

function describeText(
  said: Say,
  w: string[],
  cells: Cell[],
  present: number,
  distinct: number,
): ColumnSemantics {
  const values = new Set<string>();
  let emails = 0;
  let digitCodes = 0;
  for (const cell of cells) {
    if (isEmptyCell(cell)) continue;
    const text = String(cell).trim();
    if (values.size <= MAX_CATEGORY_VALUES + 1) values.add(text.toLowerCase());
    if (EMAIL.test(text)) emails++;
    if (/\d/.test(text) && !/\s/.test(text)) digitCodes++;
  }
  const lower = [...values];
  if (distinct === 2 && lower.every((value) => YES.has(value) || NO.has(value))) {
    const positive = lower.find((value) => YES.has(value)) ?? lower[0];
    return hasWord(w, OUTCOME_WORDS)
      ? said('outcome', 'categorical', `yes/no outcome → left out, shown per segment as a rate`, { positive })
      : said('flag', 'categorical', `yes/no flag → a two-valued trait`, { positive });
  }
  const unique = distinct === present && present >= 3;
  if (hasWord(w, ID_WORDS) && distinct >= 0.9 * present)
    return said('id', 'id', 'unique codes with an id header → id');
  if (unique && digitCodes === present) return said('id', 'id', 'a different short code in every row → id');
  if (emails >= 0.9 * present) return said('email', 'text', 'email addresses → left out (personal data)');
  if (hasWord(w, TEXT_WORDS)) return said('text', 'text', 'notes or comments → free text, left out');
  if (hasWord(w, NAME_WORDS) && !hasWord(w, PROFESSION_WORDS))
    return said('name', 'text', 'names or contact details → left out (personal data)');
  if (distinct > MAX_CATEGORY_VALUES || unique)
    return said('text', 'text', `${distinct} different values → free text, left out`);
  if (hasWord(w, OUTCOME_WORDS))
    return said('outcome', 'categorical', `${distinct} outcome values → left out, shown per segment`);
  if (hasWord(w, SPEND_WORDS) && hasWord(w, SCORE_WORDS))
    return said('spending', 'categorical', `${distinct} spending levels → category`);
  if (hasWord(w, GENDER_WORDS))
    return said('gender', 'categorical', `${distinct} values → gender (category)`);
  if (hasWord(w, LOCATION_WORDS))
    return said('location', 'categorical', `${distinct} places → location (category)`);
  if (hasWord(w, PROFESSION_WORDS))
    return said('profession', 'categorical', `${distinct} values → profession (category)`);
  return said('category', 'categorical', `${distinct} values → category`);
}

/**
 * Groups money columns into families spent per category: columns whose headers share a money word
 * as first word ("MntWines", "MntFruits" → the Mnt family), or, when no header says money, three or
 * more non-negative amount columns on one scale with no other meaning ("Fresh", "Milk", "Grocery").
 */
function findMoneyFamilies(columns: ColumnSemantics[]): void {
  const byPrefix = new Map<string, ColumnSemantics[]>();
  for (const column of columns) {
    if (
      column.role !== 'spending' ||
      column.kind !== 'numeric' ||
      hasWord(headerWords(column.name), SCORE_WORDS)
    )
      continue;
    const first = headerWords(column.name)[0] ?? '';
    byPrefix.set(first, [...(byPrefix.get(first) ?? []), column]);
  }
  for (const [prefix, members] of byPrefix) {
    if (members.length < 2) continue;
    for (const member of members) {
      member.role = 'category-spend';
      member.family = prefix;
      member.explanation = `${member.name}: money, one of ${members.length} "${prefix}" columns → spend per category (summed into total spending)`;
    }
  }
  if (columns.some((column) => column.role === 'category-spend' || column.role === 'spending')) return;
  const plain = columns.filter(
    (column) =>
      column.role === 'number' &&
      column.numbers &&
      column.numbers.min >= 0 &&
      column.numbers.distinct > 20 &&
      column.numbers.median > 0 &&
      column.numbers.max >= 1000,
  );
  if (plain.length < 3) return;
  const medians = plain.map((column) => column.numbers?.median ?? 0);
  const low = minOf(medians);
  const high = maxOf(medians);
  if (high > 100 * low) return;
  for (const member of plain) {
    member.role = 'category-spend';
    member.family = 'amounts';
    member.explanation = `${member.name}: one of ${plain.length} non-negative amount columns on one scale (${fmt(member.numbers?.min ?? 0)}–${fmt(member.numbers?.max ?? 0)}) → spend per category (summed into total spending)`;
  }
}

function moneyNote(numbers: NumberColumn): string {
  const parts: string[] = [];
  if (numbers.currency) parts.push(`currency ${numbers.currency}`);
  if (numbers.decimalComma) parts.push('comma decimals');
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function codeList(numbers: NumberColumn): string {
  const seen = new Set<number>();
  for (const value of numbers.values) if (!Number.isNaN(value)) seen.add(value);
  return [...seen].sort((a, b) => a - b).join(', ');
}

function fmt(value: number): string {
  return Math.abs(value) >= 1000
    ? Math.round(value).toLocaleString('en-US')
    : String(Math.round(value * 100) / 100);
}
