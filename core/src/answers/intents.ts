/**
 * The intent of a question from its wording alone (help, connect, compare, list, share, size,
 * strategy, target, show); the segment and goal found later may refine it.
 */
import type { Intent } from '../schema/answer';

const HELP_ONLY =
  /^(help|h|commands|usage|examples?|what can you do|what do you do|how does (this|it) work|hi|hello|hey)?$/;

const CONNECT =
  /\b(connect\w*|api token|token for the add ?on|link (the )?(add ?on|sheet|spreadsheet)|install\w*)\b/;

const COMPARE =
  /\b(compare\w*|comparison|versus|vs|diff|difference\w*|changed?|changes|evolved?|grown|grew|shrunk|shrank)\b/;

const SHARE_VERB = /\b(share|post|publish|send)\b/;

const SIZE =
  /\b(how (big|many|large|much)|sizes?|count|number of|share of|what share|percent\w*|proportion|biggest|largest|smallest)\b/;

const STRATEGY =
  /\b(strateg\w*|approach\w*|tactic\w*|playbook|how (should|do|can|could|would|to) (we |i |you )?(reach|market|engage|sell|treat|handle|approach|target|win|talk to|advertise)|what should (we|i) (do|offer|send))\b/;

const TARGET =
  /\b(target\w*|focus on|prioriti[sz]e|go after|who should|who to|which (segment|group|persona|cluster|customers?)|what (segment|group|persona|cluster)|best segment|recommend\w*)\b/;

const SHOW =
  /\b(show|display|summary|summari[sz]e|describe|overview|details?|open|results?|about|what did|what does)\b/;

interface IntentGuess {
  intent: Intent;
  /** The question asks both "strategy" and "target" words; the segment decides. */
  strategyOrTarget?: boolean;
}

/** The intent of a normalised question, from its wording alone. */
export function guessIntent(norm: string): IntentGuess {
  if (HELP_ONLY.test(norm)) return { intent: 'help' };
  if (CONNECT.test(norm)) return { intent: 'connect' };
  if (COMPARE.test(norm)) return { intent: 'compare' };
  if (/\bruns\b|\bhistory\b/.test(norm) || (/\blist\b/.test(norm) && !/\bsegments?\b/.test(norm))) {
    return { intent: 'list' };
  }
  const imperativeShare = /^(please )?((can|could|would) you )?(share|post|publish|send)\b/.test(norm);
  const shareTo = SHARE_VERB.test(norm) && /\b(channel|team|here|slack|everyone|with)\b/.test(norm);
  if ((imperativeShare || shareTo) && !/\bshare of\b/.test(norm)) return { intent: 'share' };
  if (SIZE.test(norm)) return { intent: 'size' };
  const strategy = STRATEGY.test(norm);
  const target = TARGET.test(norm);
  if (strategy && target) return { intent: 'strategy', strategyOrTarget: true };
  if (strategy) return { intent: 'strategy' };
  if (target) return { intent: 'target' };
  if (SHOW.test(norm)) return { intent: 'show' };
  if (/\bhelp\b/.test(norm)) return { intent: 'help' };
  return { intent: 'unknown' };
}
