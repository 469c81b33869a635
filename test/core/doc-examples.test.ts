/**
 * Every `@example` line in core/src runs here against the core exports, so the examples cannot go
 * stale. An example is one JavaScript expression; when it ends with a `// expected` comment, its value
 * must equal the expected one (deep equality). Expected forms:
 * - any JavaScript value: `'income'`, `[1, 2, 0]`, `{ kind: 'number', value: 1234 }`, `undefined`;
 * - a number or string cut short with `…` matches by prefix: `0.1891…`, `'json:{"schemaVersion":1,…'`;
 * - a typed array: `Float64Array [0, 1]`;
 * - `throws: <message>` (the message may end with `…`);
 * - any of these followed by ` — ` and a remark for the reader (`// 6 — 3 centres × 2 values`).
 * Examples read the scope below: the core exports plus a few named fixtures.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@segments/core';
import { describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const coreSrc = join(repo, 'core', 'src');

// ------------------------------------------------------------------------------------------------
// The scope examples run in.

const mallCsv = readFileSync(join(repo, 'test', 'fixtures', 'mall_customers.csv'), 'utf8');
const mall = core.parseDelimited(mallCsv);
const incomeAndSpending = ['Annual Income (k$)', 'Spending Score (1-100)'];
/** Mall, k = 5 on income and spending: the seeds' five personas. */
const run = core.segmentTable(mall, {
  k: 5,
  columns: incomeAndSpending,
  id: 'run-1',
  name: 'Mall',
  now: new Date('2026-01-01T00:00:00Z'),
  source: { kind: 'csv', fileName: 'mall.csv' },
});
/** An earlier run on the same file, k = 6 on age, income and spending. */
const previousRun = core.segmentTable(mall, {
  k: 6,
  id: 'run-0',
  name: 'Mall with age',
  now: new Date('2025-12-01T00:00:00Z'),
  source: { kind: 'csv', fileName: 'mall.csv' },
});
const latest = core.toRunSummary(run);
const previous = core.toRunSummary(previousRun);
/** The team's runs, newest first. */
const runs = [latest, previous];

/** Ages 20, 30, (empty), 40; plans A, B, A, A; incomes 10 to 40. */
const table = core.tableFromCells([
  ['Age', 'Plan', 'Income'],
  [20, 'A', 10],
  [30, 'B', 20],
  ['', 'A', 30],
  [40, 'A', 40],
]);
const selection = core.selectFeatures(core.inferColumns(table), ['Age', 'Income'], 'auto', 'the table');
const cells = core.readFeatureCells(table, selection, 'the table');

/** The stages of `run`, one by one. */
const settings = core.validateSegmentOptions({
  k: 5,
  columns: incomeAndSpending,
  id: 'run-1',
  now: new Date('2026-01-01T00:00:00Z'),
  source: { kind: 'csv', fileName: 'mall.csv' },
});
const mallSelection = core.selectFeatures(core.inferColumns(mall), incomeAndSpending, 'auto', 'mall.csv');
const matrix = core.buildFeatureMatrix(mall, mallSelection, settings, 'mall.csv');
const clustered = core.clusterAndChooseK(matrix, 'kmeans', settings);
const clustering = clustered.clustering;
const segmentOrder = core.orderSegmentsBySize(clustering.sizes);
const profiles = core.profileSegments(matrix, clustering, segmentOrder);
const features = matrix.features;
/** The Mall segments named by the persona stage, before the ranking stage. */
const namedSegments = core.nameSegments(features, profiles);
const parts: core.RunParts = {
  settings,
  rowCount: mall.rows.length,
  selection: mallSelection,
  matrix,
  clustered,
  segments: core.rankSegments(features, core.nameSegments(features, profiles)),
  quality: core.measureQuality(matrix.n, clustered, settings.seed),
};
/** Mall income and spending, z-scored: 200 points in 2 dimensions. */
const points = matrix.numeric;
const n = matrix.n;
const d = matrix.numericCount;
/** Mall's gender (categorical) with z-scored age, income and spending, for k-prototypes. */
const mixedMatrix = core.buildFeatureMatrix(
  mall,
  core.selectFeatures(core.inferColumns(mall), [], 'auto', 'mall.csv'),
  { missing: 'drop', scaling: 'zscore' },
  'mall.csv',
);
const data: core.MixedData = {
  n: mixedMatrix.n,
  numeric: mixedMatrix.numeric,
  numericCount: mixedMatrix.numericCount,
  categorical: mixedMatrix.categorical,
  categoricalCount: mixedMatrix.categoricalCount,
  categoryCounts: [2],
};

/** Mall with the persona of `run` as a known segment, to train a classifier on. */
const personaOf = (row: number) => run.segments[run.assignments?.[row] ?? 0].persona.name;
const labelled = core.tableFromCells([
  [...mall.headers, 'Segment'],
  ...mall.rows.map((row, r) => [...row, personaOf(r)]),
]);
const model = core.trainClassifier(labelled, {
  label: 'Segment',
  id: 'model-1',
  now: new Date('2026-01-02T00:00:00Z'),
});
const result = core.predictTable(model, mall);
const predictions = [
  core.toPredictionRun(model, result, {
    id: 'prediction-1',
    name: 'leads-may',
    now: new Date('2026-01-03T00:00:00Z'),
  }),
];
/** Three rows, one numeric feature in two bins: the smallest input gradient boosting takes. */
const binned: core.BinnedFeature[] = [{ kind: 'numeric', codes: Uint16Array.from([1, 2, 2]), binCount: 2 }];

/**
 * test/fixtures/orders_small.csv: 10 order lines of 4 customers (Email), one blank key, one
 * cancelled order and one return; its detected columns, roll-up and a k = 2 RFM run.
 */
const ordersCsv = readFileSync(join(repo, 'test', 'fixtures', 'orders_small.csv'), 'utf8');
const orders = core.parseDelimited(ordersCsv, { source: 'orders_small.csv' });
const ordersColumns = core.detectTransactions(orders) as core.TransactionColumns;
const rollup = core.rollUpTransactions(orders, ordersColumns);
const ordersSettings = core.validateSegmentOptions({
  k: 2,
  id: 'run-rfm',
  now: new Date('2024-04-01T00:00:00Z'),
  source: { kind: 'csv', fileName: 'orders_small.csv' },
});
const rfm = core.segmentTransactions(orders, ordersColumns, ordersSettings);
const rfmRun = rfm.run;
const customerSegments = rfm.customerSegments;
/** The stages inside `rfm`: the RFM matrix, its clustering and the quintile scores. */
const rfmFeatures = core.rfmMatrix(rollup, {
  recency: ['Created at'],
  frequency: ['Order ID'],
  monetary: ['Total'],
});
const rfmClustered = core.clusterAndChooseK(rfmFeatures, 'kmeans', ordersSettings);
const rfmOrder = core.orderSegmentsBySize(rfmClustered.clustering.sizes);
const rfmProfiles = core.profileSegments(rfmFeatures, rfmClustered.clustering, rfmOrder);
const scores = core.rfmScores(rollup.recency, rollup.frequency, rollup.monetary);

const scope: Record<string, unknown> = {
  ...core,
  mallCsv,
  mall,
  run,
  previousRun,
  latest,
  previous,
  runs,
  table,
  selection,
  cells,
  settings,
  matrix,
  clustered,
  clustering,
  segmentOrder,
  profiles,
  namedSegments,
  features,
  parts,
  points,
  n,
  d,
  data,
  labelled,
  model,
  result,
  predictions,
  binned,
  ordersCsv,
  orders,
  ordersColumns,
  rollup,
  ordersSettings,
  rfm,
  rfmRun,
  customerSegments,
  rfmFeatures,
  rfmClustered,
  rfmOrder,
  rfmProfiles,
  scores,
};

// ------------------------------------------------------------------------------------------------
// Finding and running examples.

interface DocExample {
  file: string;
  line: number;
  code: string;
  expected?: string;
}

function coreFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? coreFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Splits `code // comment` at the first `//` outside a string literal. */
function splitComment(text: string): { code: string; comment?: string } {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '/' && text[i + 1] === '/') {
      return { code: text.slice(0, i).trim(), comment: text.slice(i + 2).trim() };
    }
  }
  return { code: text.trim() };
}

function findExamples(): DocExample[] {
  return coreFiles(coreSrc)
    .sort()
    .flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((text, index) => {
          const match = /^\s*\*\s*@example\s+(.*)$/.exec(text);
          if (!match) return [];
          const { code, comment } = splitComment(match[1]);
          return [{ file: relative(repo, path), line: index + 1, code, expected: comment }];
        }),
    );
}

/** A value cut short with "…": matches a number or string that starts with `prefix`. */
class Prefix {
  constructor(readonly prefix: string) {}
}

const names = Object.keys(scope);
const values = names.map((name) => scope[name]);

function evaluate(expression: string, extra: Record<string, unknown> = {}): unknown {
  const fn = new Function(...names, ...Object.keys(extra), `"use strict"; return (${expression});`);
  return fn(...values, ...Object.values(extra));
}

const TYPED_ARRAYS: Record<string, new (values: number[]) => ArrayLike<number>> = {
  Float64Array,
  Int32Array,
  Uint8Array,
  Uint16Array,
};

function parseExpected(text: string): unknown {
  const typed = /^(Float64Array|Int32Array|Uint8Array|Uint16Array) (\[.*\])$/.exec(text);
  if (typed) return new TYPED_ARRAYS[typed[1]](evaluate(typed[2]) as number[]);
  // 0.1891… and 'json:{…' become prefix matchers.
  const withPrefixes = text
    .replace(/(-?\d+(?:\.\d+)?)…/g, (_, digits: string) => `__prefix(${JSON.stringify(digits)})`)
    .replace(/'([^']*)…'/g, (_, chars: string) => `__prefix(${JSON.stringify(chars)})`);
  return evaluate(withPrefixes, { __prefix: (prefix: string) => new Prefix(prefix) });
}

/** Deep equality where a {@link Prefix} matches by prefix and a typed array must be of the same type. */
function matches(actual: unknown, expected: unknown): boolean {
  if (expected instanceof Prefix) {
    return (
      (typeof actual === 'number' || typeof actual === 'string') && String(actual).startsWith(expected.prefix)
    );
  }
  if (ArrayBuffer.isView(expected)) {
    return (
      actual?.constructor === expected.constructor &&
      matches(Array.from(actual as ArrayLike<number>), Array.from(expected as unknown as ArrayLike<number>))
    );
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => matches(actual[i], item))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const actualKeys = Object.keys(actual).filter(
      (key) => (actual as Record<string, unknown>)[key] !== undefined,
    );
    const expectedKeys = Object.keys(expected);
    return (
      actualKeys.length === expectedKeys.length &&
      expectedKeys.every((key) =>
        matches((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]),
      )
    );
  }
  return Object.is(actual, expected);
}

function show(value: unknown): string {
  if (ArrayBuffer.isView(value))
    return `${value.constructor.name} ${show(Array.from(value as unknown as ArrayLike<number>))}`;
  if (value instanceof Prefix) return `${value.prefix}…`;
  return (
    JSON.stringify(value, (_, item) => (item instanceof Prefix ? `${item.prefix}…` : item)) ?? String(value)
  );
}

/** "6 — 3 centres × 2 values" → "6": the remark after an em dash is for the reader. */
function withoutRemark(expected: string): string {
  const dash = expected.indexOf(' — ');
  if (dash < 0) return expected;
  const value = expected.slice(0, dash);
  // The whole text when the dash is inside the value (a string that contains " — ").
  try {
    parseExpected(value);
    return value;
  } catch {
    return expected;
  }
}

/** Runs one example; returns why it failed, or undefined when it holds. */
function check(example: DocExample): string | undefined {
  const throwsMatch = example.expected === undefined ? null : /^throws: (.*)$/.exec(example.expected);
  let actual: unknown;
  try {
    actual = evaluate(example.code);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!throwsMatch) return `threw: ${message}`;
    const wanted = throwsMatch[1].replace(/…$/, '').trim();
    return message.startsWith(wanted) ? undefined : `threw "${message}", expected "${throwsMatch[1]}"`;
  }
  if (throwsMatch) return `returned ${show(actual)} instead of throwing`;
  if (example.expected === undefined) return undefined;
  let expected: unknown;
  try {
    expected = parseExpected(withoutRemark(example.expected));
  } catch (error) {
    return `the expected value "${example.expected}" is not a JavaScript value (${error instanceof Error ? error.message : error})`;
  }
  return matches(actual, expected) ? undefined : `returned ${show(actual)}, expected ${example.expected}`;
}

const examples = findExamples();

/**
 * Files another helper is rewriting at the same time (the CSV parser in table/table.ts, column
 * semantics in table/columns.ts, personas/): their stale examples and missing ones are listed here
 * instead of being edited, and each entry must still be stale or missing, so the list only shrinks.
 */
const KNOWN_STALE = new Set<string>([]);
const PENDING_EXAMPLES: string[] = [];

describe('JSDoc @example lines in core', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(80);
  });

  for (const example of examples) {
    if (KNOWN_STALE.has(example.code)) {
      it(`${example.file}:${example.line} ${example.code} is still listed as stale`, () => {
        expect(check(example), 'this example holds now: take it off KNOWN_STALE').toBeDefined();
      });
      continue;
    }
    it(`${example.file}:${example.line} ${example.code}`, () => {
      const failure = check(example);
      if (failure) throw new Error(`${example.file}:${example.line}: ${example.code} — ${failure}`);
    });
  }
});

describe('JSDoc of the core exports', () => {
  it('gives every exported function a one-line @example', () => {
    const documented = new Map<string, boolean>();
    for (const path of coreFiles(coreSrc)) {
      const text = readFileSync(path, 'utf8');
      for (const match of text.matchAll(
        /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export (?:function|class) (\w+)/g,
      )) {
        documented.set(match[2], /@example /.test(match[1] ?? ''));
      }
    }
    const missing = Object.entries(core)
      .filter(([name, value]) => typeof value === 'function' && !documented.get(name))
      .map(([name]) => name)
      .sort();
    expect(missing).toEqual(PENDING_EXAMPLES);
  });
});
