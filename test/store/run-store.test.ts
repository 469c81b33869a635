import { isSegmentationError } from '@segments/core';
import { hashApiToken, migrate, type RunStore } from '@segments/store';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeModel, makePredictionRun } from '../helpers/make-prediction';
import { STORE_DRIVERS, useStore } from '../helpers/stores';
import { BUDGET, STANDARD, sampleRun, VIP } from '../slack-app/helpers/sample-run';

describe.each(STORE_DRIVERS)('RunStore on $driver', ({ driver, open }) => {
  const { unavailable, store: openedStore } = useStore(driver, open);
  let store: RunStore;
  beforeEach(() => {
    if (!unavailable) store = openedStore();
  });

  describe.skipIf(unavailable)('with a database', () => {
    it('records each migration once and applies nothing when migrated again', async () => {
      expect(await migrate(store.database)).toEqual([]);
      const rows = await store.database.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((row) => Number(row.version))).toEqual([1, 2, 3, 4, 5]);
    });

    it('saves a run once and reports the second save of the same id as not created, keeping the first', async () => {
      const team = 'T-idempotent';
      expect(await store.saveRun(team, sampleRun({ id: 'r1', name: 'First' }))).toEqual({
        created: true,
        id: 'r1',
      });
      expect(await store.saveRun(team, sampleRun({ id: 'r1', name: 'Second' }))).toEqual({
        created: false,
        id: 'r1',
      });
      const runs = await store.listRuns(team);
      expect(runs.map((run) => run.name)).toEqual(['First']);
    });

    it('keeps teams apart: the same id from another team neither overwrites nor reveals the first', async () => {
      await store.saveRun('T-a', sampleRun({ id: 'shared-id', name: 'Team A run' }));
      const result = await store.saveRun(
        'T-b',
        sampleRun({ id: 'shared-id', name: 'Team B run', segments: [BUDGET] }),
      );
      expect(result.created).toBe(true);
      expect((await store.getRun('T-a', 'shared-id'))?.name).toBe('Team A run');
      expect((await store.getRun('T-b', 'shared-id'))?.name).toBe('Team B run');
      expect((await store.listRuns('T-b')).map((run) => run.name)).toEqual(['Team B run']);
      expect(await store.getRun('T-c', 'shared-id')).toBeUndefined();
      expect(await store.getRun('T-c', 'Team A run')).toBeUndefined();
      expect(await store.listRuns('T-c')).toEqual([]);
    });

    it('lists runs newest first by creation time', async () => {
      const team = 'T-order';
      await store.saveRun(team, sampleRun({ id: 'mid', createdAt: '2026-02-01T00:00:00Z' }));
      await store.saveRun(team, sampleRun({ id: 'old', createdAt: '2026-01-01T00:00:00Z' }));
      await store.saveRun(team, sampleRun({ id: 'new', createdAt: '2026-03-01T00:00:00+02:00' }));
      expect((await store.listRuns(team)).map((run) => run.id)).toEqual(['new', 'mid', 'old']);
      expect((await store.listRuns(team, { limit: 2 })).map((run) => run.id)).toEqual(['new', 'mid']);
    });

    it('finds a run by id or by name (the newest of that name)', async () => {
      const team = 'T-find';
      await store.saveRun(team, sampleRun({ id: 'a', name: 'Spring', createdAt: '2026-03-01T00:00:00Z' }));
      await store.saveRun(team, sampleRun({ id: 'b', name: 'Spring', createdAt: '2026-04-01T00:00:00Z' }));
      expect((await store.getRun(team, 'a'))?.id).toBe('a');
      expect((await store.getRun(team, 'Spring'))?.id).toBe('b');
      expect(await store.getRun(team, 'Autumn')).toBeUndefined();
    });

    it('returns assignments from getRun only, never in the listed summaries', async () => {
      const team = 'T-assign';
      const run = sampleRun({ id: 'with-rows', segments: [VIP, STANDARD], assignments: [0, 1, -1] });
      await store.saveRun(team, run);
      expect((await store.getRun(team, 'with-rows'))?.assignments).toEqual([0, 1, -1]);
      const [listed] = await store.listRuns(team);
      expect(listed).not.toHaveProperty('assignments');
      expect(listed.segments.map((segment) => segment.persona.name)).toEqual([VIP.name, STANDARD.name]);
    });

    it('rejects an invalid run with a readable INVALID_RUN error and stores nothing', async () => {
      const team = 'T-invalid';
      const broken = { ...sampleRun(), segments: [] };
      const error = await store.saveRun(team, broken as never).catch((caught: unknown) => caught);
      expect(isSegmentationError(error) && error.code).toBe('INVALID_RUN');
      expect(String((error as Error).message)).toContain('segments');
      expect(await store.listRuns(team)).toEqual([]);
    });

    it('stores API tokens hashed and maps each token to its team', async () => {
      const token = await store.createApiToken('T-token', 'sheets');
      expect(token).toMatch(/^seg_[A-Za-z0-9_-]{32}$/);
      expect(await store.teamForToken(token)).toBe('T-token');
      expect(await store.teamForToken(`${token}x`)).toBeUndefined();
      expect(await store.teamForToken('')).toBeUndefined();
      const rows = await store.database.query<{ token_hash: string }>(
        'SELECT token_hash FROM api_tokens WHERE team = $1',
        ['T-token'],
      );
      expect(rows.map((row) => row.token_hash)).toEqual([hashApiToken(token)]);
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('saves a model once per team and finds it by id or by name, newest of that name first', async () => {
      const team = 'T-models';
      const model = makeModel({ id: 'm-1', name: 'Plans' });
      expect(await store.saveModel(team, model)).toEqual({ created: true, id: 'm-1' });
      expect(await store.saveModel(team, { ...model, name: 'Renamed' })).toEqual({
        created: false,
        id: 'm-1',
      });
      await store.saveModel(
        team,
        makeModel({ id: 'm-2', name: 'Plans', now: new Date('2026-06-01T00:00:00Z') }),
      );
      expect(await store.getModel(team, 'm-1')).toEqual(model);
      expect((await store.getModel(team, 'plans'))?.id).toBe('m-2');
      expect(await store.getModel(team, 'Autumn')).toBeUndefined();
      expect(await store.getModel('T-other', 'm-1')).toBeUndefined();
      expect(await store.listModels('T-other')).toEqual([]);
      const listed = await store.listModels(team);
      expect(listed.map((item) => item.id)).toEqual(['m-2', 'm-1']);
      expect(listed[1]).toEqual({
        id: 'm-1',
        name: 'Plans',
        createdAt: model.createdAt,
        label: 'Segment',
        classes: model.classes,
        accuracy: model.evaluation.accuracy,
        macroF1: model.evaluation.macroF1,
      });
    });

    it('rejects an invalid model with INVALID_RUN and stores nothing', async () => {
      const team = 'T-bad-model';
      const broken = { ...makeModel(), classes: ['A'] };
      const error = await store.saveModel(team, broken as never).catch((caught: unknown) => caught);
      expect(isSegmentationError(error) && error.code).toBe('INVALID_RUN');
      expect(await store.listModels(team)).toEqual([]);
    });

    it('saves a prediction run once per team and lists prediction runs newest first', async () => {
      const team = 'T-predictions';
      const older = makePredictionRun({ id: 'p-old', createdAt: '2026-05-01T00:00:00Z' });
      const newer = makePredictionRun({ id: 'p-new', name: 'Leads June', createdAt: '2026-06-01T00:00:00Z' });
      expect(await store.savePrediction(team, older)).toEqual({ created: true, id: 'p-old' });
      expect(await store.savePrediction(team, newer)).toEqual({ created: true, id: 'p-new' });
      expect(await store.savePrediction(team, { ...older, name: 'Renamed' })).toEqual({
        created: false,
        id: 'p-old',
      });
      const listed = await store.listPredictions(team);
      expect(listed.map((run) => run.id)).toEqual(['p-new', 'p-old']);
      expect(listed[1]).toEqual(older);
      expect((await store.listPredictions(team, { limit: 1 })).map((run) => run.id)).toEqual(['p-new']);
      expect(await store.listPredictions('T-someone-else')).toEqual([]);
      // Predictions are not segmentation runs: the runs list is unaffected.
      expect(await store.listRuns(team)).toEqual([]);
    });

    it('never stores per-row predictions sent with a prediction run', async () => {
      const team = 'T-prediction-rows';
      const run = makePredictionRun({ id: 'p-rows' });
      const withRows = { ...run, predictions: [{ row: 2, label: 'D', confidence: 0.9 }], assignments: [3] };
      await store.savePrediction(team, withRows);
      const [listed] = await store.listPredictions(team);
      expect(listed).toEqual(run);
      const rows = await store.database.query<{ body: unknown }>(
        'SELECT body FROM predictions WHERE team = $1',
        [team],
      );
      expect(JSON.stringify(rows)).not.toContain('confidence');
      expect(rows[0].body).not.toHaveProperty('assignments');
    });

    it('rejects an invalid prediction run with a readable INVALID_RUN error and stores nothing', async () => {
      const team = 'T-bad-prediction';
      const broken = { ...makePredictionRun(), rowCount: -1 };
      const error = await store.savePrediction(team, broken as never).catch((caught: unknown) => caught);
      expect(isSegmentationError(error) && error.code).toBe('INVALID_RUN');
      expect(String((error as Error).message)).toContain('rowCount');
      expect(await store.listPredictions(team)).toEqual([]);
    });

    it('rolls back every save in a transaction that throws', async () => {
      const team = 'T-tx';
      await expect(
        store.transaction(async (tx) => {
          await tx.saveRun(team, sampleRun({ id: 'tx-1' }));
          await tx.saveRun(team, sampleRun({ id: 'tx-2' }));
          expect((await tx.listRuns(team)).map((run) => run.id).sort()).toEqual(['tx-1', 'tx-2']);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await store.listRuns(team)).toEqual([]);
      await store.transaction(async (tx) => {
        await tx.saveRun(team, sampleRun({ id: 'tx-3' }));
      });
      expect((await store.listRuns(team)).map((run) => run.id)).toEqual(['tx-3']);
    });
  });
});
