import { renderAnswer } from '../../blocks/answer';
import { answerWithRun } from '../../conversation';
import type { ListenerDeps } from '../deps';
import { type ButtonArgs, buttonValue, replyPrivately, teamOf } from './reply';

/** "Strategy": the answer engine's strategy for the button's segment of the button's run. */
export function showStrategy(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const value = buttonValue(args);
    const team = teamOf(args.body);
    if (!value || !team) return;
    const question =
      value.segmentIndex === undefined
        ? 'what is the strategy for each segment?'
        : `what is the strategy for segment ${value.segmentIndex + 1}?`;
    const { answer, run } = await answerWithRun(deps, team, question, value.runId);
    await replyPrivately(args, renderAnswer(answer, { run }));
  };
}
