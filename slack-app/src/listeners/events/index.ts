import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { friendly } from '../friendly';
import { appHomeOpened } from './app-home-opened';
import { appMention } from './app-mention';
import { directMessage } from './direct-message';

/** Registers the Events API listeners: mentions, DMs and the Home tab. */
export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', friendly('app_mention', appMention(deps)));
  app.event('message', friendly('message', directMessage(deps)));
  app.event('app_home_opened', friendly('app_home_opened', appHomeOpened(deps)));
}
