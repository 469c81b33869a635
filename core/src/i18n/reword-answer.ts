/**
 * An answer's text in another language, written again from the answer's facts (intent, run,
 * segment, goal, runner-up, comparison, what was not found, new customers of prediction runs) with
 * the message catalogue. The engine decides what to answer; this only decides how it reads. Answers
 * it does not know how to word keep their English text.
 */
import { GOAL_RULES } from '../answers/goals';
import { personaKeyOf } from '../answers/persona-synonyms';
import { rankedByPriority } from '../answers/ranking';
import { sentence, totalOf } from '../answers/wording';
import type { Answer, PredictedSegmentFacts, PredictionFacts, SegmentChange } from '../schema/answer';
import type { RunSummary, Segment } from '../schema/run';
import { type ConversationTranslator, createConversationTranslator } from './conversation-translator';
import type { Lang } from './lang';

/** What the rewording needs besides the answer. */
export interface RewordContext {
  /** The runs the answer was made from (already worded in `lang`), newest first. */
  runs: readonly RunSummary[];
  surface: 'slack' | 'cli';
  /** The question as the user typed it (echoed when it was not understood). */
  question: string;
}

/**
 * The answer with its text in `lang` (and `lang` set); the facts stay as they are.
 * @example rewordAnswer(answerQuestion('how big is VIP?', { runs }), 'id', { runs, surface: 'cli', question: 'VIP?' }).text // 'Premium Shoppers (VIP) (segmen 2) berisi 39 pelanggan, 19,5% dari 200 pelanggan di run Mall.'
 */
export function rewordAnswer(answer: Answer, lang: Lang, context: RewordContext): Answer {
  const text = wordAnswer(answer, createConversationTranslator(lang), context);
  if (text === undefined) return answer;
  return {
    ...answer,
    text,
    lang,
    ...(answer.examples ? { examples: createConversationTranslator(lang).m.examples() } : {}),
  };
}

/** An answer about new customers of a prediction run, from its facts (segments largest first). */
function predictionText(facts: PredictionFacts, t: ConversationTranslator): string {
  const m = t.m;
  const ref = (segment: PredictedSegmentFacts) => m.predictedRef(segment.name);
  const sized = (segment: PredictedSegmentFacts) =>
    [ref(segment), t.count(segment.size), t.percent(segment.share)] as const;
  const [largest, second] = facts.segments;
  if (facts.unknownSubject !== undefined)
    return m.predictedUnknown(facts.unknownSubject, facts.runName, facts.segments.map(ref));
  const asked = facts.segments.find((segment) => segment.label === facts.segmentLabel);
  if (asked && largest && facts.largest) {
    const next = second ? m.predictedNext(...sized(second)) : '';
    return m.predictedLargest(
      ref(largest),
      t.count(largest.size),
      t.count(facts.rowCount),
      t.percent(largest.share),
      facts.runName,
      next,
    );
  }
  if (asked && largest) {
    const rank = asked === largest ? m.predictedIsLargest() : m.predictedLargestIs(...sized(largest));
    return m.predictedSegment(
      t.count(asked.size),
      t.count(facts.rowCount),
      t.percent(asked.share),
      ref(asked),
      facts.runName,
      rank,
    );
  }
  const parts = facts.segments.map(
    (segment) => `${ref(segment)} ${t.count(segment.size)} (${t.percent(segment.share)})`,
  );
  return m.predictedOverview(
    facts.runName,
    facts.modelName,
    facts.createdAt?.slice(0, 10) ?? '',
    t.count(facts.rowCount),
    m.segments(t.count(facts.segments.length), facts.segments.length),
    parts,
  );
}

function wordAnswer(answer: Answer, t: ConversationTranslator, context: RewordContext): string | undefined {
  const { runs, surface } = context;
  const m = t.m;
  if (answer.noPredictions) return surface === 'cli' ? m.noPredictionsCli() : m.noPredictionsSlack();
  if (answer.prediction) return predictionText(answer.prediction, t);
  if (answer.intent === 'help' || answer.intent === 'unknown') {
    const examples = m
      .examples()
      .map((example) => `"${example}"`)
      .join(', ');
    return `${m.helpOpening(answer.intent === 'unknown', context.question.trim())}${surface === 'cli' ? m.helpHowCli() : m.helpHowSlack()}${m.helpCan()}${examples}.`;
  }
  if (answer.intent === 'connect') return surface === 'cli' ? m.connectCli() : m.connectSlack();
  if (runs.length === 0) return surface === 'cli' ? m.noRunsCli() : m.noRunsSlack();
  const notFound = answer.notFound;
  if (notFound?.kind === 'run') {
    const shown = runs.slice(0, 5).map((run) => m.runWithId(run.name, run.id));
    return m.runNotFound(notFound.reference, shown, Math.max(0, runs.length - 5));
  }
  if (answer.intent === 'list') return listText(runs, t);
  const run = runs.find((candidate) => candidate.id === answer.runId);
  if (!run) return undefined;
  if (notFound) {
    const names = run.segments.map((segment) => segment.persona.name);
    switch (notFound.kind) {
      case 'ambiguous':
        return m.segmentAmbiguous(
          notFound.text,
          notFound.candidates.map((index) => run.segments[index]?.persona.name ?? String(index + 1)),
          run.name,
        );
      case 'no-such-number':
        return m.segmentNoNumber(
          run.name,
          notFound.number,
          m.segments(t.count(run.k), run.k),
          run.segments.length,
          names,
        );
      default:
        return m.segmentUnknown(notFound.subject, run.name, names);
    }
  }
  const segment = answer.segment ? run.segments[answer.segment.index] : undefined;
  switch (answer.intent) {
    case 'show':
      return describeRunIn(run, t);
    case 'share':
      return surface === 'cli'
        ? m.shareCli(run.name, describeRunIn(run, t))
        : m.shareSlack(run.name, describeRunIn(run, t));
    case 'compare':
      return compareText(answer, runs, run, t);
    case 'size':
      return segment ? sizeText(run, segment, t) : sizeOverviewText(run, t);
    case 'strategy':
      return segment ? strategyText(run, segment, t) : strategyOverviewText(run, t);
    case 'target':
      return segment ? targetText(answer, run, segment, t) : undefined;
    default:
      return undefined;
  }
}

function label(segment: Segment, t: ConversationTranslator): string {
  return t.m.segmentLabel(segment.persona.name, segment.index + 1);
}

function customers(count: number, t: ConversationTranslator): string {
  return t.m.customers(t.count(count), count);
}

function segmentsOf(count: number, t: ConversationTranslator): string {
  return t.m.segments(t.count(count), count);
}

function sizeText(run: RunSummary, segment: Segment, t: ConversationTranslator): string {
  const largest = [...run.segments].sort((a, b) => b.size - a.size || a.index - b.index)[0];
  return t.m.sizeAnswer(
    label(segment, t),
    customers(segment.size, t),
    t.percent(segment.share),
    t.count(totalOf(run)),
    run.name,
    largest === segment,
  );
}

function sizeOverviewText(run: RunSummary, t: ConversationTranslator): string {
  const bySize = [...run.segments].sort((a, b) => b.size - a.size || a.index - b.index);
  const parts = run.segments.map((segment) =>
    t.m.sizePart(label(segment, t), t.count(segment.size), t.percent(segment.share)),
  );
  return t.m.sizeOverview(
    run.name,
    customers(totalOf(run), t),
    segmentsOf(run.k, t),
    parts,
    bySize[0].persona.name,
    bySize.length > 1 ? bySize[bySize.length - 1].persona.name : undefined,
  );
}

function strategyText(run: RunSummary, segment: Segment, t: ConversationTranslator): string {
  const summary = segment.persona.summary.trim() ? sentence(segment.persona.summary) : '';
  return t.m.strategyAnswer(
    label(segment, t),
    run.name,
    sentence(segment.persona.strategy),
    customers(segment.size, t),
    t.percent(segment.share),
    t.count(totalOf(run)),
    t.m.ordinal(segment.persona.priority),
    summary,
  );
}

function strategyOverviewText(run: RunSummary, t: ConversationTranslator): string {
  const lines = rankedByPriority(run).map((segment) =>
    t.m.strategyLine(label(segment, t), customers(segment.size, t), sentence(segment.persona.strategy)),
  );
  return t.m.strategyOverview(run.name, lines);
}

function targetText(answer: Answer, run: RunSummary, best: Segment, t: ConversationTranslator): string {
  const m = t.m;
  const rule = GOAL_RULES.find((candidate) => candidate.goal === answer.goal);
  const valued = run.features.filter((feature) => feature.role === 'spending' || feature.role === 'income');
  const valueParts: string[] = [];
  for (const feature of valued) {
    const entry = best.profile.find((candidate) => candidate.feature === feature.name);
    if (entry?.kind === 'numeric' && entry.level !== 'average')
      valueParts.push(m.valuePart(m.level(entry.level), feature.name, t.number(entry.mean)));
  }
  const facts = m.targetFacts(
    customers(best.size, t),
    t.percent(best.share),
    t.count(totalOf(run)),
    m.valueClause(valueParts),
  );
  let why: string;
  if (!rule) {
    const reason = typeof best.persona.reason === 'string' ? best.persona.reason : '';
    why = m.targetOverall(label(best, t), run.name, facts, reason);
  } else {
    const key = personaKeyOf(best);
    const goal = m.goal(rule.goal);
    why =
      key !== undefined && rule.keys.includes(key)
        ? m.targetSuited(goal, label(best, t), run.name, facts)
        : m.targetUnsuited(
            goal,
            label(best, t),
            run.name,
            facts,
            rule.keys.map((candidate) => t.persona(candidate).name),
          );
  }
  const runnerUp = answer.runnerUp ? run.segments[answer.runnerUp.index] : undefined;
  const second = runnerUp
    ? m.runnerUp(label(runnerUp, t), customers(runnerUp.size, t), t.percent(runnerUp.share))
    : m.noRunnerUp();
  return why + m.targetStrategy(sentence(best.persona.strategy)) + second;
}

function sourceOf(run: RunSummary, t: ConversationTranslator): string {
  const source = run.source;
  if (source.fileName) return t.m.fromFile(source.fileName);
  if (source.spreadsheetName)
    return t.m.fromFile(`${source.spreadsheetName}${source.sheetName ? ` › ${source.sheetName}` : ''}`);
  if (source.sheetName) return t.m.fromSheet(source.sheetName);
  return '';
}

/**
 * One run in a paragraph, as the show and share answers give it.
 * @example describeRunIn(localizeRun(run, 'id'), createConversationTranslator('id')).slice(0, 40) // 'Run Mall (id run-1, dibuat 2026-01-01) m'
 */
export function describeRunIn(run: RunSummary, t: ConversationTranslator): string {
  const dropped = run.preprocessing.rowsDropped;
  return t.m.describeRun(
    run.name,
    run.id,
    run.createdAt.slice(0, 10),
    customers(totalOf(run), t),
    sourceOf(run, t),
    segmentsOf(run.k, t),
    t.m.algorithm(run.algorithm),
    dropped ? t.m.droppedRows(t.m.rows(t.count(dropped), dropped), dropped) : '',
    run.segments.map((segment) =>
      t.m.describeSegment(label(segment, t), t.count(segment.size), t.percent(segment.share)),
    ),
    rankedByPriority(run)[0].persona.name,
  );
}

function listText(runs: readonly RunSummary[], t: ConversationTranslator): string {
  const lines = runs
    .slice(0, 20)
    .map((run, position) =>
      t.m.listLine(
        position + 1,
        run.name,
        run.id,
        segmentsOf(run.k, t),
        customers(totalOf(run), t),
        run.createdAt.slice(0, 10),
      ),
    );
  const more = runs.length > 20 ? t.m.listMore(runs.length - 20) : '';
  return `${t.m.listHead(runs.length)}\n${lines.join('\n')}${more}`;
}

function signed(value: number, text: string): string {
  return `${value < 0 ? '−' : '+'}${text}`;
}

function compareText(
  answer: Answer,
  runs: readonly RunSummary[],
  run: RunSummary,
  t: ConversationTranslator,
): string {
  const comparison = answer.comparison;
  if (!comparison) return t.m.compareOnlyOne(run.name);
  const from = runs.find((candidate) => candidate.id === comparison.fromRunId) ?? run;
  const to = runs.find((candidate) => candidate.id === comparison.toRunId) ?? run;
  const head = t.m.compareHead(
    from.name,
    from.createdAt.slice(0, 10),
    to.name,
    to.createdAt.slice(0, 10),
    customers(totalOf(from), t),
    segmentsOf(from.k, t),
    customers(totalOf(to), t),
    segmentsOf(to.k, t),
  );
  const lines = comparison.changes.map((change) => changeText(change, from, to, t));
  return `${head}\n${lines.join('\n')}`;
}

function changeText(
  change: SegmentChange,
  from: RunSummary,
  to: RunSummary,
  t: ConversationTranslator,
): string {
  const { name, before, after } = change;
  if (!before && after)
    return t.m.compareNew(name, to.name, customers(after.size, t), t.percent(after.share));
  if (before && !after)
    return t.m.compareGone(name, to.name, customers(before.size, t), t.percent(before.share), from.name);
  if (!before || !after) return name;
  const sizeDelta = after.size - before.size;
  const size =
    sizeDelta === 0
      ? t.m.compareStayed(customers(after.size, t))
      : t.m.compareSize(
          sizeDelta > 0,
          t.count(before.size),
          customers(after.size, t),
          signed(sizeDelta, t.count(Math.abs(sizeDelta))),
        );
  const points = Math.round((after.share - before.share) * 1000) / 10;
  const share =
    points === 0
      ? t.m.compareShareStayed(t.percent(after.share))
      : t.m.compareShare(
          points > 0,
          t.percent(before.share),
          t.percent(after.share),
          signed(points, t.fixed(Math.abs(points), 1)),
        );
  return t.m.compareLine(name, size, share);
}
