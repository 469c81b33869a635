import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../slack-app/manifest.json'), 'utf8'));

describe('slack-app/manifest.json', () => {
  it('declares /segments, the events and the interactivity the listeners handle, all on /slack/events', () => {
    expect(manifest.features.slash_commands.map((command: { command: string }) => command.command)).toEqual([
      '/segments',
    ]);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'link_shared',
      'message.im',
    ]);
    // Links to spreadsheets unfurl into their latest run.
    expect(manifest.features.unfurl_domains).toEqual(['docs.google.com']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    const urls = [
      manifest.features.slash_commands[0].url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(url).toMatch(/\/slack\/events$/);
  });

  it('asks for the bot scopes the app uses', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        'app_mentions:read',
        'chat:write',
        'chat:write.public',
        'commands',
        'im:history',
        'im:read',
        'im:write',
        'links:read',
        'links:write',
        'files:write',
        // users.info: only workspace admins may connect, revoke or delete; the user's locale.
        'users:read',
      ].sort(),
    );
  });
});
