/**
 * Chart rendering: time and size of each chart kind for a 10-segment run (the budget is
 * < 300 ms and < 300 KB per chart), SVG drawing and resvg rasterising measured together, after
 * one warm-up render (font loading). Run: npx tsx bench/charts.bench.ts (part of npm run bench).
 */

import { readFileSync } from 'node:fs';
import { type ChartKind, parseDelimited, segmentTable, toRunSummary } from '@segments/core';
import { renderChartPng } from '@segments/slack-app';

const table = parseDelimited(
  readFileSync(new URL('../test/fixtures/mall_customers.csv', import.meta.url), 'utf8'),
);
const columns = ['Annual Income (k$)', 'Spending Score (1-100)'];
const now = new Date('2026-02-02T09:00:00Z');
const run = toRunSummary(segmentTable(table, { k: 10, columns, name: 'Mall, k = 10', id: 'bench-10', now }));
const auto = toRunSummary(
  segmentTable(table, { k: 'auto', columns, name: 'Mall, auto k', id: 'bench-auto', now }),
);
const REPEATS = 20;

renderChartPng({ kind: 'sizes', run });
console.log(
  `chart rendering (${run.segments.length} segments, ${REPEATS} renders each; budget 300 ms, 300 KB)`,
);
for (const kind of ['sizes', 'features', 'choose-k', 'compare'] as ChartKind[]) {
  const spec = kind === 'choose-k' ? { kind, run: auto } : { kind, run, previous: auto };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    bytes = renderChartPng(spec).png.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${kind.padEnd(9)} median ${times[REPEATS >> 1].toFixed(1)} ms, max ${times[REPEATS - 1].toFixed(1)} ms, ${(bytes / 1024).toFixed(1)} KB`,
  );
}
