import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '@segments/core';
import { parseModel } from '@segments/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../helpers/shared-data';
import { localStore, makeWorkspace, runCli } from './cli-harness';

const AUTOMOBILE = hasSharedData('automobile_train.csv', 'automobile_new_customers.csv');

/** The header and the first `rows` lines of a CSV file. */
function firstLines(path: string, rows: number): string {
  return `${readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(0, rows + 1)
    .join('\n')}\n`;
}

const workspace = makeWorkspace();
let modelId: string;

beforeAll(() => {
  if (!AUTOMOBILE) return;
  // 800 labelled automobile customers (segments A–D) and 50 new prospects without a segment.
  workspace.file('train.csv', firstLines(sharedDataPath('automobile_train.csv'), 800));
  workspace.file('new.csv', firstLines(sharedDataPath('automobile_new_customers.csv'), 50));
});

describe.skipIf(!AUTOMOBILE)('segments train, assign and ask over the local store', () => {
  it('train keeps the model file and also saves the model in the local store', async () => {
    const trained = await runCli(
      ['train', 'train.csv', '--label', 'Segmentation', '--name', 'Automobile 800'],
      workspace.dir,
    );
    expect(trained.code).toBe(0);
    const model = parseModel(JSON.parse(readFileSync(join(workspace.dir, 'train.model.json'), 'utf8')));
    modelId = model.id;
    expect(trained.stderr).toContain(`Model ${modelId} saved in the local store.`);
    expect(trained.stderr).toContain(`segments assign <new.csv> --run ${modelId}`);
    const store = await localStore(workspace.dir);
    expect((await store.listModels('local')).map((item) => [item.id, item.name])).toEqual([
      [modelId, 'Automobile 800'],
    ]);
  });

  it('assign --run <model id> predicts from the stored model, then ask answers with segment D’s predicted size', async () => {
    const assigned = await runCli(['assign', 'new.csv', '--run', modelId, '--json'], workspace.dir);
    expect(assigned.code).toBe(0);
    const printed = JSON.parse(assigned.stdout) as {
      modelId: string;
      predictionRunId: string;
      distribution: { label: string; size: number; share: number }[];
    };
    expect(printed.modelId).toBe(modelId);
    expect(existsSync(join(workspace.dir, 'new.predicted.csv'))).toBe(true);
    const d = printed.distribution.find((entry) => entry.label === 'D');
    if (!d) throw new Error('no segment D in the distribution');
    expect(printed.distribution.reduce((sum, entry) => sum + entry.size, 0)).toBe(50);

    const asked = await runCli(['ask', 'how many new customers fall in segment D?'], workspace.dir);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain(
      `${d.size} of the 50 new customers (${(d.share * 100).toFixed(1)}%) fall in segment D (prediction run "Segmentation of new.csv")`,
    );
    const json = await runCli(['ask', 'how many new customers fall in segment D?', '--json'], workspace.dir);
    const answer = JSON.parse(json.stdout) as Answer;
    expect(answer.prediction).toMatchObject({ runId: printed.predictionRunId, modelId, segmentLabel: 'D' });
    expect(answer.size).toBe(d.size);
  });

  it('keeps no per-row prediction in the store', async () => {
    const store = await localStore(workspace.dir);
    const rows = await store.database.query<{ body: unknown }>('SELECT body FROM predictions');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0].body)).not.toContain('confidence"');
    expect(rows[0].body).not.toHaveProperty('predictions');
  });

  it('assign --run <model name> finds the stored model too; an unknown reference names both kinds', async () => {
    const byName = await runCli(['assign', 'new.csv', '--run', 'automobile 800', '--no-save'], workspace.dir);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain('Predicted Segmentation for 50 rows with model "Automobile 800"');
    expect(byName.stdout).not.toContain('Saved prediction run');
    const unknown = await runCli(['assign', 'new.csv', '--run', 'no-such-model'], workspace.dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no saved run or model "no-such-model"');
  });
});

describe('segments ask about predictions before any', () => {
  it('explains how to train a model and predict new customers', async () => {
    const empty = makeWorkspace({ ownStore: 'empty' });
    const asked = await runCli(['ask', 'how many new customers fall in segment D?'], empty.dir);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('There are no predictions yet');
    expect(asked.stdout).toContain('segments train labelled.csv --label Segment');
  });

  it.skipIf(!AUTOMOBILE)('train --no-save writes the model file only', async () => {
    const local = makeWorkspace({ ownStore: true });
    local.file('train.csv', firstLines(sharedDataPath('automobile_train.csv'), 200));
    const trained = await runCli(['train', 'train.csv', '--label', 'Segmentation', '--no-save'], local.dir);
    expect(trained.code).toBe(0);
    expect(existsSync(join(local.dir, 'train.model.json'))).toBe(true);
    expect(trained.stderr).not.toContain('saved in the local store');
    expect(existsSync(local.storeDir)).toBe(false);
  });
});
