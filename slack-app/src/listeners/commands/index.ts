import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { segmentsCommand } from './segments';

/** Registers the slash commands. */
export function register(app: App, deps: ListenerDeps): void {
  app.command('/segments', segmentsCommand(deps));
}
