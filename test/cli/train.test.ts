import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '@segments/cli';
import {
  defaultModelPath,
  formatPrediction,
  looksLikeModelFile,
  main,
  predictFile,
  predictionColumns,
  readModelFile,
  trainCommand,
} from '@segments/cli';
import { parseDelimited, parseModel } from '@segments/core';
import { describe, expect, it } from 'vitest';

function captureIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    env: {},
    cwd,
    out: () => out,
    err: () => err,
  };
}

/** 60 customers: segment A is the young, C the older ones on the max plan, B the rest. */
function labelledCsv(edit: (rows: string[][]) => void = () => {}): string {
  const plans = ['basic', 'pro', 'max'];
  const rows: string[][] = [];
  for (let i = 0; i < 60; i++) {
    const age = 20 + ((i * 7) % 50);
    const plan = plans[i % 3];
    rows.push([`C-${1000 + i}`, String(age), plan, age < 35 ? 'A' : plan === 'max' ? 'C' : 'B']);
  }
  edit(rows);
  return ['Customer ID,Age,Plan,Segment', ...rows.map((row) => row.join(','))].join('\n');
}

/** The error line: progress lines may come before it on stderr. */
function lastLine(text: string): string {
  const lines = text.trimEnd().split('\n');
  return lines[lines.length - 1];
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'segments-train-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('segments train', () => {
  it('prints the evaluation beside the majority baseline and saves the model in the working directory', async () => {
    const dir = workspace({ 'customers.csv': labelledCsv() });
    const io = captureIo(dir);
    expect(await main(['train', 'customers.csv', '--label', 'Segment'], io)).toBe(0);
    expect(io.out()).toMatch(/Accuracy\s+\d\.\d{3}\s+\d\.\d{3}/);
    expect(io.out()).toContain('Majority baseline (always B)');
    expect(io.out()).toContain('Not used: Customer ID');
    expect(io.out()).toContain('Confusion matrix (rows: actual, columns: predicted)');
    const saved = join(dir, 'customers.model.json');
    expect(io.err()).toContain(`Model saved to ${saved}`);
    const model = parseModel(JSON.parse(readFileSync(saved, 'utf8')));
    expect(model.classes).toEqual(['A', 'B', 'C']);
    expect(model.source).toMatchObject({ kind: 'csv', fileName: 'customers.csv', rowCount: 60 });
  });

  it('prints the model as one JSON document with --json and writes it where --out says', async () => {
    const dir = workspace({ 'customers.csv': labelledCsv() });
    const io = captureIo(dir);
    expect(
      await trainCommand(
        ['customers.csv', '--label=Segment', '--json', '--seed', '3', '--out', 'm.json'],
        io,
      ),
    ).toBe(0);
    const printed = parseModel(JSON.parse(io.out()));
    expect(printed.evaluation.seed).toBe(3);
    expect(JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'))).toEqual(printed);
  });

  it('exits 1 with one line naming the file when it does not exist', async () => {
    const io = captureIo(workspace({}));
    expect(await trainCommand(['missing.csv', '--label', 'Segment'], io)).toBe(1);
    expect(io.err()).toBe(
      'segments: cannot read "missing.csv": no such file (expected a CSV or TSV file of customers)\n',
    );
  });

  it('exits 1 naming the file and the column when the label column is missing', async () => {
    const io = captureIo(workspace({ 'customers.csv': labelledCsv() }));
    expect(await trainCommand(['customers.csv', '--label', 'Tier'], io)).toBe(1);
    expect(lastLine(io.err())).toBe(
      'segments: customers.csv has no label column "Tier"; its columns are: Customer ID, Age, Plan, Segment',
    );
  });

  it('exits 1 when the label has a single value', async () => {
    const io = captureIo(
      workspace({
        'one.csv': labelledCsv((rows) => {
          for (const row of rows) row[3] = 'A';
        }),
      }),
    );
    expect(await trainCommand(['one.csv', '--label', 'Segment'], io)).toBe(1);
    expect(io.err()).toContain('only one value ("A")');
  });

  it('exits 1 naming the segment when a segment has a single row', async () => {
    const io = captureIo(
      workspace({
        'rare.csv': labelledCsv((rows) => {
          rows[9][3] = 'VIP';
        }),
      }),
    );
    expect(await trainCommand(['rare.csv', '--label', 'Segment'], io)).toBe(1);
    expect(lastLine(io.err())).toMatch(
      /^segments: rare\.csv: segment "VIP" of Segment has a single row \(row 11\);/,
    );
  });

  it('exits 2 with the usage line when --label is missing or an option is unknown', async () => {
    const dir = workspace({ 'customers.csv': labelledCsv() });
    for (const argv of [
      ['customers.csv'],
      ['customers.csv', '--label', 'Segment', '--depth', '3'],
      ['--label', 'Segment'],
    ]) {
      const io = captureIo(dir);
      expect(await trainCommand(argv, io)).toBe(2);
      expect(io.err()).toContain('Usage: segments train <labelled.csv> --label <column>');
    }
  });
});

describe('predictFile', () => {
  it('predicts new customers with a saved model file and formats the distribution', async () => {
    const dir = workspace({
      'customers.csv': labelledCsv(),
      'new.csv': 'Age,Plan\n22,basic\n60,max\n61,pro\n,max\n45,enterprise\n',
    });
    expect(await trainCommand(['customers.csv', '--label', 'Segment'], captureIo(dir))).toBe(0);
    expect(looksLikeModelFile('customers.model.json')).toBe(true);
    expect(looksLikeModelFile('run-123')).toBe(false);
    const model = readModelFile('customers.model.json', dir);
    const table = parseDelimited(readFileSync(join(dir, 'new.csv'), 'utf8'), { source: 'new.csv' });
    const result = predictFile(model, table, 'new.csv');
    expect(result.predictions.map((p) => p.label).slice(0, 3)).toEqual(['A', 'C', 'B']);
    expect(predictionColumns(result).headers).toEqual(['Predicted segment', 'Confidence']);
    const text = formatPrediction(model, result);
    expect(text).toContain('Predicted Segment for 5 rows');
    expect(text).toMatch(/Segment A\s+1\s+20\.0%/);
    expect(text).toContain(
      'Note: 1 rows have a Plan the model never saw in training; it was treated as missing.',
    );
  });

  it('refuses a file that is not a model, naming it', () => {
    const dir = workspace({ 'run.json': '{"schemaVersion":1,"kind":"run"}' });
    expect(() => readModelFile('run.json', dir)).toThrow(
      'The model file "run.json" is not a valid prediction model',
    );
    expect(() => readModelFile('nope.json', dir)).toThrow('cannot read "nope.json": no such file');
  });
});

describe('defaultModelPath', () => {
  it('names the model after the input, in the working directory', () => {
    expect(defaultModelPath('/data/train.csv')).toBe('train.model.json');
  });
});
