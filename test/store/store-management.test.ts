import { InvalidCursorError, openRunStore, type RunStore } from '@segments/store';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePredictionRun } from '../helpers/make-prediction';
import { freshDatabaseUrl, postgresUrl, STORE_DRIVERS, useStore } from '../helpers/stores';
import { sampleRun } from '../slack-app/helpers/sample-run';

/** `n` runs for `team`, one minute apart, oldest first (ids r01…). */
async function saveRuns(store: RunStore, team: string, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    await store.saveRun(
      team,
      sampleRun({ id: `r${String(i).padStart(2, '0')}`, name: `Run ${i}`, createdAt }),
    );
  }
}

describe.each(STORE_DRIVERS)('RunStore management on $driver', ({ driver, open }) => {
  const { unavailable, store: openedStore } = useStore(driver, open);
  let store: RunStore;
  beforeEach(() => {
    if (!unavailable) store = openedStore();
  });

  describe.skipIf(unavailable)('with a database', () => {
    it('pages through every run once, newest first, with the total', async () => {
      await saveRuns(store, 'T-pages', 7);
      await store.savePrediction(
        'T-pages',
        makePredictionRun({ id: 'p1', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 4, 30)).toISOString() }),
      );
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listPage('T-pages', { limit: 3, cursor });
        expect(page.total).toBe(8);
        seen.push(...page.items.map((item) => `${item.kind}:${item.run.id}`));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([
        'run:r07',
        'run:r06',
        'run:r05',
        'prediction:p1',
        'run:r04',
        'run:r03',
        'run:r02',
        'run:r01',
      ]);
      expect(await store.countRuns('T-pages')).toBe(7);
    });

    it('refuses a cursor it did not issue', async () => {
      await expect(store.listPage('T-pages', { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
    });

    it("deletes a run for its own team only: another team's id is not found and stays", async () => {
      await saveRuns(store, 'T-del-a', 2);
      await saveRuns(store, 'T-del-b', 2);
      expect(await store.deleteRun('T-del-b', 'r01')).toBe(true);
      expect(await store.getRun('T-del-b', 'r01')).toBeUndefined();
      expect(await store.deleteRun('T-del-b', 'r01')).toBe(false);
      expect((await store.listRuns('T-del-b')).map((run) => run.id)).toEqual(['r02']);
      expect(await store.getRun('T-del-a', 'r01')).toBeDefined();
      expect(await store.deleteRun('T-other', 'r02')).toBe(false);
      expect((await store.listRuns('T-del-a')).map((run) => run.id)).toEqual(['r02', 'r01']);
    });

    it('lists tokens with label, creator, creation and last use, and revokes them by label', async () => {
      const token = await store.createApiToken('T-tokens', 'sheets', 'U-admin');
      await store.createApiToken('T-tokens', 'ci', 'U-admin');
      await store.createApiToken('T-tokens-other', 'sheets', 'U-else');
      let listed = await store.listApiTokens('T-tokens');
      expect(listed.map((item) => item.label).sort()).toEqual(['ci', 'sheets']);
      expect(listed.every((item) => item.createdBy === 'U-admin' && item.lastUsedAt === null)).toBe(true);
      expect(await store.teamForToken(token)).toBe('T-tokens');
      listed = await store.listApiTokens('T-tokens');
      expect(listed.find((item) => item.label === 'sheets')?.lastUsedAt).not.toBeNull();
      expect(await store.revokeApiTokens('T-tokens', 'sheets')).toBe(1);
      expect(await store.teamForToken(token)).toBeUndefined();
      expect((await store.listApiTokens('T-tokens-other')).map((item) => item.label)).toEqual(['sheets']);
    });

    it('claims a key once until it expires, also through a second store on the same database', async () => {
      expect(await store.claimOnce('k:one', 60_000)).toBe(true);
      expect(await store.claimOnce('k:one', 60_000)).toBe(false);
      expect(await store.claimOnce('k:short', 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await store.claimOnce('k:short', 60_000)).toBe(true);
      const claims = await Promise.all(Array.from({ length: 10 }, () => store.claimOnce('k:race', 60_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    });
  });
});

describe.skipIf(postgresUrl() === null)('two replicas on one PostgreSQL database', () => {
  it('shows a run deleted and posted again under the same id as it is now, on the replica that had it cached', async () => {
    const url = await freshDatabaseUrl(postgresUrl() as string);
    const first = await openRunStore({ databaseUrl: url });
    const second = await openRunStore({ databaseUrl: url });
    try {
      await first.saveRun('T-replicas', sampleRun({ id: 'same-id', name: 'Before' }));
      // The first replica reads (and caches) it through every listing.
      expect((await first.listRuns('T-replicas')).map((run) => run.name)).toEqual(['Before']);
      expect((await first.listRecent('T-replicas', { runs: 5, predictions: 5 })).runs[0].name).toBe('Before');
      // The second replica deletes it, and a client posts a new run with the same id.
      expect(await second.deleteRun('T-replicas', 'same-id')).toBe(true);
      await second.saveRun('T-replicas', sampleRun({ id: 'same-id', name: 'After' }));
      expect((await first.listRuns('T-replicas')).map((run) => run.name)).toEqual(['After']);
      expect((await first.listRecent('T-replicas', { runs: 5, predictions: 5 })).runs[0].name).toBe('After');
      const page = await first.listPage('T-replicas');
      expect(page.items.map((item) => item.run.name)).toEqual(['After']);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
