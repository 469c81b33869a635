import type { Answer } from '@segments/core';
import {
  clipSlackText,
  escapeSlackText,
  keyTraits,
  renderAnswer,
  renderHomeView,
  renderRunSummary,
} from '@segments/slack-app';
import { describe, expect, it } from 'vitest';
import { BUDGET, sampleRun, VIP } from './helpers/sample-run';

describe('escapeSlackText', () => {
  it('escapes &, < and > so mentions and links stay text', () => {
    expect(escapeSlackText('<!channel> & <@U1> > x')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &gt; x');
  });
});

describe('clipSlackText', () => {
  it('cuts long text with an ellipsis without splitting an entity', () => {
    const clipped = clipSlackText(`${'a'.repeat(8)}&amp;tail`, 11);
    expect(clipped).toBe(`${'a'.repeat(8)}…`);
    expect(clipSlackText('short', 11)).toBe('short');
  });
});

describe('renderRunSummary', () => {
  it('shows each segment in segment order with size, share and key traits, and the strategy of the one to target', () => {
    const run = sampleRun({ segments: [BUDGET, VIP] });
    const text = JSON.stringify(renderRunSummary(run));
    expect(text.indexOf(`1 · ${BUDGET.name}`)).toBeLessThan(text.indexOf(`2 · ${escapeSlackText(VIP.name)}`));
    expect(text).toContain('40 customers (40.0%)');
    expect(text).toContain('high Annual Income (avg 87)');
    expect(text).toContain(`Target first: ${VIP.name}* (segment 2). ${VIP.strategy}`);
  });

  it('names the strongest traits first and says when a segment is average everywhere', () => {
    const run = sampleRun({ segments: [VIP, { ...BUDGET, income: 60, spending: 50 }] });
    // Spending is 32 above its mean (z 1.23), income 27 above its mean (z 1.04).
    expect(keyTraits(run.segments[0])).toBe('high Spending Score (avg 82), high Annual Income (avg 87)');
    expect(keyTraits(run.segments[1])).toBe('close to the average on every feature');
  });
});

describe('renderAnswer', () => {
  it('escapes the answer text and adds the run buttons when the answer is about a run', () => {
    const answer: Answer = {
      intent: 'size',
      runId: 'r1',
      segment: { index: 0, name: '<!channel>' },
      text: '<!channel> has 40 customers & more',
      size: 40,
      share: 0.2,
    };
    const message = renderAnswer(answer);
    expect(message.text).toBe('&lt;!channel&gt; has 40 customers &amp; more');
    const actions = message.blocks.find((block) => block.type === 'actions');
    expect(JSON.stringify(actions)).toContain('segments_share_run');
    expect(JSON.stringify(actions)).toContain('segments_show_strategy');
  });
});

describe('renderHomeView', () => {
  it('says how to publish a first run when there is none', () => {
    expect(JSON.stringify(renderHomeView([]))).toContain('No runs yet');
  });
});
