import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { HOME_RUNS_SHOWN, renderHomeView } from '../../blocks/home';
import type { ListenerDeps } from '../deps';

/** Opening the app's Home tab publishes the team's latest runs with their buttons, in the user's Slack language. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, body, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const [runs, lang] = await Promise.all([
      deps.store.listRuns(body.team_id, { limit: HOME_RUNS_SHOWN }),
      deps.userLanguages ? deps.userLanguages.of(client, body.team_id, event.user) : ('en' as const),
    ]);
    await client.views.publish({ user_id: event.user, view: renderHomeView(runs, lang) });
  };
}
