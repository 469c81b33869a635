/**
 * `segments segment` on files past the ~125,000 values a spread call can take, with a column that
 * numbers the rows (an id: left out of the features).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable } from '@segments/cli';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runCli } from './cli-harness';

async function writeCustomers(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let chunk = 'No,Spend,Visits\n';
  for (let i = 0; i < rows; i++) {
    const group = i % 2;
    chunk += `${i + 1},${group * 100 + (i % 7)},${group * 50 + (i % 5)}\n`;
    if (chunk.length > 1 << 16) {
      out.write(chunk);
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

describe('segments segment on large files', () => {
  for (const rows of [150_000, 1_000_000]) {
    it(`segments ${rows.toLocaleString('en')} rows with a row-number column and writes every row back`, async () => {
      const workspace = makeWorkspace();
      const input = join(workspace.dir, 'big.csv');
      await writeCustomers(input, rows);
      const result = await runCli(
        ['segment', input, '--k', '2', '--restarts', '1', '--no-save', '--json', '--out', 'seg.csv'],
        workspace.dir,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const run = JSON.parse(result.stdout);
      expect(run.features.map((feature: { name: string }) => feature.name)).toEqual(['Spend', 'Visits']);
      expect(run.segments.map((segment: { size: number }) => segment.size)).toEqual([rows / 2, rows / 2]);
      const text = readFileSync(join(workspace.dir, 'seg.csv'), 'utf8');
      const lines = text.trimEnd().split('\n');
      expect(lines).toHaveLength(rows + 1);
      expect(lines[0]).toBe('No,Spend,Visits,Segment,Persona');
      expect(lines[rows]).toMatch(new RegExp(`^${rows},\\d+,\\d+,[12],`));
    }, 120_000);
  }
});

describe('formatTable', () => {
  it('aligns a million rows without overflowing the stack', () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => [`run-${i}`, i]);
    const text = formatTable(['ID', 'K'], rows, [1]);
    // 'run-999999' sets the first width (10), '999999' the second (6).
    expect(text.split('\n')[1]).toBe(`run-0${' '.repeat(12)}0`);
  });
});
