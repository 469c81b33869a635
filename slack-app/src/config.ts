/**
 * The Slack app's configuration, read from the environment and validated with zod at startup, so a
 * missing or malformed setting is reported once, in full, before anything listens.
 */
import * as z from 'zod';
import { parseAdminList } from './admins';

/** Empty strings count as unset: shells and .env files often export `NAME=`. */
const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);

const envSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string({
      error: 'SLACK_BOT_TOKEN is missing: the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
    }),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((value) => value === undefined || value.startsWith('xapp-'), {
    error:
      'SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information › App-Level Tokens)',
  }),
  PORT: z.preprocess(
    (value) => (value === undefined || value === '' ? 3000 : Number(value)),
    z
      .number({ error: 'PORT must be a whole number from 0 to 65535' })
      .int({ error: 'PORT must be a whole number from 0 to 65535' })
      .min(0, { error: 'PORT must be a whole number from 0 to 65535' })
      .max(65535, { error: 'PORT must be a whole number from 0 to 65535' }),
  ),
  HOST: optionalText,
  DATABASE_URL: optionalText.refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
    error: 'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database)',
  }),
  SEGMENTS_DATA_DIR: optionalText,
  SLACK_API_URL: optionalText.refine((value) => value === undefined || URL.canParse(value), {
    error: 'SLACK_API_URL must be a URL such as https://slack.com/api/',
  }),
  SEGMENTS_API_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 16, {
    error: 'SEGMENTS_API_TOKEN must be at least 16 characters (it guards POST /api/runs)',
  }),
  SLACK_TEAM_ID: optionalText,
  SEGMENTS_PUBLIC_URL: optionalText.refine((value) => value === undefined || /^https?:\/\/[^/]/.test(value), {
    error:
      "SEGMENTS_PUBLIC_URL must be the app's public address, such as https://segments.example.com (charts are served from it)",
  }),
  SEGMENTS_ADMINS: optionalText.refine(
    (value) => value === undefined || /^[A-Z0-9]+([\s,]+[A-Z0-9]+)*$/i.test(value),
    { error: 'SEGMENTS_ADMINS must list Slack user ids (U…) separated by commas or spaces' },
  ),
});

/** Rules across variables; checked on the raw values so they are reported alongside field errors. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  if (!isSet('SLACK_APP_TOKEN') && !isSet('SLACK_SIGNING_SECRET')) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing: the Signing Secret from Basic Information › App Credentials (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  if (isSet('SEGMENTS_API_TOKEN') !== isSet('SLACK_TEAM_ID')) {
    problems.push(
      `SEGMENTS_API_TOKEN and SLACK_TEAM_ID go together: set both (a single-workspace API token) or neither; ${isSet('SLACK_TEAM_ID') ? 'SEGMENTS_API_TOKEN' : 'SLACK_TEAM_ID'} is missing`,
    );
  }
  return problems;
}

/** The validated configuration of one Slack app process. */
export interface SlackAppConfig {
  botToken: string;
  /** Required in HTTP mode; Socket Mode does not sign requests. */
  signingSecret?: string;
  /** Set → Socket Mode (the HTTP port then serves only the runs API and /healthz). */
  appToken?: string;
  /** Default 3000; 0 picks a free port. */
  port: number;
  /** Interface to listen on; default all interfaces. */
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  /** Web API root, e.g. a local stand-in in tests; default Slack's. */
  slackApiUrl?: string;
  /** A single-workspace API token and the team it maps to (both or neither). */
  staticApiToken?: { token: string; team: string };
  /** The app's public address; set → charts are image blocks at signed links served by the app. */
  publicUrl?: string;
  /** Slack user ids that may manage tokens and runs besides the workspace's admins and owners. */
  admins?: string[];
}

export type ConfigResult = { ok: true; config: SlackAppConfig } | { ok: false; message: string };

/**
 * Reads and validates the Slack app's settings from `env`, collecting every problem at once.
 * @example const result = loadSlackAppConfig(process.env); if (!result.ok) console.error(result.message)
 */
export function loadSlackAppConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)),
    ...crossFieldProblems(env),
  ].map((problem) => `  - ${problem}`);
  if (!parsed.success || problems.length > 0) {
    return {
      ok: false,
      message: `The Customer Segments Slack app cannot start; fix these settings (environment variables):\n${problems.join('\n')}\nSee README.md, section "Slack app".`,
    };
  }
  const values = parsed.data;
  return {
    ok: true,
    config: {
      botToken: values.SLACK_BOT_TOKEN,
      signingSecret: values.SLACK_SIGNING_SECRET,
      appToken: values.SLACK_APP_TOKEN,
      port: values.PORT,
      host: values.HOST,
      databaseUrl: values.DATABASE_URL,
      dataDir: values.SEGMENTS_DATA_DIR,
      slackApiUrl: values.SLACK_API_URL,
      admins: parseAdminList(values.SEGMENTS_ADMINS),
      staticApiToken:
        values.SEGMENTS_API_TOKEN && values.SLACK_TEAM_ID
          ? { token: values.SEGMENTS_API_TOKEN, team: values.SLACK_TEAM_ID }
          : undefined,
      publicUrl: values.SEGMENTS_PUBLIC_URL,
    },
  };
}
