import { readFileSync } from 'node:fs';
import type { AnswerContext } from '@segments/core';
import {
  answerQuestion,
  compareSegments,
  damerauLevenshtein,
  findPredictionRun,
  findRun,
  isCloseMatch,
  parseDelimited,
  rankedForGoal,
  resolveSegment,
  segmentTable,
  toRunSummary,
} from '@segments/core';
import { describe, expect, it } from 'vitest';
import { makePredictionRun } from '../helpers/make-prediction';
import { makeRun as makeFullRun } from '../helpers/make-run';

/** Runs as the store hands them to the engine: summaries, without per-row assignments. */
const makeRun = (...args: Parameters<typeof makeFullRun>) => toRunSummary(makeFullRun(...args));

// Two runs, newest first as the store lists them. The latest is makeRun's default mall-like run:
// VIP 39, Cautious 35, Impulse 22, Budget 23, Standard 81 (200 customers, priorities 1..5 in that order).
const latest = makeRun({ id: 'r-2026-02', name: 'mall-2026', createdAt: '2026-02-01T09:00:00.000Z' });
const previous = makeRun({
  id: 'r-2025-12',
  name: 'mall-2025',
  createdAt: '2025-12-01T09:00:00.000Z',
  segments: [
    { name: 'Premium Shoppers (VIP)', key: 'vip', size: 30 },
    { name: 'Young Enthusiasts', key: 'young', size: 20 },
    { name: 'Budget Shoppers', key: 'budget', size: 50 },
  ],
});
const runs = [latest, previous];
const ask = (question: string, extra: Partial<AnswerContext> = {}) =>
  answerQuestion(question, { runs, ...extra });

describe('answerQuestion: help and unknown', () => {
  it('answers "help" with what it can do and example questions', () => {
    const answer = ask('help');
    expect(answer.intent).toBe('help');
    expect(answer.examples?.length).toBeGreaterThan(3);
    expect(answer.text).toContain('/segments');
  });

  it('names the CLI command in help when asked from the CLI', () => {
    expect(ask('help', { surface: 'cli' }).text).toContain('segments ask');
  });

  it('answers a question it does not understand with intent unknown, help text and examples', () => {
    const answer = ask('what is the weather in Jakarta?');
    expect(answer.intent).toBe('unknown');
    expect(answer.text).toContain('did not understand');
    expect(answer.examples).toContain('which segment should we target?');
  });
});

describe('answerQuestion: runs', () => {
  it('lists the runs newest first with their size', () => {
    const answer = ask('list runs');
    expect(answer.intent).toBe('list');
    expect(answer.runs?.map((run) => run.id)).toEqual(['r-2026-02', 'r-2025-12']);
    expect(answer.runs?.[0]).toEqual({
      id: 'r-2026-02',
      name: 'mall-2026',
      createdAt: '2026-02-01T09:00:00.000Z',
      k: 5,
      rowCount: 200,
    });
    expect(answer.text).toContain(
      '1. mall-2026 (id r-2026-02): 5 segments, 200 customers, created 2026-02-01.',
    );
  });

  it('shows the latest run with every segment, its size and share', () => {
    const answer = ask('show the latest run');
    expect(answer).toMatchObject({ intent: 'show', runId: 'r-2026-02', runName: 'mall-2026' });
    expect(answer.run?.id).toBe('r-2026-02');
    expect(answer.text).toContain('200 customers');
    expect(answer.text).toContain('Impulse Buyers (segment 3) with 22 (11.0%)');
  });

  it('shows a run named in the question', () => {
    expect(ask('show run mall-2025')).toMatchObject({
      intent: 'show',
      runId: 'r-2025-12',
      runName: 'mall-2025',
    });
  });

  it('shows a run given by its id', () => {
    expect(ask('show run r-2025-12').runId).toBe('r-2025-12');
  });

  it('says which runs exist when the named run does not', () => {
    const answer = ask('show run springsale');
    expect(answer.runId).toBeUndefined();
    expect(answer.text).toBe(
      "I can't find a run called 'springsale'. The runs are: mall-2026 (id r-2026-02), mall-2025 (id r-2025-12).",
    );
  });

  it('answers about the run the caller picked with runRef', () => {
    const answer = ask('how big is the VIP segment?', { runRef: 'r-2025-12' });
    expect(answer).toMatchObject({ runId: 'r-2025-12', size: 30 });
  });

  it('answers about the previous run when the question says so', () => {
    expect(ask('how big is VIP in the previous run?')).toMatchObject({ runName: 'mall-2025', size: 30 });
  });
});

describe('answerQuestion: no runs yet', () => {
  it('explains in Slack how to publish a run from Sheets or the CLI', () => {
    const answer = answerQuestion('how big is the VIP segment?', { runs: [], surface: 'slack' });
    expect(answer.runId).toBeUndefined();
    expect(answer.text).toContain('Extensions › Customer Segments › Publish to Slack…');
    expect(answer.text).toContain('segments segment file.csv');
  });

  it('explains on the CLI how to segment a file first', () => {
    const answer = answerQuestion('list runs', { runs: [], surface: 'cli' });
    expect(answer.intent).toBe('list');
    expect(answer.text).toMatch(
      /^There are no runs saved yet\. Segment a file with: segments segment file\.csv/,
    );
  });
});

describe('answerQuestion: segment size', () => {
  it('answers "how big is the VIP segment?" with size and share', () => {
    const answer = ask('how big is the VIP segment?');
    expect(answer).toMatchObject({
      intent: 'size',
      runId: 'r-2026-02',
      runName: 'mall-2026',
      segment: { index: 0, name: 'Premium Shoppers (VIP)' },
      size: 39,
      share: 0.195,
    });
    expect(answer.text).toBe(
      'Premium Shoppers (VIP) (segment 1) has 39 customers, 19.5% of the 200 in run mall-2026.',
    );
  });

  it('finds a segment by its full name', () => {
    expect(ask('how many customers are Budget Shoppers').segment).toEqual({
      index: 3,
      name: 'Budget Shoppers',
    });
  });

  it('counts segments from 1: "segment 3" is the third segment (index 2)', () => {
    const answer = ask('size of segment 3');
    expect(answer.segment).toEqual({ index: 2, name: 'Impulse Buyers' });
    expect(answer.text).toContain('segment 3');
    expect(answer.text).toContain('22 customers, 11.0% of the 200');
  });

  it('says how many segments there are when the number is too high', () => {
    expect(ask('size of segment 9').text).toMatch(
      /^Run mall-2026 has no segment 9; it has 5 segments, numbered 1 to 5/,
    );
  });

  it.each([
    ['how big are the Misers?', 'Cautious Spenders'],
    ['how many Careless customers do we have?', 'Impulse Buyers'],
    ['how many Sensible customers?', 'Budget Shoppers'],
    ['how big is the Standard segment?', 'Potential Loyalists (Standard)'],
    ['what share of customers are big spenders?', 'Premium Shoppers (VIP)'],
    ['how big is the premium group?', 'Premium Shoppers (VIP)'],
    ['size of the loyalists', 'Potential Loyalists (Standard)'],
  ])('understands the synonym in %j as %s', (question, name) => {
    const answer = ask(question);
    expect(answer.intent).toBe('size');
    expect(answer.segment?.name).toBe(name);
    expect(answer.text).toContain(name);
  });

  it('names the segments of the run when it does not know the one asked about', () => {
    const answer = ask('how big is the Whales segment?');
    expect(answer).toMatchObject({ intent: 'size', runId: 'r-2026-02', runName: 'mall-2026' });
    expect(answer.segment).toBeUndefined();
    expect(answer.text).toBe(
      "I don't know 'Whales'; the segments in run mall-2026 are Premium Shoppers (VIP), Cautious Spenders, Impulse Buyers, Budget Shoppers, Potential Loyalists (Standard).",
    );
  });

  it('ignores a Slack mention of the bot in the question', () => {
    expect(ask('<@U0BOT> how big is the Whales segment?').text).toMatch(/^I don't know 'Whales';/);
  });

  it('does not find a persona that exists only in another run', () => {
    expect(ask('how big is the Young Enthusiasts segment?').text).toMatch(
      /^I don't know 'Young Enthusiasts'/,
    );
  });

  it('asks which one is meant when a word fits two segments equally', () => {
    expect(ask('how big are the shoppers?').text).toBe(
      "'shoppers' could mean Premium Shoppers (VIP) or Budget Shoppers in run mall-2026. Which one?",
    );
  });

  it('gives every segment size when no segment is named', () => {
    const answer = ask('how many customers are there?');
    expect(answer.segment).toBeUndefined();
    expect(answer.text).toContain('Run mall-2026 has 200 customers in 5 segments');
    expect(answer.text).toContain(
      'The largest is Potential Loyalists (Standard), the smallest Impulse Buyers.',
    );
  });
});

describe('answerQuestion: strategy', () => {
  it('answers "what\'s the strategy for Impulse Buyers?" with the strategy, size and share', () => {
    const answer = ask("what's the strategy for Impulse Buyers?");
    expect(answer).toMatchObject({
      intent: 'strategy',
      runId: 'r-2026-02',
      segment: { index: 2, name: 'Impulse Buyers' },
      strategy: 'Flash sales and discounts; mind credit risk',
      size: 22,
    });
    expect(answer.text).toContain(
      'The strategy for Impulse Buyers (segment 3) in run mall-2026: Flash sales and discounts; mind credit risk.',
    );
    expect(answer.text).toContain('22 customers, 11.0% of the 200');
  });

  it('understands a misspelt name ("Impluse buyers")', () => {
    expect(ask('strategy for Impluse buyers').segment?.name).toBe('Impulse Buyers');
  });

  it('treats "how should we target VIP" as a strategy question about VIP', () => {
    expect(ask('how should we target VIP?')).toMatchObject({
      intent: 'strategy',
      segment: { name: 'Premium Shoppers (VIP)' },
    });
  });

  it('lists every strategy in targeting order when no segment is named', () => {
    const answer = ask('what are the strategies?');
    expect(answer.text.split('\n')[1]).toBe(
      'Premium Shoppers (VIP) (segment 1), 39 customers: Exclusive offers and memberships.',
    );
  });
});

describe('answerQuestion: target', () => {
  it('recommends the first-priority segment with size, share, strategy and runner-up', () => {
    const answer = ask('which segment should we target?');
    expect(answer).toMatchObject({
      intent: 'target',
      runId: 'r-2026-02',
      runName: 'mall-2026',
      segment: { index: 0, name: 'Premium Shoppers (VIP)' },
      size: 39,
      share: 0.195,
      strategy: 'Exclusive offers and memberships',
      runnerUp: { index: 1, name: 'Cautious Spenders' },
    });
    expect(answer.goal).toBeUndefined();
    expect(answer.text).toContain('39 customers, 19.5% of the 200');
    expect(answer.text).toContain('high Spending Score (1-100) (82 on average)');
    expect(answer.text).toContain('Strategy: Exclusive offers and memberships.');
    expect(answer.text).toContain('Runner-up: Cautious Spenders (segment 2), 35 customers, 17.5%.');
  });

  it('prefers impulse buyers, then budget shoppers, for a discount campaign', () => {
    const answer = ask('who should we target for a discount campaign?');
    expect(answer).toMatchObject({
      goal: 'discount',
      segment: { name: 'Impulse Buyers' },
      runnerUp: { name: 'Budget Shoppers' },
    });
    expect(answer.text).toMatch(
      /^For a discount campaign, target Impulse Buyers \(segment 3\) in run mall-2026: 22/,
    );
  });

  it.each([
    ['which segment for a loyalty program?', 'loyalty', 'Potential Loyalists (Standard)'],
    ['who should we target for a premium launch?', 'premium launch', 'Premium Shoppers (VIP)'],
    ['best segment to upsell', 'upsell', 'Premium Shoppers (VIP)'],
    ['who should we target to reduce churn?', 'retention', 'Premium Shoppers (VIP)'],
    ['which segment should we target to win back customers?', 'reactivation', 'Cautious Spenders'],
  ])('understands %j as goal %s and recommends %s', (question, goal, name) => {
    const answer = ask(question);
    expect(answer.intent).toBe('target');
    expect(answer.goal).toBe(goal);
    expect(answer.segment?.name).toBe(name);
  });

  it('falls back to priority and says so when no segment suits the goal', () => {
    const custom = makeRun({
      segments: [
        { name: 'High Age · Low Income', size: 10, priority: 2 },
        { name: 'Low Age · High Income', size: 12, priority: 1 },
      ],
    });
    const answer = answerQuestion('who should get the discount coupons?', { runs: [custom] });
    expect(answer).toMatchObject({ intent: 'target', goal: 'discount', segment: { index: 1 } });
    expect(answer.text).toContain('No segment in this run is a typical fit');
  });

  it('breaks ties between segments of the same key by priority', () => {
    const twins = makeRun({
      segments: [
        { name: 'Impulse Buyers A', key: 'impulse', size: 10, priority: 3 },
        { name: 'Impulse Buyers B', key: 'impulse', size: 10, priority: 2 },
        { name: 'VIP', key: 'vip', size: 10, priority: 1 },
      ],
    });
    expect(rankedForGoal(twins, 'discount').map((segment) => segment.persona.name)).toEqual([
      'Impulse Buyers B',
      'Impulse Buyers A',
      'VIP',
    ]);
  });
});

describe('answerQuestion: compare', () => {
  it('compares the latest run with the previous one by default, per persona', () => {
    const answer = ask('compare the latest run with the previous one');
    expect(answer).toMatchObject({ intent: 'compare', runId: 'r-2026-02', runName: 'mall-2026' });
    expect(answer.comparison?.fromRunId).toBe('r-2025-12');
    expect(answer.comparison?.toRunId).toBe('r-2026-02');
    expect(answer.text).toContain(
      'Premium Shoppers (VIP) grew from 30 to 39 customers (+9); its share fell from 30.0% to 19.5% (−10.5 points).',
    );
  });

  it('marks a persona absent from one run with null and says so', () => {
    const changes = ask('compare').comparison?.changes ?? [];
    expect(changes.find((change) => change.name === 'Young Enthusiasts')).toEqual({
      name: 'Young Enthusiasts',
      before: { size: 20, share: 0.2 },
      after: null,
    });
    expect(changes.find((change) => change.name === 'Impulse Buyers')?.before).toBeNull();
    const text = ask('what changed?').text;
    expect(text).toContain(
      'Young Enthusiasts is not in mall-2026; it had 20 customers (20.0%) in mall-2025.',
    );
    expect(text).toContain('Impulse Buyers is new in mall-2026: 22 customers (11.0%).');
  });

  it('compares two runs named in the question, older to newer whatever the order', () => {
    const third = makeRun({ id: 'r-2026-03', name: 'mall-march', createdAt: '2026-03-01T09:00:00.000Z' });
    const answer = answerQuestion('compare mall-march with r-2025-12', { runs: [third, ...runs] });
    expect(answer.comparison).toMatchObject({ fromRunId: 'r-2025-12', toRunId: 'r-2026-03' });
  });

  it('says there is nothing to compare with a single run', () => {
    expect(answerQuestion('compare runs', { runs: [latest] }).text).toBe(
      'There is only one run (mall-2026), so there is nothing to compare it with yet.',
    );
  });
});

describe('answerQuestion: share and connect', () => {
  it('shares the latest run with its summary', () => {
    const answer = ask('share the latest run');
    expect(answer).toMatchObject({ intent: 'share', runId: 'r-2026-02', runName: 'mall-2026' });
    expect(answer.run?.segments).toHaveLength(5);
    expect(answer.text).toMatch(/^Sharing run mall-2026 to the channel\./);
  });

  it('explains how to connect the add-on, even before any run exists', () => {
    const answer = answerQuestion('how do I connect the add-on?', { runs: [] });
    expect(answer.intent).toBe('connect');
    expect(answer.text).toContain('/segments connect');
    expect(answer.text).toContain('Extensions › Customer Segments › Settings…');
  });
});

describe('resolveSegment', () => {
  it('matches a persona named by class label as "segment D"', () => {
    const labelled = makeRun({
      segments: ['A', 'B', 'C', 'D'].map((name) => ({ name, size: 5 })),
    });
    expect(resolveSegment(labelled, 'segment D')?.segment.index).toBe(3);
    expect(resolveSegment(labelled, 'D')?.segment.index).toBe(3);
    // "a" inside a sentence is an article, not segment A.
    expect(resolveSegment(labelled, 'what is a segment')).toBeUndefined();
  });

  it('matches "Segment D" names and the ordinal "the third segment"', () => {
    const labelled = makeRun({
      segments: ['Segment A', 'Segment B', 'Segment D'].map((name) => ({ name, size: 5 })),
    });
    expect(resolveSegment(labelled, 'cluster d')?.segment.persona.name).toBe('Segment D');
    expect(resolveSegment(latest, 'the third segment')?.segment.index).toBe(2);
  });

  it('uses persona names of the playbook when persona.key is not set', () => {
    const unkeyed = makeRun({
      segments: [
        { name: 'Budget Shoppers', size: 5 },
        { name: 'Other', size: 5 },
      ],
    });
    expect(resolveSegment(unkeyed, 'frugal')).toMatchObject({ by: 'synonym', segment: { index: 0 } });
  });

  it('reports how it matched', () => {
    expect(resolveSegment(latest, 'Impluse')?.by).toBe('fuzzy');
    expect(resolveSegment(latest, 'Miser')?.by).toBe('synonym');
    expect(resolveSegment(latest, 'impulse buyers')?.by).toBe('name');
    expect(resolveSegment(latest, '3')?.by).toBe('index');
  });
});

describe('findRun', () => {
  it('finds runs by latest, previous, id, id prefix, name and misspelt name', () => {
    expect(findRun(runs, 'latest')?.id).toBe('r-2026-02');
    expect(findRun(runs, 'previous')?.id).toBe('r-2025-12');
    expect(findRun(runs, 'R-2025-12')?.id).toBe('r-2025-12');
    expect(findRun(runs, 'r-2025')?.id).toBe('r-2025-12');
    expect(findRun(runs, 'MALL-2025')?.id).toBe('r-2025-12');
    expect(findRun(runs, 'mal-2025')?.id).toBe('r-2025-12');
    expect(findRun(runs, 'springsale')).toBeUndefined();
  });
});

describe('compareSegments', () => {
  it('matches personas by name in any case', () => {
    const renamed = makeRun({ segments: [{ name: 'impulse buyers', key: 'impulse', size: 5 }] });
    expect(
      compareSegments(renamed, latest).find((change) => change.name === 'Impulse Buyers')?.before,
    ).toEqual({
      size: 5,
      share: 1,
    });
  });
});

describe('damerauLevenshtein', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(damerauLevenshtein('impluse', 'impulse')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
  });

  it('allows no typo in three-letter words and two in long ones', () => {
    expect(isCloseMatch('vop', 'vip')).toBe(false);
    expect(isCloseMatch('sensibel', 'sensible')).toBe(true);
    expect(isCloseMatch('budget', 'target')).toBe(false);
  });
});

describe('answerQuestion on a real run', () => {
  // The mall customers through core's own segmentTable (k = 5 on income and spending): the five
  // playbook personas, in whatever order k-means leaves them, so the checks go by persona key.
  const table = parseDelimited(
    readFileSync(new URL('../fixtures/mall_customers.csv', import.meta.url), 'utf8'),
  );
  const mall = toRunSummary(
    segmentTable(table, {
      k: 5,
      columns: ['Annual Income (k$)', 'Spending Score (1-100)'],
      name: 'mall',
      id: 'mall-1',
      now: new Date('2026-01-01T00:00:00Z'),
    }),
  );
  const keyOf = (index: number | undefined) =>
    mall.segments.find((segment) => segment.index === index)?.persona.key;

  it('recommends the VIP segment and, for a discount campaign, the impulse buyers', () => {
    const target = answerQuestion('which segment should we target?', { runs: [mall] });
    expect(keyOf(target.segment?.index)).toBe('vip');
    expect(target.text).toContain(`${target.size} customers`);
    const discount = answerQuestion('who should we target for a discount campaign?', { runs: [mall] });
    expect(keyOf(discount.segment?.index)).toBe('impulse');
    expect(discount.text).toContain(discount.strategy?.slice(0, 20) ?? 'missing strategy');
  });

  it('finds the Miser synonym and "segment 3" in the real run', () => {
    expect(keyOf(answerQuestion('strategy for misers', { runs: [mall] }).segment?.index)).toBe('cautious');
    expect(answerQuestion('size of segment 3', { runs: [mall] }).size).toBe(mall.segments[2].size);
  });
});

describe('answerQuestion: predicted segments of new customers', () => {
  // Newest first. The latest: A 700, B 500, C 815, D 612 of 2,627 new customers.
  const latestPrediction = makePredictionRun({
    id: 'pred-2026-05',
    name: 'Leads May',
    createdAt: '2026-05-01T09:00:00Z',
  });
  const olderPrediction = makePredictionRun({
    id: 'pred-2026-04',
    name: 'Leads April',
    createdAt: '2026-04-01T09:00:00Z',
    segments: [
      { label: 'A', size: 10 },
      { label: 'D', size: 30 },
    ],
  });
  const predictions = [latestPrediction, olderPrediction];
  const askPrediction = (question: string, extra: Partial<AnswerContext> = {}) =>
    answerQuestion(question, { runs, predictions, ...extra });

  it('answers how many new customers fall in segment D with its size and share in the latest prediction run', () => {
    const answer = askPrediction('how many new customers fall in segment D?');
    expect(answer.intent).toBe('size');
    expect(answer.text).toBe(
      '612 of the 2,627 new customers (23.3%) fall in segment D (prediction run "Leads May"). The largest is segment C with 815 (31.0%).',
    );
    expect(answer).toMatchObject({ size: 612, share: 612 / 2627, segment: { index: 3, name: 'Segment D' } });
    expect(answer.prediction).toMatchObject({ runId: 'pred-2026-05', segmentLabel: 'D', rowCount: 2627 });
    expect(answer.runId).toBeUndefined();
  });

  it('reads "segment A" as the label A even though "a" is also an article', () => {
    const answer = askPrediction('how many new leads are in segment A');
    expect(answer.size).toBe(700);
    expect(answer.text).toContain('700 of the 2,627 new customers (26.6%) fall in segment A');
  });

  it('answers the predicted size of a segment', () => {
    expect(askPrediction('predicted size of segment B').size).toBe(500);
    expect(askPrediction('how many new customers are in class c?').size).toBe(815);
  });

  it('names the segment most new customers fall in, with the runner-up', () => {
    const answer = askPrediction('which segment do most new customers fall in?');
    expect(answer.prediction?.segmentLabel).toBe('C');
    expect(answer.text).toBe(
      'Most new customers fall in segment C: 815 of the 2,627 (31.0%) in prediction run "Leads May". Next comes segment A with 700 (26.6%).',
    );
  });

  it('answers from a prediction run named in the question or picked with runRef', () => {
    expect(askPrediction('how many new customers fall in segment D in Leads April?').size).toBe(30);
    const picked = askPrediction('how many new customers fall in segment D?', { runRef: 'pred-2026-04' });
    expect(picked.text).toContain('30 of the 40 new customers (75.0%) fall in segment D');
    expect(picked.text).toContain('It is the largest predicted segment.');
  });

  it('gives the whole predicted distribution when no segment is named', () => {
    const answer = askPrediction('how many new customers are predicted per segment?');
    expect(answer.text).toContain(
      'put 2,627 new customers into 4 segments: segment C 815 (31.0%), segment A 700 (26.6%), segment D 612 (23.3%), segment B 500 (19.0%).',
    );
    expect(answer.prediction?.segments.map((segment) => segment.label)).toEqual(['C', 'A', 'D', 'B']);
  });

  it('says which segments exist when the question names an unknown one', () => {
    const answer = askPrediction('how many new customers fall in segment Z?');
    expect(answer.text).toBe(
      "I don't know 'Z'; the segments in prediction run \"Leads May\" are segment C, segment A, segment D, segment B.",
    );
  });

  it('explains how to make a prediction when there is none, in the words of each surface', () => {
    const slack = answerQuestion('how many new customers fall in segment D?', { runs });
    expect(slack.text).toContain('There are no predictions in this workspace yet');
    expect(slack.text).toContain('Predict segments from a labelled column');
    const cli = answerQuestion('how many new customers fall in segment D?', { runs: [], surface: 'cli' });
    expect(cli.text).toContain('segments train labelled.csv --label Segment');
    expect(cli.text).toContain('segments assign new.csv --run');
  });

  it('answers questions about new customers in Indonesian, numbers as Indonesian writes them', () => {
    const segmentD = askPrediction('berapa pelanggan baru yang masuk segmen D?');
    expect(segmentD.lang).toBe('id');
    expect(segmentD.size).toBe(612);
    expect(segmentD.text).toBe(
      '612 dari 2.627 pelanggan baru (23,3%) masuk segmen D (run prediksi "Leads May"). Yang terbesar segmen C dengan 815 (31,0%).',
    );
    expect(askPrediction('how many new customers fall in segment D?', { lang: 'id' }).text).toMatch(
      /^612 dari 2\.627 pelanggan baru/,
    );
    expect(askPrediction('which segment do most new customers fall in?', { lang: 'id' }).text).toBe(
      'Pelanggan baru paling banyak masuk segmen C: 815 dari 2.627 (31,0%) di run prediksi "Leads May". Berikutnya segmen A dengan 700 (26,6%).',
    );
    expect(askPrediction('how many new customers are predicted per segment?', { lang: 'id' }).text).toBe(
      'Run prediksi "Leads May" (model "Predict Segmentation · train.csv", 2026-05-01) membagi 2.627 pelanggan baru ke dalam 4 segmen: segmen C 815 (31,0%), segmen A 700 (26,6%), segmen D 612 (23,3%), segmen B 500 (19,0%).',
    );
    expect(askPrediction('how many new customers fall in segment Z?', { lang: 'id' }).text).toBe(
      'Saya tidak mengenali \'Z\'; segmen di run prediksi "Leads May" adalah segmen C, segmen A, segmen D, segmen B.',
    );
    expect(answerQuestion('how many new customers fall in segment D?', { runs, lang: 'id' }).text).toMatch(
      /^Belum ada prediksi di workspace ini\. /,
    );
  });

  it('keeps answering questions about segmentation runs from the runs', () => {
    const answer = askPrediction('how big is the VIP segment?');
    expect(answer.runId).toBe('r-2026-02');
    expect(answer.prediction).toBeUndefined();
    expect(askPrediction('list runs').intent).toBe('list');
  });
});

describe('findPredictionRun', () => {
  const may = makePredictionRun({ id: 'pred-2026-05', name: 'Leads May' });
  const april = makePredictionRun({ id: 'pred-2026-04', name: 'Leads April' });
  it('finds a prediction run by id, id prefix, name in any case, part of a name, or "latest"', () => {
    expect(findPredictionRun([may, april], 'pred-2026-04')).toBe(april);
    expect(findPredictionRun([may, april], 'leads april')).toBe(april);
    expect(findPredictionRun([may, april], 'April')).toBe(april);
    expect(findPredictionRun([may, april], 'latest')).toBe(may);
    expect(findPredictionRun([may, april], 'pred-2026-0')).toBeUndefined();
    expect(findPredictionRun([may, april], 'June')).toBeUndefined();
  });
});
