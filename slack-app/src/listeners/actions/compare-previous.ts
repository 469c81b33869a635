import { renderAnswer } from '../../blocks/answer';
import { answerWithRun } from '../../conversation';
import type { ListenerDeps } from '../deps';
import { type ButtonArgs, buttonValue, replyPrivately, teamOf } from './reply';

/** "Compare with previous": size and share change per persona between the run and the one before it. */
export function comparePrevious(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const value = buttonValue(args);
    const team = teamOf(args.body);
    if (!value || !team) return;
    const { answer, run } = await answerWithRun(deps, team, 'compare with the previous run', value.runId);
    await replyPrivately(args, renderAnswer(answer, { run }));
  };
}
