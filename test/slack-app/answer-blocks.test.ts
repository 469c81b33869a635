/**
 * Every answer kind's Block Kit, rendered from real answers of core's engine and validated against
 * Slack's limits with one validator (helpers/block-kit.ts): header first, key numbers as fields,
 * the run by name and date (never its id), at most three buttons, one percentage style.
 */
import { answerQuestion, type RunSummary, toRunSummary } from '@segments/core';
import { renderAnswer, renderRunSummary } from '@segments/slack-app';
import { describe, expect, it } from 'vitest';
import { validateBlocks } from './helpers/block-kit';
import { BUDGET, STANDARD, sampleRun, VIP } from './helpers/sample-run';

const fromSheet = (run: RunSummary): RunSummary => ({
  ...run,
  source: {
    kind: 'sheet',
    rowCount: run.source.rowCount,
    spreadsheetId: 'sheet-abc123',
    spreadsheetName: 'Customers',
  },
});
const latest = fromSheet(
  toRunSummary(
    sampleRun({
      id: 'run-20260202T040813Z-shipa1',
      name: 'Mall February',
      createdAt: '2026-02-02T04:08:13.000Z',
    }),
  ),
);
const previous = toRunSummary(
  sampleRun({
    id: 'run-20260101T000000Z-old',
    name: 'Mall January',
    createdAt: '2026-01-01T00:00:00.000Z',
    segments: [VIP, BUDGET],
  }),
);
const runs = [latest, previous];

/** One question per answer kind. */
const KINDS: [kind: string, question: string][] = [
  ['help', 'help'],
  ['unknown', 'what is the weather in Jakarta?'],
  ['list', 'list runs'],
  ['show', 'show the latest run'],
  ['share', 'share the latest run'],
  ['size of a segment', 'how big is the VIP segment?'],
  ['every size', 'list segments with sizes'],
  ['target', 'which segment should we target?'],
  ['target for a goal', 'who should we target for a discount campaign?'],
  ['strategy', 'strategy for segment 3'],
  ['every strategy', 'what are the strategies?'],
  ['fact', 'average income of the VIP segment'],
  ['fact per segment', 'average spending per segment'],
  ['compare runs', 'compare the latest run with the previous one'],
  ['compare segments', 'compare VIP and budget shoppers'],
  ['chart', 'show a chart of the segment sizes'],
  ['connect', 'how do I connect the add-on?'],
  ['unsupported', 'delete the latest run'],
  ['segment not found', 'how big is the Whales segment?'],
  ['risk', 'who is at risk of leaving?'],
  ['revenue', 'how much revenue comes from the VIP segment?'],
];

describe('renderAnswer: every answer kind', () => {
  it.each(KINDS)(
    'renders %s within Block Kit limits, header first, without the raw run id',
    (_, question) => {
      const answer = answerQuestion(question, { runs });
      const message = renderAnswer(answer, { run: runs.find((run) => run.id === answer.runId) });
      expect(validateBlocks(message.blocks)).toEqual([]);
      const json = JSON.stringify(message.blocks);
      // The id may ride in a button's value, never in what people read.
      const readable = JSON.stringify(message.blocks, (key, value) => (key === 'value' ? undefined : value));
      // Except in the list of runs, where the id is what `/segments delete <run id>` takes.
      if (answer.intent !== 'list') expect(readable).not.toContain('run-20260202T040813Z-shipa1');
      expect(message.blocks.length).toBeLessThanOrEqual(6);
      // One percentage style: one decimal everywhere.
      expect(json).not.toMatch(/[^.\d]\d{1,3}%/);
    },
  );

  it('answers a segment question with a header, fields, the strategy, a context line and three buttons', () => {
    const answer = answerQuestion('how big is the VIP segment?', { runs });
    const { blocks } = renderAnswer(answer, { run: latest });
    expect(blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'context', 'actions']);
    expect(JSON.stringify(blocks[0])).toContain('Premium Shoppers (VIP): 40 customers (20.0%)');
    const fields = (blocks[1] as { fields: { text: string }[] }).fields.map((field) => field.text);
    expect(fields).toEqual([
      '*Size*\n40 customers',
      '*Share*\n20.0%',
      // 40 × 82 of (40 × 82 + 100 × 50 + 60 × 20) = 3280 / 9480.
      '*Share of spending*\n34.6%',
      '*Target rank*\n1st of 3',
      '*Key traits*\nhigh Spending Score (avg 82), high Annual Income (avg 87)',
    ]);
    expect(JSON.stringify(blocks[3])).toContain(
      'Run *Mall February* · 2 Feb 2026 · 200 customers · Customers',
    );
    const buttons = (blocks[4] as { elements: { text: { text: string }; url?: string }[] }).elements;
    expect(buttons.map((button) => button.text.text)).toEqual([
      'Share in channel',
      'Open in Google Sheets',
      'Details',
    ]);
    expect(buttons[1].url).toBe('https://docs.google.com/spreadsheets/d/sheet-abc123/edit');
  });

  it('builds chart and comparison headers from the run name, even when the name holds a colon', () => {
    const named = { ...latest, name: 'mall.csv · 5 segments · 2026-12-02 06:31' };
    const chart = renderAnswer(
      answerQuestion('show a chart of the segment sizes', { runs: [named, previous] }),
      {
        run: named,
      },
    );
    expect(JSON.stringify(chart.blocks[0])).toContain(
      'Segment sizes · mall.csv · 5 segments · 2026-12-02 06:31',
    );
    const compared = renderAnswer(
      answerQuestion('compare the latest run with the previous one', { runs: [named, previous] }),
    );
    expect(JSON.stringify(compared.blocks[0])).toContain(
      'What changed up to mall.csv · 5 segments · 2026-12-02 06:31',
    );
  });

  it('offers no Google Sheets button for a run that came from a file', () => {
    const answer = answerQuestion('how big is the VIP segment in Mall January?', { runs });
    expect(answer.runName).toBe('Mall January');
    expect(JSON.stringify(renderAnswer(answer, { run: previous }).blocks)).not.toContain(
      'Open in Google Sheets',
    );
  });

  it('keeps help to five example questions', () => {
    const { blocks } = renderAnswer(answerQuestion('help', { runs }));
    const lines = JSON.stringify(blocks).match(/• /g) ?? [];
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(JSON.stringify(blocks).length).toBeLessThan(800);
  });

  it('compares two runs in one table-like section, one row per persona', () => {
    const { blocks } = renderAnswer(
      answerQuestion('compare the latest run with the previous one', { runs }),
      {
        run: latest,
      },
    );
    const tables = blocks.filter((block) => JSON.stringify(block).includes('```'));
    expect(tables).toHaveLength(1);
    const text = (tables[0] as { text: { text: string } }).text.text;
    expect(text.split('\n')).toHaveLength(4);
    expect(text).toContain('Potential Loyalists (Standard)');
    expect(text).toMatch(/Premium Shoppers \(VIP\)\s+40 \(40\.0%\)\s+40 \(20\.0%\)\s+\+0/);
  });
});

describe('renderRunSummary', () => {
  it('lists segments in segment order, numbered as questions count them, and names the one to target', () => {
    const run = sampleRun({ segments: [BUDGET, STANDARD, VIP] });
    const blocks = renderRunSummary(run);
    const text = JSON.stringify(blocks);
    expect(text.indexOf('1 · Budget Shoppers')).toBeLessThan(text.indexOf('2 · Potential Loyalists'));
    expect(text.indexOf('2 · Potential Loyalists')).toBeLessThan(text.indexOf('3 · Premium Shoppers'));
    expect(text).toContain('Target first: Premium Shoppers (VIP)* (segment 3)');
    expect(validateBlocks(blocks)).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(5);
  });

  it('stays within Slack limits for 50 segments with long, hostile names', () => {
    const long = Array.from({ length: 50 }, (_, i) => ({
      ...VIP,
      name: `<!channel> ${'Very long persona name '.repeat(12)}${i}`,
      strategy: 'x'.repeat(2500),
      size: 4,
      priority: i + 1,
    }));
    const run = sampleRun({ segments: long });
    const blocks = renderRunSummary(run);
    expect(validateBlocks(blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    const answer = answerQuestion('compare the latest run with the previous one', {
      runs: [toRunSummary(run), previous],
    });
    expect(validateBlocks(renderAnswer(answer).blocks)).toEqual([]);
  });
});

describe('validateBlocks', () => {
  it('names each limit a message breaks', () => {
    const problems = validateBlocks([
      { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } },
      { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'a' })) },
      { type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(3001) } },
      {
        type: 'actions',
        elements: ['a', 'b', 'c', 'd'].map((id) => ({
          type: 'button',
          action_id: id,
          text: { type: 'plain_text', text: id },
        })),
      },
    ]);
    expect(problems).toEqual([
      'block 0 (header): text is 151 characters, over 150',
      'block 1 (section): 11 fields, over 10',
      'block 2 (section): text is 3001 characters, over 3000',
      "block 3 (actions): 4 buttons, over this app's 3",
    ]);
    expect(validateBlocks(Array.from({ length: 51 }, () => ({ type: 'divider' })))).toEqual([
      '51 blocks, over 50',
    ]);
  });
});
