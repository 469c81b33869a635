/**
 * `npm start`: reads the configuration, opens the run store, builds the app, starts it.
 */
import { answerQuestion } from '@segments/core';
import { createSheetsClient } from '@segments/sheets-api';
import { openRunStore } from '@segments/store';
import { loadSlackAppConfig } from './config';
import { createSlackApp } from './create-app';
import { sheetSyncMinutes, startSheetSync } from './sheet-sync/sync';

async function main(): Promise<number> {
  const loaded = loadSlackAppConfig(process.env);
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const { config } = loaded;
  let syncMinutes: number;
  try {
    syncMinutes = sheetSyncMinutes(process.env);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  let store: Awaited<ReturnType<typeof openRunStore>>;
  try {
    store = await openRunStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    console.error(
      `The Customer Segments Slack app cannot open its run store (${config.databaseUrl ? 'DATABASE_URL' : `folder ${config.dataDir ?? './.segments'}`}): ${(error as Error).message}`,
    );
    return 1;
  }
  const slack = createSlackApp(config, { store, answerQuestion });
  const { port } = await slack.start();
  // Pulls runs from connected spreadsheets (Socket Mode deployments receive no push).
  const sheetSync = startSheetSync(store, {
    minutes: syncMinutes,
    client: () => createSheetsClient({ env: process.env }),
  });
  console.log(
    config.appToken
      ? `Customer Segments is connected in Socket Mode; runs API and /healthz on port ${port} (store: ${store.driver})`
      : `Customer Segments is listening on port ${port}: /slack/events, /api/runs, /healthz (store: ${store.driver})`,
  );
  const shutdown = async () => {
    sheetSync.stop();
    await slack.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`The Customer Segments Slack app stopped: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
