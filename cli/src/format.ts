/**
 * Plain-text rendering for the terminal: aligned tables and the readable run summary.
 */
import { featureLabel, maxOf, type ProfileEntry, type Run } from '@segments/core';

/** Left-aligned text columns, right-aligned numbers; two spaces between columns. */
export function formatTable(
  headers: string[],
  rows: (string | number)[][],
  rightAligned: number[] = [],
): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, c) =>
    maxOf(
      cells.map((row) => [...(row[c] ?? '')].length),
      0,
    ),
  );
  return cells
    .map((row) =>
      row
        .map((cell, c) =>
          rightAligned.includes(c)
            ? cell.padStart(widths[c])
            : c === row.length - 1
              ? cell
              : cell.padEnd(widths[c]),
        )
        .join('  '),
    )
    .join('\n');
}

/** Share 0..1 as "40.5%". */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** The traits that set a segment apart: non-average numbers and dominant categories. */
export function keyTraits(profile: ProfileEntry[]): string {
  const traits = profile.flatMap((entry) => {
    if (entry.kind === 'numeric') {
      return entry.level === 'average'
        ? []
        : [`${entry.level} ${featureLabel(entry.feature)} (${formatValue(entry.mean)})`];
    }
    return entry.topShare >= 0.6
      ? [`${featureLabel(entry.feature)}: ${entry.top} (${Math.round(entry.topShare * 100)}%)`]
      : [];
  });
  return traits.length > 0 ? traits.join(', ') : 'close to average on every feature';
}

function formatValue(value: number): string {
  return Math.abs(value) >= 1000
    ? Math.round(value).toLocaleString('en-US')
    : String(Math.round(value * 10) / 10);
}

/** The readable summary `segments segment` prints without --json. */
export function formatRunSummary(run: Run): string {
  const lines = [
    `${run.name}`,
    `${run.k} segments from ${run.preprocessing.rowsUsed.toLocaleString('en-US')} customers (${run.algorithm}, ${run.features.map((feature) => feature.name).join(', ')})`,
    '',
  ];
  lines.push(
    formatTable(
      ['#', 'Persona', 'Size', 'Share', 'Key traits'],
      run.segments.map((segment) => [
        segment.index + 1,
        segment.persona.name,
        segment.size,
        percent(segment.share),
        keyTraits(segment.profile),
      ]),
      [0, 2, 3],
    ),
  );
  lines.push('');
  if (run.chooseK) lines.push(`Recommended: ${run.chooseK.reason}`);
  const target = run.segments.find((segment) => segment.persona.priority === 1);
  if (target) lines.push(`Target first: ${target.persona.name} — ${target.persona.strategy}`);
  for (const note of run.preprocessing.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}
