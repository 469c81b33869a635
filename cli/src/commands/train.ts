/**
 * `segments train <labelled.csv> --label <column> [--columns "A,B"] [--seed N] [--name TEXT]
 * [--out FILE] [--json] [--no-save]`: trains a segment classifier with core, prints the holdout
 * evaluation with the majority-class baseline beside it, and saves the model as JSON (default:
 * `<file>.model.json` in the working directory, e.g. `data/train.csv` → `train.model.json`) and in the
 * local store (team `local`, unless --no-save), so `segments assign --run <model id or name>` finds it.
 */
import { basename, extname } from 'node:path';
import type { PredictionModel } from '@segments/core';
import { maxOf, trainClassifier } from '@segments/core';
import { columnsFlag, parseFlags, wholeNumberFlag } from '../args';
import { reportError } from '../errors';
import { readTableFile, writeTextFile } from '../files';
import { type CliIo, type Command, EXIT_OK, EXIT_USAGE, UsageError } from '../io';
import { LOCAL_TEAM, withLocalStore } from '../store';

export const TRAIN_USAGE =
  'Usage: segments train <labelled.csv> --label <column> [--columns "A,B,…"] [--seed N] [--name TEXT] [--out FILE] [--json] [--no-save]';

interface TrainArgs {
  file: string;
  label: string;
  columns?: string[];
  seed: number;
  name?: string;
  out?: string;
  json: boolean;
  /** --no-save: write the model file only, not the local store. */
  noSave: boolean;
}

function parseArgs(argv: string[]): TrainArgs {
  const { values, positionals } = parseFlags(argv, {
    label: { type: 'string' },
    columns: { type: 'string' },
    seed: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    'no-save': { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('missing the labelled file');
  if (positionals.length > 1) throw new UsageError(`one file at a time; got ${positionals.join(', ')}`);
  if (values.label === undefined || values.label.trim() === '')
    throw new UsageError('--label <column> is required');
  return {
    file: positionals[0],
    label: values.label,
    columns: columnsFlag(values.columns),
    seed: wholeNumberFlag('seed', values.seed) ?? 1,
    name: values.name,
    out: values.out,
    json: values.json ?? false,
    noSave: values['no-save'] ?? false,
  };
}

/**
 * Where the model goes by default: `data/train.csv` → `train.model.json` in the working directory,
 * like the other commands' outputs (inputs may sit in read-only folders).
 */
export function defaultModelPath(inputPath: string): string {
  return `${basename(inputPath, extname(inputPath))}.model.json`;
}

export const trainCommand: Command = async (argv: string[], io: CliIo): Promise<number> => {
  let args: TrainArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`segments: ${error.message}\n${TRAIN_USAGE}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  try {
    const { table, fileName } = readTableFile(args.file, io.cwd);
    io.stderr(`Training a classifier for ${args.label} on ${table.rows.length} rows of ${fileName}…\n`);
    const model = trainClassifier(table, {
      label: args.label,
      columns: args.columns,
      seed: args.seed,
      name: args.name,
      source: { kind: 'csv', fileName },
    });
    const outPath = args.out ?? defaultModelPath(args.file);
    const written = writeTextFile(outPath, io.cwd, `${JSON.stringify(model)}\n`);
    if (args.json) io.stdout(`${JSON.stringify(model)}\n`);
    else io.stdout(formatEvaluation(model));
    const saved = args.noSave
      ? undefined
      : await withLocalStore(io, (store) => store.saveModel(LOCAL_TEAM, model));
    io.stderr(`Model saved to ${written}\n`);
    if (saved)
      io.stderr(`Model ${model.id} saved in the local store${saved.created ? '' : ' (already saved)'}.\n`);
    io.stderr(`Predict new customers: segments assign <new.csv> --run ${saved ? model.id : outPath}\n`);
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
};

/**
 * The evaluation as a person reads it: accuracy and macro-F1 beside the majority-class baseline,
 * per-segment precision/recall and the confusion matrix.
 * @example io.stdout(formatEvaluation(model))
 */
export function formatEvaluation(model: PredictionModel): string {
  const e = model.evaluation;
  const f3 = (x: number) => x.toFixed(3);
  const lines: string[] = [];
  lines.push(
    `Model "${model.name}": predicts ${model.label} (${model.classes.join(', ')}) from ${model.features.length} columns: ${model.features.map((f) => f.name).join(', ')}.`,
  );
  for (const excluded of model.excluded) lines.push(`Not used: ${excluded.name} (${excluded.reason}).`);
  lines.push(
    '',
    `Holdout evaluation: stratified ${Math.round((1 - e.testShare) * 100)}/${Math.round(e.testShare * 100)} split, seed ${e.seed}, ${e.trainRows} training rows, ${e.testRows} test rows`,
  );
  const baselineHeader = `Majority baseline (always ${e.baseline.label})`;
  lines.push(`${''.padEnd(10)}  ${'Model'.padStart(6)}  ${baselineHeader}`);
  lines.push(`${'Accuracy'.padEnd(10)}  ${f3(e.accuracy).padStart(6)}  ${f3(e.baseline.accuracy)}`);
  lines.push(`${'Macro-F1'.padEnd(10)}  ${f3(e.macroF1).padStart(6)}  ${f3(e.baseline.macroF1)}`);
  const width = maxOf(
    e.perClass.map((m) => m.label.length),
    7,
  );
  lines.push('', `${'Segment'.padEnd(width)}  Precision  Recall     F1  Support`);
  for (const m of e.perClass) {
    lines.push(
      `${m.label.padEnd(width)}  ${f3(m.precision).padStart(9)}  ${f3(m.recall).padStart(6)}  ${f3(m.f1).padStart(5)}  ${String(m.support).padStart(7)}`,
    );
  }
  const cell = Math.max(
    maxOf(
      e.confusion.labels.map((l) => l.length),
      5,
    ),
    maxOf(
      e.confusion.matrix.flat().map((v) => String(v).length),
      5,
    ),
  );
  lines.push('', 'Confusion matrix (rows: actual, columns: predicted)');
  lines.push(`${''.padEnd(width)}  ${e.confusion.labels.map((l) => l.padStart(cell)).join(' ')}`);
  e.confusion.matrix.forEach((row, a) => {
    lines.push(
      `${e.confusion.labels[a].padEnd(width)}  ${row.map((v) => String(v).padStart(cell)).join(' ')}`,
    );
  });
  for (const note of model.notes.filter((n) => !n.includes(' is not used: '))) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}
