import type { App } from '@slack/bolt';
import * as actions from './actions';
import * as commands from './commands';
import type { ListenerDeps } from './deps';
import * as events from './events';
import * as views from './views';

/** Registers every listener of the app (one folder per kind, one handler per file). */
export function registerListeners(app: App, deps: ListenerDeps): void {
  commands.register(app, deps);
  events.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
}
