import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { friendly } from '../friendly';
import { appHomeOpened } from './app-home-opened';
import { appMention } from './app-mention';
import { directMessage } from './direct-message';
import { linkShared } from './link-shared';

/** Registers the Events API listeners: mentions, DMs, the Home tab and link unfurls. */
export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', friendly('app_mention', appMention(deps)));
  app.event('message', friendly('message', directMessage(deps)));
  app.event('app_home_opened', friendly('app_home_opened', appHomeOpened(deps)));
  app.event('link_shared', friendly('link_shared', linkShared(deps)));
}
