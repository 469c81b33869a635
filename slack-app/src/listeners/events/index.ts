import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { appHomeOpened } from './app-home-opened';
import { appMention } from './app-mention';
import { directMessage } from './direct-message';

/** Registers the Events API listeners: mentions, DMs and the Home tab. */
export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', appMention(deps));
  app.event('message', directMessage(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}
