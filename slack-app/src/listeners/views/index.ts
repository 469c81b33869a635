import type { App, ViewSubmitAction } from '@slack/bolt';
import { VIEW_SHARE_RUN } from '../../blocks/actions';
import type { ListenerDeps } from '../deps';
import { friendly } from '../friendly';
import { shareRunSubmitted } from './share-run-submitted';

/** Registers modal submissions. */
export function register(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(VIEW_SHARE_RUN, friendly('shareRunSubmitted', shareRunSubmitted(deps)));
}
