/**
 * `npm run bench`, second part — what a user waits for, against pandas + scikit-learn in the same run.
 *
 * 1. CSV → segmented CSV: seeded blobs (n × 4 numeric columns, 5 clusters) written as a CSV file;
 *    `segments segment big.csv --k 5 --no-save --out seg.csv` (the compiled CLI, its own process)
 *    against a Python script doing pandas read_csv + StandardScaler + KMeans(n_clusters=5, n_init=10)
 *    + to_csv with the label column (/usr/bin/python3, default threads). Wall time and peak RSS of
 *    each (GNU time), their ratio, and the inertia of each labelling on the z-scored data, computed
 *    here the same way for both. Skipped with a note when Python lacks pandas or scikit-learn.
 * 2. Start-up: `node cli/bin/segments.js --help`, `npx segments --help` (median of 5), and
 *    `npm start` on a fresh store folder until /healthz first answers and until it answers 200.
 *
 * Flags: --sizes 100000,1000000  --skip-startup
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvColumns } from '@segments/core';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildNode } from '../scripts/build-node.mjs';
import { gaussianBlobs, writeBlobsCsv } from './blobs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const SEED = 20_240_602;
const K = 5;

const PANDAS_SCRIPT = `
import sys
import pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.cluster import KMeans
source, target, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
frame = pd.read_csv(source)
scaled = StandardScaler().fit_transform(frame.values)
model = KMeans(n_clusters=k, n_init=10, random_state=1).fit(scaled)
frame["Segment"] = model.labels_ + 1
frame.to_csv(target, index=False)
`;

interface Measured {
  seconds: number;
  peakMb: number;
}

/** Runs a command under GNU time; wall seconds and peak RSS. */
function timed(command: string, args: string[], cwd: string): Measured {
  const result = spawnSync(TIME, ['-f', '%e %M', command, ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  return { seconds, peakMb: kb / 1024 };
}

/** Within-cluster sum of squares of a labelling, on z-scored columns (population std), as KMeans scores it. */
function inertiaOf(dataCsv: string, labelledCsv: string): number {
  const data = parseCsvColumns(readFileSync(dataCsv, 'utf8'));
  const labelled = parseCsvColumns(readFileSync(labelledCsv, 'utf8'));
  const segment = labelled.columns[labelled.headers.indexOf('Segment')];
  const labels = new Int32Array(data.rowCount);
  for (let r = 0; r < data.rowCount; r++) {
    labels[r] = segment.kind === 'number' ? segment.values[r] : Number(segment.dictionary[segment.codes[r]]);
  }
  let total = 0;
  for (const column of data.columns) {
    if (column.kind !== 'number') throw new Error('expected number columns');
    const v = column.values;
    let mean = 0;
    for (let r = 0; r < data.rowCount; r++) mean += v[r];
    mean /= data.rowCount;
    let variance = 0;
    for (let r = 0; r < data.rowCount; r++) variance += (v[r] - mean) ** 2;
    const std = Math.sqrt(variance / data.rowCount);
    const sums = new Float64Array(K + 1);
    const counts = new Float64Array(K + 1);
    for (let r = 0; r < data.rowCount; r++) {
      sums[labels[r]] += (v[r] - mean) / std;
      counts[labels[r]]++;
    }
    for (let r = 0; r < data.rowCount; r++) {
      const z = (v[r] - mean) / std;
      total += (z - sums[labels[r]] / counts[labels[r]]) ** 2;
    }
  }
  return total;
}

function pythonHasPandasAndSklearn(): boolean {
  return spawnSync(PYTHON, ['-c', 'import pandas, sklearn'], { encoding: 'utf8' }).status === 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function msOf(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return performance.now() - start;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `npm start` on a fresh store folder: seconds to the first /healthz answer (and its status) and to a 200. */
async function healthzTimes(folder: string): Promise<{ first: number; firstStatus: number; ok: number }> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      PORT: String(port),
      HOST: '127.0.0.1',
      SEGMENTS_DATA_DIR: join(folder, 'healthz-store'),
    },
    stdio: 'ignore',
    detached: true,
  });
  let first: { seconds: number; status: number } | undefined;
  try {
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.status,
        () => 0,
      );
      const seconds = (performance.now() - start) / 1000;
      if (status !== 0 && !first) first = { seconds, status };
      if (status === 200)
        return { first: first?.seconds ?? seconds, firstStatus: first?.status ?? 200, ok: seconds };
      if (seconds > 120) throw new Error('npm start did not answer /healthz within 120 s');
      // Polling interval of the probe itself, not a wait for the app.
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const sizesFlag = argv.indexOf('--sizes');
  const sizes = sizesFlag >= 0 ? argv[sizesFlag + 1].split(',').map(Number) : [100_000, 1_000_000];
  await buildNode({ quiet: true });
  const folder = mkdtempSync(join(tmpdir(), 'segments-e2e-'));
  const bin = join(ROOT, 'cli/bin/segments.js');
  const withPython = pythonHasPandasAndSklearn();
  try {
    console.log('\nEnd to end: CSV (n × 4 numbers) → segmented CSV, k = 5');
    if (!withPython)
      console.log(
        `  pandas + scikit-learn skipped: ${PYTHON} -c 'import pandas, sklearn' failed (apt-get install python3-pandas python3-sklearn)`,
      );
    const script = join(folder, 'pandas_kmeans.py');
    writeFileSync(script, PANDAS_SCRIPT);
    const rows: string[][] = [
      [
        'rows',
        'segments (s)',
        'peak MB',
        'inertia',
        'pandas+sklearn (s)',
        'peak MB',
        'inertia',
        'time ratio',
        'RSS ratio',
      ],
    ];
    for (const n of sizes) {
      const csv = join(folder, `blobs-${n}.csv`);
      const blobs = gaussianBlobs(n, 4, K, SEED);
      writeFileSync(csv, 'a,b,c,d\n');
      writeBlobsCsv(blobs, `${csv}.body`);
      writeFileSync(csv, `a,b,c,d\n${readFileSync(`${csv}.body`, 'utf8')}`);
      rmSync(`${csv}.body`);
      const ours = timed(
        process.execPath,
        [bin, 'segment', csv, '--k', String(K), '--no-save', '--out', 'seg.csv'],
        folder,
      );
      const oursInertia = inertiaOf(csv, join(folder, 'seg.csv'));
      const row = [
        n.toLocaleString('en-US'),
        ours.seconds.toFixed(2),
        ours.peakMb.toFixed(0),
        oursInertia.toFixed(1),
      ];
      if (withPython) {
        const theirs = timed(PYTHON, [script, csv, join(folder, 'pandas.csv'), String(K)], folder);
        const theirsInertia = inertiaOf(csv, join(folder, 'pandas.csv'));
        row.push(
          theirs.seconds.toFixed(2),
          theirs.peakMb.toFixed(0),
          theirsInertia.toFixed(1),
          `${(ours.seconds / theirs.seconds).toFixed(2)}×`,
          `${(ours.peakMb / theirs.peakMb).toFixed(2)}×`,
        );
      } else row.push('skipped', '', '', '', '');
      rows.push(row);
      rmSync(csv, { force: true });
    }
    printTable(rows);
    console.log('  (ratios: segments ÷ pandas + scikit-learn; below 1.00× is faster / smaller)');

    if (!argv.includes('--skip-startup')) {
      console.log('\nStart-up');
      const help = median(Array.from({ length: 5 }, () => msOf(process.execPath, [bin, '--help'])));
      const npxHelp = median(Array.from({ length: 5 }, () => msOf('npx', ['segments', '--help'])));
      const health = await healthzTimes(folder);
      printTable([
        ['what', 'time'],
        ['node cli/bin/segments.js --help (median of 5)', `${(help / 1000).toFixed(2)} s`],
        ['npx segments --help (median of 5)', `${(npxHelp / 1000).toFixed(2)} s`],
        [
          `npm start → first /healthz answer (${health.firstStatus}), fresh store folder`,
          `${health.first.toFixed(2)} s`,
        ],
        ['npm start → /healthz 200 (store open)', `${health.ok.toFixed(2)} s`],
      ]);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, column) => rows.reduce((max, row) => Math.max(max, row[column].length), 0));
  for (const row of rows)
    console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`);
}

if (!existsSync(PYTHON)) console.log(`(${PYTHON} not found: the Python comparison is skipped)`);
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
