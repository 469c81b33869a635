/**
 * Renders the charts the Slack app sends for the README: the Mall customers fixture segmented by
 * core (k auto on income and spending, then k = 5 and k = 4 for a comparison), drawn by the app's
 * own chart code. Run: npx tsx scripts/render-chart-examples.ts (writes docs/charts/*.png).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type ChartKind, parseDelimited, segmentTable, toRunSummary } from '@segments/core';
import { renderChartPng } from '../slack-app/src/charts/render-png';

const table = parseDelimited(
  readFileSync(new URL('../test/fixtures/mall_customers.csv', import.meta.url), 'utf8'),
);
const columns = ['Annual Income (k$)', 'Spending Score (1-100)'];
const now = new Date('2026-02-02T09:00:00Z');
const latest = toRunSummary(
  segmentTable(table, { k: 'auto', columns, name: 'Mall customers', id: 'mall-auto', now }),
);
const previous = toRunSummary(
  segmentTable(table, { k: 4, columns, name: 'Mall customers (k=4)', id: 'mall-4', now }),
);
const kinds: ChartKind[] = ['sizes', 'features', 'choose-k', 'compare'];
for (const kind of kinds) {
  const { png } = renderChartPng({ kind, run: latest, previous });
  writeFileSync(new URL(`../docs/charts/${kind}.png`, import.meta.url), png);
  console.log(`docs/charts/${kind}.png: ${(png.length / 1024).toFixed(1)} KB`);
}
