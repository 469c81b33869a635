/**
 * `segments assign <file> [--run ID|FILE] [--no-save]`: put new customers into the segments of a saved
 * run (the latest by default), with that run's own preprocessing, and write them back with Segment
 * and Persona. With a model (a `segments train` file, or a model id or name in the local store when
 * no run has that id or name) it predicts each row's segment instead and saves the prediction run —
 * a summary without per-row data — in the local store (unless --no-save), so `segments ask` can
 * answer "how many new customers fall in segment D?".
 */
import {
  assignTable,
  encodeAssignmentColumns,
  isModelRecord,
  type PredictionModel,
  parseModel,
  parseRun,
  type Run,
  type Table,
  toPredictionRun,
} from '@segments/core';
import { parseFlags } from '../args';
import { reportError } from '../errors';
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
        return await predictWithModel(
          parseModel(json, `model file "${values.run}"`),
          table,
          fileName,
          path,
          values,
          io,
        );
    }
    const loaded = await loadRunOrModel(values.run, io);
    if (loaded.kind === 'model')
      return await predictWithModel(loaded.model, table, fileName, path, values, io);
    const { run } = loaded;
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
  return parseFlags(argv, {
    run: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    'no-save': { type: 'boolean' },
  });
}

/**
 * `assign --run model.json` (or a stored model): predicted segment and confidence per row, and the
 * distribution; the prediction run (summary only) goes to the local store unless --no-save.
 */
async function predictWithModel(
  model: PredictionModel,
  table: Table,
  fileName: string,
  path: string,
  values: { out?: string; json?: boolean; 'no-save'?: boolean },
  io: CliIo,
): Promise<number> {
  const result = predictFile(model, table, fileName);
  const predictionRun = toPredictionRun(model, result, { source: { kind: 'csv', fileName } });
  const saved = values['no-save']
    ? undefined
    : await withLocalStore(io, (store) => store.savePrediction(LOCAL_TEAM, predictionRun));
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
      `${JSON.stringify({ modelId: model.id, modelName: model.name, rowCount: table.rows.length, ...summary, predictions, out: outPath, ...(saved ? { predictionRunId: predictionRun.id } : {}) }, null, 2)}\n`,
    );
  } else {
    io.stdout(formatPrediction(model, result));
    io.stdout(`\nWrote ${outPath}.\n`);
    if (saved)
      io.stdout(
        `Saved prediction run ${predictionRun.id}. Try: segments ask "how many new customers fall in ${predictionRun.segments[0].name}?"\n`,
      );
  }
  return EXIT_OK;
}

/**
 * A Run JSON file when `--run` names one; else a saved run by id or name, then a saved model by id
 * or name (runs first); else the latest saved run.
 */
async function loadRunOrModel(
  reference: string | undefined,
  io: CliIo,
): Promise<{ kind: 'run'; run: Run } | { kind: 'model'; model: PredictionModel }> {
  if (reference && /\.json$/i.test(reference.trim())) {
    const run = parseRun(
      readJsonFile(reference.trim(), io.cwd, 'a run saved by `segments segment --json`'),
      `run file "${reference}"`,
    );
    return { kind: 'run', run };
  }
  return withLocalStore(io, async (store) => {
    if (reference) {
      const run = await store.getRun(LOCAL_TEAM, reference.trim());
      if (run) return { kind: 'run', run };
      const model = await store.getModel(LOCAL_TEAM, reference.trim());
      if (model) return { kind: 'model', model };
      throw new CliError(
        `no saved run or model "${reference}"; see \`segments runs\`, or pass a run or model JSON file`,
      );
    }
    const [latest] = await store.listRuns(LOCAL_TEAM, { limit: 1 });
    if (!latest)
      throw new CliError(
        'no saved run yet: segment a file first (`segments segment customers.csv`) or pass --run run.json',
      );
    return { kind: 'run', run: (await store.getRun(LOCAL_TEAM, latest.id)) ?? latest };
  });
}
