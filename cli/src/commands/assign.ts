/**
 * `segments assign <file> [--run ID|FILE]`: put new customers into the segments of a saved run (the
 * latest by default), with that run's own preprocessing, and write them back with Segment and Persona.
 */
import { parseArgs } from 'node:util';
import {
  assignTable,
  isModelRecord,
  type PredictionModel,
  parseModel,
  parseRun,
  type Run,
  type Table,
} from '../../../core/src/index';
import { encodeAssignmentColumns } from '../../../core/src/sheet-layout';
import { asUsageError, reportError } from '../errors';
import { CliError, defaultOutputPath, readJsonFile, readTableFile, toCsv, writeTextFile } from '../files';
import { formatTable, percent } from '../format';
import { type CliIo, type Command, EXIT_OK, UsageError } from '../io';
import { formatPrediction, predictFile, predictionColumns } from '../predict';
import { LOCAL_TEAM, withLocalStore } from '../store';

export const assignCommand: Command = async (argv, io) => {
  try {
    const { values, positionals } = parse(argv);
    if (positionals.length !== 1) throw new UsageError('assign takes exactly one file of new customers');
    const [path] = positionals;
    const { table, fileName } = readTableFile(path, io.cwd);
    if (values.run && /\.json$/i.test(values.run.trim())) {
      const json = readJsonFile(
        values.run.trim(),
        io.cwd,
        'a run saved by `segments segment --json` or a model saved by `segments train`',
      );
      // A model from `segments train` predicts labelled segments; a Run assigns to clusters.
      if (isModelRecord(json))
        return predictWithModel(
          parseModel(json, `model file "${values.run}"`),
          table,
          fileName,
          path,
          values,
          io,
        );
    }
    const run = await loadRun(values.run, io);
    const result = assignTable(run, table, { source: fileName });
    const columns = encodeAssignmentColumns(run, table.rows.length, { assignments: result.assignments });
    const outPath = values.out ?? defaultOutputPath(path, 'assigned');
    writeTextFile(
      outPath,
      io.cwd,
      toCsv([[...table.headers, ...columns[0]], ...table.rows.map((row, r) => [...row, ...columns[r + 1]])]),
    );
    const total = table.rows.length;
    const segments = run.segments.map((segment) => ({
      index: segment.index,
      name: segment.persona.name,
      size: result.counts[segment.index],
      share: total > 0 ? result.counts[segment.index] / total : 0,
    }));
    if (values.json) {
      io.stdout(
        `${JSON.stringify({ runId: run.id, runName: run.name, rowCount: total, segments, notes: result.notes, unseen: result.unseen, assignments: result.assignments, out: outPath }, null, 2)}\n`,
      );
    } else {
      io.stdout(
        `Assigned ${total.toLocaleString('en-US')} customers from ${fileName} to the segments of "${run.name}":\n\n`,
      );
      io.stdout(
        `${formatTable(
          ['#', 'Persona', 'New customers', 'Share'],
          segments.map((segment) => [segment.index + 1, segment.name, segment.size, percent(segment.share)]),
          [0, 2, 3],
        )}\n\n`,
      );
      for (const note of result.notes) io.stdout(`Note: ${note}\n`);
      io.stdout(`Wrote ${outPath}.\n`);
    }
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
};

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { run: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (error) {
    return asUsageError(error);
  }
}

/** `assign --run model.json`: predicted segment and confidence per row, and the distribution. */
function predictWithModel(
  model: PredictionModel,
  table: Table,
  fileName: string,
  path: string,
  values: { out?: string; json?: boolean },
  io: CliIo,
): number {
  const result = predictFile(model, table, fileName);
  const columns = predictionColumns(result);
  const outPath = values.out ?? defaultOutputPath(path, 'predicted');
  writeTextFile(
    outPath,
    io.cwd,
    toCsv([
      [...table.headers, ...columns.headers],
      ...table.rows.map((row, r) => [...row, ...columns.rows[r]]),
    ]),
  );
  if (values.json) {
    const { predictions, ...summary } = result;
    io.stdout(
      `${JSON.stringify({ modelId: model.id, modelName: model.name, rowCount: table.rows.length, ...summary, predictions, out: outPath }, null, 2)}\n`,
    );
  } else {
    io.stdout(formatPrediction(model, result));
    io.stdout(`\nWrote ${outPath}.\n`);
  }
  return EXIT_OK;
}

/** A Run JSON file when `--run` names one, else a saved run by id or name, else the latest saved run. */
async function loadRun(reference: string | undefined, io: CliIo): Promise<Run> {
  if (reference && /\.json$/i.test(reference.trim())) {
    return parseRun(
      readJsonFile(reference.trim(), io.cwd, 'a run saved by `segments segment --json`'),
      `run file "${reference}"`,
    );
  }
  return withLocalStore(io, async (store) => {
    if (reference) {
      const run = await store.getRun(LOCAL_TEAM, reference);
      if (!run)
        throw new CliError(`no saved run "${reference}"; see \`segments runs\`, or pass a run JSON file`);
      return run;
    }
    const [latest] = await store.listRuns(LOCAL_TEAM, { limit: 1 });
    if (!latest)
      throw new CliError(
        'no saved run yet: segment a file first (`segments segment customers.csv`) or pass --run run.json',
      );
    return (await store.getRun(LOCAL_TEAM, latest.id)) ?? latest;
  });
}
