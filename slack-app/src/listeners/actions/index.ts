import type { App, BlockAction } from '@slack/bolt';
import {
  ACTION_COMPARE_PREVIOUS,
  ACTION_OPEN_SHEET,
  ACTION_SHARE_RUN,
  ACTION_SHOW_STRATEGY,
} from '../../blocks/actions';
import type { ListenerDeps } from '../deps';
import { friendly } from '../friendly';
import { comparePrevious } from './compare-previous';
import { openSheet } from './open-sheet';
import { shareRun } from './share-run';
import { showStrategy } from './show-strategy';

/** Registers the buttons of run summaries, answers and the Home tab. */
export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(ACTION_SHARE_RUN, friendly('shareRun', shareRun(deps)));
  app.action<BlockAction>(ACTION_SHOW_STRATEGY, friendly('showStrategy', showStrategy(deps)));
  app.action<BlockAction>(ACTION_COMPARE_PREVIOUS, friendly('comparePrevious', comparePrevious(deps)));
  app.action<BlockAction>(ACTION_OPEN_SHEET, openSheet());
}
