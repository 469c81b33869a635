import { loadSlackAppConfig } from '@segments/slack-app';
import { describe, expect, it } from 'vitest';

const minimal = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

describe('loadSlackAppConfig', () => {
  it('applies the defaults to a minimal HTTP-mode environment', () => {
    const result = loadSlackAppConfig(minimal);
    expect(result).toEqual({
      ok: true,
      config: expect.objectContaining({
        botToken: 'xoxb-1',
        signingSecret: 'secret',
        port: 3000,
        staticApiToken: undefined,
      }),
    });
  });

  it('maps every optional variable', () => {
    const result = loadSlackAppConfig({
      ...minimal,
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/segments',
      SEGMENTS_DATA_DIR: '/var/segments',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      SEGMENTS_API_TOKEN: 'a-long-enough-api-token',
      SLACK_TEAM_ID: 'T123',
    });
    expect(result.ok && result.config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/segments',
      dataDir: '/var/segments',
      slackApiUrl: 'http://127.0.0.1:9999/api/',
      staticApiToken: { token: 'a-long-enough-api-token', team: 'T123' },
    });
  });

  it('lists every problem in one message', () => {
    const result = loadSlackAppConfig({
      PORT: 'eighty',
      SEGMENTS_API_TOKEN: 'a-long-enough-api-token',
      SLACK_APP_TOKEN: '',
    });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'PORT', 'SLACK_TEAM_ID'])
      expect(message).toContain(name);
  });

  it('does not need a signing secret in Socket Mode', () => {
    const result = loadSlackAppConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(result.ok && result.config.appToken).toBe('xapp-1');
  });
});
