/**
 * `segments segment <file>`: segment a CSV/TSV, write it back with Segment and Persona columns, keep the
 * run in the local store and print a summary (or the Run as JSON).
 */
import {
  createConversationTranslator,
  customerRows,
  encodeAssignmentColumns,
  PERSONA_HEADER,
  type Run,
  SEGMENT_HEADER,
  type SegmentOptions,
  segmentCsvText,
  type Table,
  tableFromTyped,
} from '@segments/core';
import {
  columnsFlag,
  langFlag,
  parseFlags,
  TRANSACTION_FLAGS,
  transactionFlags,
  wholeNumberFlag,
} from '../args';
import { reportError } from '../errors';
import {
  canCopyLines,
  defaultOutputPath,
  readDelimitedFile,
  toCsv,
  writeSegmentedCsv,
  writeTextFile,
} from '../files';
import { formatRunSummary } from '../format';
import { type CliIo, type Command, EXIT_OK, UsageError } from '../io';
import { progressReporter } from '../progress';

export const segmentCommand: Command = async (argv, io) => {
  try {
    const { values, positionals } = parse(argv);
    if (values.sheet !== undefined || values.range !== undefined) {
      // The Sheets client and the store (PGlite) load only when used: a file run with --no-save
      // starts without them (about a second less per run).
      const { segmentSheetCommand } = await import('../sheet-command');
      return await segmentSheetCommand(
        {
          sheet: values.sheet,
          range: values.range,
          positionals,
          out: values.out,
          options: segmentOptions(values, io.env),
          json: values.json === true,
          save: !values['no-save'],
        },
        io,
      );
    }
    if (positionals.length !== 1) throw new UsageError('segment takes exactly one file');
    const [path] = positionals;
    const options = segmentOptions(values, io.env);
    const { text, fileName, parse: parseOptions } = readDelimitedFile(path, io.cwd);
    const jobOptions: SegmentOptions = {
      ...options,
      source: { kind: 'csv', fileName },
      onProgress: progressReporter(io),
    };
    // The typed path (columns in typed arrays, lines copied to the output) when it provably gives the
    // same Run; else the general one. An orders table is rolled up per customer (RFM): one row each.
    const result = segmentCsvText(text, jobOptions, parseOptions);
    const { run } = result;
    const orders = result.path === 'general' ? result.orders : undefined;
    // Everything is computed before anything is written: a failure above leaves no file behind.
    const outPath = values.out ?? defaultOutputPath(path, orders ? 'customers' : 'segments');
    if (result.path === 'typed' && canCopyLines(result.typed))
      writeSegmentedCsv(outPath, io.cwd, result.typed, run);
    else
      writeTextFile(
        outPath,
        io.cwd,
        toCsv(
          orders
            ? customerRows(run, orders.rollup, orders.customerSegments)
            : withSegmentColumns(result.path === 'typed' ? tableFromTyped(result.typed) : result.table, run),
        ),
      );
    const saved = values['no-save'] ? undefined : await (await import('../store')).saveRunLocally(run, io);
    if (values.json) io.stdout(`${JSON.stringify(run, null, 2)}\n`);
    else {
      if (orders) io.stdout(`${orders.detected}\n\n`);
      io.stdout(formatRunSummary(run, run.lang));
      const m = createConversationTranslator(run.lang ?? 'en').m;
      io.stdout(
        `\n${orders ? m.cliWroteCustomers(outPath, orders.rollup.keyColumn) : m.cliWroteRows(outPath)}\n`,
      );
      if (saved) io.stdout(`${m.cliSaved(run.id, saved.created)}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
};

function parse(argv: string[]) {
  return parseFlags(argv, {
    columns: { type: 'string' },
    k: { type: 'string' },
    scale: { type: 'string' },
    algorithm: { type: 'string' },
    missing: { type: 'string' },
    seed: { type: 'string' },
    restarts: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    'no-save': { type: 'boolean' },
    sheet: { type: 'string' },
    range: { type: 'string' },
    lang: { type: 'string' },
    ...TRANSACTION_FLAGS,
  });
}

type SegmentFlags = ReturnType<typeof parse>['values'];

/** Flags → core options; core validates ranges and names the option when one is off. */
function segmentOptions(values: SegmentFlags, env: Record<string, string | undefined>): SegmentOptions {
  const k = values.k === undefined || values.k.trim().toLowerCase() === 'auto' ? 'auto' : Number(values.k);
  if (values.k !== undefined && k !== 'auto' && Number.isNaN(k))
    throw new UsageError(`--k takes "auto" or a number of segments; got "${values.k}"`);
  return {
    columns: columnsFlag(values.columns),
    k,
    scaling: values.scale as SegmentOptions['scaling'],
    algorithm: values.algorithm as SegmentOptions['algorithm'],
    missing: values.missing as SegmentOptions['missing'],
    seed: wholeNumberFlag('seed', values.seed),
    restarts: wholeNumberFlag('restarts', values.restarts),
    name: values.name,
    transactions: transactionFlags(values),
    lang: langFlag(values.lang, env),
  };
}

/** The input rows plus Segment and Persona (replacing those columns when the file already has them). */
function withSegmentColumns(table: Table, run: Run): unknown[][] {
  const columns = encodeAssignmentColumns(run, table.rows.length);
  const keep = table.headers
    .map((_, c) => c)
    .filter((c) => table.headers[c] !== SEGMENT_HEADER && table.headers[c] !== PERSONA_HEADER);
  return [
    [...keep.map((c) => table.headers[c]), ...columns[0]],
    ...table.rows.map((row, r) => [...keep.map((c) => row[c]), ...columns[r + 1]]),
  ];
}

export type { CliIo };
