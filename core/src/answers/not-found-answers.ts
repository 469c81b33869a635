/**
 * Answers when what the question needs is not there: no runs yet, an unknown run, an unknown segment.
 */

import type { Answer, Intent } from '../schema/answer';
import type { RunSummary } from '../schema/run';
import { EXAMPLE_QUESTIONS } from './help-answer';
import { toRunListItem } from './run-resolution';
import type { SegmentResolution } from './segment-resolution';

import { plural, runFacts } from './wording';

/** There is no run yet: how to make one from the surface asked from. */
export function noRunsAnswer(intent: Intent, surface: 'slack' | 'cli'): Answer {
  const text =
    surface === 'cli'
      ? 'There are no runs saved yet. Segment a file with: segments segment file.csv (the run is saved in the local store), or segment a sheet in Google Sheets with Extensions › Customer Segments › Segment customers…, then ask again.'
      : 'There are no runs in this workspace yet. Publish one from Google Sheets with Extensions › Customer Segments › Publish to Slack… (connect first with /segments connect), or segment a file from the command line with: segments segment file.csv. Then ask again.';
  return { intent, text, examples: [...EXAMPLE_QUESTIONS] };
}

/** No run is called `reference`: lists the runs there are. */
export function runNotFoundAnswer(intent: Intent, reference: string, runs: readonly RunSummary[]): Answer {
  const shown = runs.slice(0, 5).map((run) => `${run.name} (id ${run.id})`);
  const more = runs.length > 5 ? ` and ${runs.length - 5} more` : '';
  return {
    intent,
    text: `I can't find a run called '${reference}'. The runs are: ${shown.join(', ')}${more}.`,
    notFound: { kind: 'run', reference },
    runs: runs.map(toRunListItem),
  };
}

/** No single segment fits: asks which one, says the number is out of range, or lists the segments. */
export function segmentNotFoundAnswer(
  intent: 'size' | 'strategy' | 'fact',
  run: RunSummary,
  resolution: Exclude<SegmentResolution, { kind: 'match' }>,
): Answer {
  const names = run.segments.map((segment) => segment.persona.name).join(', ');
  let text: string;
  if (resolution.kind === 'ambiguous') {
    const options = resolution.candidates.map((segment) => segment.persona.name);
    text = `'${resolution.text}' could mean ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]} in run ${run.name}. Which one?`;
  } else if (resolution.kind === 'no-such-number') {
    text = `Run ${run.name} has no segment ${resolution.number}; it has ${plural(run.k, 'segment')}, numbered 1 to ${run.segments.length}: ${names}.`;
  } else {
    text = `I don't know '${resolution.subject}'; the segments in run ${run.name} are ${names}.`;
  }
  const notFound: Answer['notFound'] =
    resolution.kind === 'ambiguous'
      ? { kind: 'ambiguous', text: resolution.text, candidates: resolution.candidates.map((s) => s.index) }
      : resolution.kind === 'no-such-number'
        ? { kind: 'no-such-number', number: resolution.number }
        : { kind: 'segment', subject: resolution.subject };
  return { intent, ...runFacts(run), text, notFound };
}
