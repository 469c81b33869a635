/**
 * Starts the real Slack app (Bolt, HTTP receiver, runs API) on 127.0.0.1 with its Web API pointed
 * at a Slack stand-in, over a real store and core's real answer engine.
 */

import { answerQuestion } from '@segments/core';
import type { SlackAppConfig } from '@segments/slack-app';
import { createSlackApp } from '@segments/slack-app';
import type { RunStore } from '@segments/store';
import { LogLevel } from '@slack/bolt';
import { type SlackStandIn, startSlackStandIn } from '../../standins/slack-web-api';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface RunningTestApp {
  baseUrl: string;
  slack: SlackStandIn;
  stop(): Promise<void>;
}

/** Starts the app on a free port; `config` overrides the defaults (static API token, etc.). */
export async function startTestApp(
  store: RunStore,
  config: Partial<SlackAppConfig> = {},
  extra: { now?: () => Date } = {},
): Promise<RunningTestApp> {
  const slack = await startSlackStandIn();
  const app = createSlackApp(
    {
      botToken: 'xoxb-test-token',
      signingSecret: SIGNING_SECRET,
      port: 0,
      host: '127.0.0.1',
      slackApiUrl: slack.apiUrl,
      ...config,
    },
    { store, answerQuestion, logLevel: LogLevel.ERROR, ...extra },
  );
  const { port } = await app.start();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    slack,
    async stop() {
      await app.stop();
      await slack.close();
    },
  };
}
