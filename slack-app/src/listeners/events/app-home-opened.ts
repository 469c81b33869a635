import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { HOME_RUNS_SHOWN, renderHomeView } from '../../blocks/home';
import type { ListenerDeps } from '../deps';

/** Opening the app's Home tab publishes the team's latest runs with their buttons. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, body, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const runs = await deps.store.listRuns(body.team_id, { limit: HOME_RUNS_SHOWN });
    await client.views.publish({ user_id: event.user, view: renderHomeView(runs) });
  };
}
