import type { RunStore } from '@segments/store';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePredictionRun } from '../helpers/make-prediction';
import { STORE_DRIVERS, useStore } from '../helpers/stores';
import { sampleRun } from '../slack-app/helpers/sample-run';

describe.each(STORE_DRIVERS)('RunStore.listRecent on $driver', ({ driver, open }) => {
  const { unavailable, store: openedStore } = useStore(driver, open);
  let store: RunStore;
  beforeEach(() => {
    if (!unavailable) store = openedStore();
  });

  const day = (n: number) => `2026-01-0${n}T09:00:00Z`;

  describe.skipIf(unavailable)('with a database', () => {
    it('returns what listRuns and listPredictions return, newest first, within the limits', async () => {
      const team = 'T-recent';
      for (const n of [1, 3, 2]) await store.saveRun(team, sampleRun({ id: `r${n}`, createdAt: day(n) }));
      for (const n of [2, 1]) {
        await store.savePrediction(team, makePredictionRun({ id: `p${n}`, createdAt: day(n) }));
      }
      const recent = await store.listRecent(team, { runs: 2, predictions: 5 });
      expect(recent.runs.map((run) => run.id)).toEqual(['r3', 'r2']);
      expect(recent.predictions.map((run) => run.id)).toEqual(['p2', 'p1']);
      expect(recent.runs).toEqual(await store.listRuns(team, { limit: 2 }));
      expect(recent.predictions).toEqual(await store.listPredictions(team, { limit: 5 }));
    });

    it('shows a run or prediction saved after an earlier listing, also when saved in a transaction', async () => {
      const team = 'T-recent-saves';
      expect(await store.listRecent(team, { runs: 5, predictions: 5 })).toEqual({
        runs: [],
        predictions: [],
      });
      await store.saveRun(team, sampleRun({ id: 'first', createdAt: day(1) }));
      expect((await store.listRecent(team, { runs: 5, predictions: 5 })).runs.map((run) => run.id)).toEqual([
        'first',
      ]);
      await store.transaction(async (tx) => {
        await tx.saveRun(team, sampleRun({ id: 'second', createdAt: day(2) }));
        await tx.savePrediction(team, makePredictionRun({ id: 'pred', createdAt: day(2) }));
      });
      const after = await store.listRecent(team, { runs: 5, predictions: 5 });
      expect(after.runs.map((run) => run.id)).toEqual(['second', 'first']);
      expect(after.predictions.map((run) => run.id)).toEqual(['pred']);
    });

    it('keeps a run saved in a rolled-back transaction out of the listing', async () => {
      const team = 'T-recent-rollback';
      await store.saveRun(team, sampleRun({ id: 'kept', createdAt: day(1) }));
      await expect(
        store.transaction(async (tx) => {
          await tx.saveRun(team, sampleRun({ id: 'rolled-back', createdAt: day(2) }));
          expect((await tx.listRecent(team, { runs: 5 })).runs.map((run) => run.id)).toEqual([
            'rolled-back',
            'kept',
          ]);
          throw new Error('give up');
        }),
      ).rejects.toThrow('give up');
      expect((await store.listRecent(team, { runs: 5 })).runs.map((run) => run.id)).toEqual(['kept']);
    });

    it('lists only the asking team', async () => {
      await store.saveRun('T-recent-a', sampleRun({ id: 'a-run', createdAt: day(1) }));
      expect(await store.listRecent('T-recent-b', { runs: 5, predictions: 5 })).toEqual({
        runs: [],
        predictions: [],
      });
    });
  });
});
