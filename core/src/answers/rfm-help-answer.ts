/**
 * "How do I do RFM segmentation?": what RFM is, what file it needs and how to run it from the
 * surface asked from. Answered without a run (it is about making one).
 */
import type { Answer, Intent } from '../schema/answer';

const RFM_WORDS = /\b(rfm|recency frequency (and )?monetary)\b/;
const HOW_WORDS =
  /\b(how (do|can|to|does|should|would)|what (is|are|does)|whats|explain\w*|guide|tutorial|set ?up|get started|start|help)\b/;

/** Questions asking how RFM works or how to run it. */
export const RFM_HOW_TO_EXAMPLES: readonly string[] = [
  'which customers are at risk?',
  'how many champions do we have?',
  'who should get a win-back campaign?',
  'how much revenue comes from champions?',
];

/**
 * True when a normalised question asks how RFM segmentation works or how to do it (not how big, or a
 * comparison, of an RFM run).
 */
export function isRfmHelpQuestion(norm: string, intent: Intent): boolean {
  if (intent === 'size' || intent === 'compare' || intent === 'list' || intent === 'share') return false;
  return RFM_WORDS.test(norm) && HOW_WORDS.test(norm);
}

/**
 * How to segment customers by recency, frequency and monetary value from an orders export.
 */
export function rfmHelpAnswer(surface: 'slack' | 'cli'): Answer {
  const how =
    surface === 'cli'
      ? 'Run: segments segment orders.csv. The orders are detected and rolled up per customer on their own; name the columns with --customer, --date and --amount (or --quantity and --price) when detection picks the wrong ones, and --as-of to count recency to another day. It writes orders.customers.csv with one row per customer (Recency, Frequency, Monetary, Segment, Persona).'
      : 'In Google Sheets open the orders sheet and use Extensions › Customer Segments › Segment customers…, or from the command line run: segments segment orders.csv. Then publish the run here and ask about it.';
  const text =
    'RFM segmentation groups customers by recency (days since their last order), frequency (how many orders) and monetary value (what they spent, net of returns). ' +
    'Start from an orders export with one row per order or order line: a customer id or e-mail, an order date and an amount (or quantity and unit price). ' +
    `${how} ` +
    'Segments are named with the standard RFM map (Champions, Loyal Customers, Potential Loyalists, New Customers, At Risk, Can’t Lose Them, Hibernating, Lost…), each with a strategy and an "R5 F4 M5" score; cancelled orders and lines without a customer are left out and returns are netted, and the run says how many. ' +
    'Then ask, for example: ' +
    RFM_HOW_TO_EXAMPLES.map((example) => `"${example}"`).join(', ') +
    '.';
  return { intent: 'help', text, examples: [...RFM_HOW_TO_EXAMPLES] };
}
