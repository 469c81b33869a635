import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { friendly } from '../friendly';
import { segmentsCommand } from './segments';

/** Registers the slash commands. */
export function register(app: App, deps: ListenerDeps): void {
  app.command('/segments', friendly('/segments', segmentsCommand(deps)));
}
