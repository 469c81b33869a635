/**
 * The question table: questions marketers ask (plain, with typos, with persona synonyms that
 * describe the shape, by segment number, by rank, facts, lists, comparisons and actions chat does
 * not do), each with the intent and segment the engine must find. Segment numbers are as shown
 * (1-based); null means the answer is about no single segment.
 */
import { answerQuestion, HELP_EXAMPLES, INTENT_RULES, type Intent, toRunSummary } from '@segments/core';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../helpers/make-run';

// Segments as shown: 1 VIP (39), 2 Cautious (35), 3 Impulse (22), 4 Budget (23), 5 Standard (81);
// priorities 1..5 in that order, so 1 is the most valuable and 5 the least; 5 is the biggest, 3 the smallest.
const latest = toRunSummary(makeRun({ id: 'r-2', name: 'mall-2026', createdAt: '2026-02-01T09:00:00.000Z' }));
const previous = toRunSummary(
  makeRun({
    id: 'r-1',
    name: 'mall-2025',
    createdAt: '2025-12-01T09:00:00.000Z',
    segments: [
      { name: 'Premium Shoppers (VIP)', key: 'vip', size: 30 },
      { name: 'Budget Shoppers', key: 'budget', size: 50 },
    ],
  }),
);
const runs = [latest, previous];

type Row = [question: string, intent: Intent, segment: number | null];

const QUESTIONS: Row[] = [
  // Plain questions.
  ['how big is the VIP segment?', 'size', 1],
  ['how many customers are in segment 3?', 'size', 3],
  ['which segment should we target?', 'target', 1],
  ['who should we target for a discount campaign?', 'target', 3],
  ["what's the strategy for Impulse Buyers?", 'strategy', 3],
  ['recommendations for the budget shoppers', 'strategy', 4],
  ['how should we market to cautious spenders?', 'strategy', 2],
  ['show the latest run', 'show', null],
  ['list runs', 'list', null],
  ['share the latest run', 'share', null],
  ['how do I connect the add-on?', 'connect', null],
  ['help', 'help', null],
  ['what is the weather in Jakarta?', 'unknown', null],
  // Typos in the key words and in names.
  ['whats the stratgy for VIP', 'strategy', 1],
  ['how mnay customers are Impluse Buyers', 'size', 3],
  ['stratgey for segmnet 4', 'strategy', 4],
  ['which segmetn should we targte?', 'target', 1],
  ['compre VIP and budget shoppers', 'compare', 1],
  ['what is the bigest segment', 'size', 5],
  ['the smalest segment please', 'size', 3],
  ['averge income of the VIP segment', 'fact', 1],
  ['strategy for the cautious spendres', 'strategy', 2],
  ['how big are the Budgte Shoppers', 'size', 4],
  // Persona synonyms, also by shape.
  ['strategy for the rich but frugal customers', 'strategy', 2],
  ['how big is the big spenders group?', 'size', 1],
  ['how should we reach the bargain hunters?', 'strategy', 3],
  ['how many high rollers do we have?', 'size', 1],
  ['strategy for high income but low spending customers', 'strategy', 2],
  ['how many customers have low income and high spending?', 'size', 3],
  ['what do we do with the penny pinchers?', 'strategy', 4],
  ['how big is the top customers segment', 'size', 1],
  ['strategy for wealthy but thrifty shoppers', 'strategy', 2],
  ['how many customers earn little and spend little?', 'size', 4],
  ['what about the misers?', 'strategy', 2],
  ['strategy for the sensible ones', 'strategy', 4],
  ['how big is the careless segment', 'size', 3],
  ['how big is the standard segment', 'size', 5],
  // Segment numbers as shown, and ordinals.
  ['strategy for segment 2', 'strategy', 2],
  ['size of cluster 5', 'size', 5],
  ['how big is the third segment?', 'size', 3],
  ['tell me about segment number 1', 'strategy', 1],
  // Extremes.
  ['which is the biggest segment?', 'size', 5],
  ['what is the largest cluster', 'size', 5],
  ['how big is the smallest segment', 'size', 3],
  ['which is the most valuable segment?', 'target', 1],
  ['strategy for the least valuable segment', 'strategy', 5],
  // Per-segment facts.
  ['average income of the VIP segment', 'fact', 1],
  ['what is the mean spending score of segment 3?', 'fact', 3],
  ['average income of the biggest segment', 'fact', 5],
  ['what is the average income per segment?', 'fact', null],
  ['typical spending of impulse buyers', 'fact', 3],
  // Listing segments with sizes.
  ['list segments with sizes', 'size', null],
  ['what segments are there?', 'size', null],
  ['which segments do we have', 'size', null],
  ['how big is each segment?', 'size', null],
  // Comparisons: two runs, or two segments of one run.
  ['compare the latest run with the previous one', 'compare', null],
  ['what changed since last time?', 'compare', null],
  ['compare VIP and budget shoppers', 'compare', 1],
  ['segment 1 vs segment 3', 'compare', 1],
  ['difference between impulse buyers and cautious spenders', 'compare', 3],
  // Charts.
  ['show a chart of the segment sizes', 'chart', null],
  ['plot income against spending', 'chart', null],
  ['graph the change since the previous run', 'chart', null],
  // What chat does not do: said plainly.
  ['delete the latest run', 'unsupported', null],
  ['please remove run mall-2025', 'unsupported', null],
  ['rename segment 2 to Whales', 'unsupported', null],
  ['export the customers of segment 1', 'unsupported', null],
  // Everyday words that are also persona words.
  ['how should we spend our marketing budget?', 'target', 1],
  ['what is the average customer like?', 'show', null],
];

describe('answerQuestion: the question table', () => {
  it('holds at least 60 questions', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(QUESTIONS)('"%s" → %s, segment %s', (question, intent, segment) => {
    const answer = answerQuestion(question, { runs });
    expect(answer.intent).toBe(intent);
    expect(answer.segment ? answer.segment.index + 1 : null).toBe(segment);
  });
});

describe('INTENT_RULES', () => {
  it.each(INTENT_RULES.flatMap((rule) => rule.examples.map((example) => [rule.intent, example] as const)))(
    'answers the %s example "%s" with its intent',
    (intent, example) => {
      expect(answerQuestion(example, { runs }).intent).toBe(intent);
    },
  );

  it('gives five example questions at most in help, each answered without falling back to help', () => {
    const help = answerQuestion('help', { runs });
    expect(help.examples?.length).toBeLessThanOrEqual(5);
    expect(help.examples).toEqual([...HELP_EXAMPLES]);
    for (const example of HELP_EXAMPLES)
      expect(answerQuestion(example, { runs }).intent).not.toMatch(/help|unknown/);
  });
});

describe('answerQuestion: new answer kinds', () => {
  it('compares two segments of one run side by side with their averages', () => {
    const answer = answerQuestion('compare VIP and budget shoppers', { runs });
    expect(answer.segmentComparison?.segments.map((side) => side.index)).toEqual([0, 3]);
    expect(answer.text).toContain('size 39 (19.5%) vs 23 (11.5%)');
    expect(answer.text).toContain('Annual Income (k$) 87 vs 26');
  });

  it('gives the average of a feature for a segment against all customers', () => {
    const answer = answerQuestion('average income of the VIP segment', { runs });
    expect(answer.fact).toEqual({
      feature: 'Annual Income (k$)',
      populationMean: 60,
      values: [{ index: 0, name: 'Premium Shoppers (VIP)', mean: 87, level: 'high' }],
    });
    expect(answer.text).toBe(
      'The average Annual Income (k$) of Premium Shoppers (VIP) (segment 1) is 87, high, against 60 for all customers (run mall-2026).',
    );
  });

  it('says plainly that chat does not delete runs, and where it is done', () => {
    const answer = answerQuestion('delete the latest run', { runs });
    expect(answer.text).toMatch(/^I can't delete runs/);
    expect(answer.text).toContain('/segments delete <run id>');
    expect(answer.run).toBeUndefined();
  });

  it('falls back to the sizes chart, and says why, when the run has no choice of k', () => {
    const answer = answerQuestion('show the elbow chart', { runs });
    expect(answer.chart).toEqual({ kind: 'sizes' });
    expect(answer.text).toContain('fixed k of 5');
  });
});
