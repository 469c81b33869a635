/**
 * `npm run bench` — clustering speed at spreadsheet scale, against scikit-learn in the same run.
 *
 * 1. k-means: seeded Gaussian blobs (default 1,000,000 × 5, k = 8), one k-means++ start, timed from
 *    seeding to convergence. Our kernel runs in a child process so its peak RSS is ours alone; the
 *    same data goes to a temporary CSV that scikit-learn's KMeans (n_init=1, algorithm='lloyd',
 *    OMP_NUM_THREADS=1, /usr/bin/python3) clusters in the same run. Skipped with a note when
 *    `/usr/bin/python3 -c 'import sklearn'` fails.
 * 2. auto-k: segmentTable on 100,000 × 6 blobs with k = 'auto' (k = 2..10 with silhouette) and the
 *    product's default restarts, as the CLI and add-on run it.
 * 3. k-prototypes: segmentTable with defaults (auto-k, mixed data) on the automobile customers file.
 *
 * Flags: --n, --d, --k (k-means size), --auto-n, --auto-d, --repeats (median of; default 3),
 * --json (print exactly one JSON document on stdout; notes go to stderr).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kmeans } from '../core/src/kmeans';
import { segmentTable } from '../core/src/segment';
import { type Cell, parseDelimited, tableFromCells } from '../core/src/table';
import { gaussianBlobs, writeBlobsCsv } from './blobs';

const AUTOMOBILE = '/work/shared/data/automobile_train.csv';
const PYTHON = '/usr/bin/python3';
const BLOB_SEED = 20_240_601;

interface Flags {
  n: number;
  d: number;
  k: number;
  autoN: number;
  autoD: number;
  repeats: number;
  json: boolean;
  child: boolean;
}

interface KMeansMeasurement {
  ms: number;
  inertia: number;
  iterations: number;
  peakRssMb: number;
}

function parseFlags(argv: string[]): Flags {
  const value = (name: string, fallback: number): number => {
    const index = argv.indexOf(`--${name}`);
    if (index < 0) return fallback;
    const parsed = Number(argv[index + 1]);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} needs a positive number`);
    return parsed;
  };
  return {
    n: value('n', 1_000_000),
    d: value('d', 5),
    k: value('k', 8),
    autoN: value('auto-n', 100_000),
    autoD: value('auto-d', 6),
    repeats: value('repeats', 3),
    json: argv.includes('--json'),
    child: argv.includes('--child-kmeans'),
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The child: generate the blobs, time `repeats` single-start runs, report the peak RSS. */
function childKMeans(flags: Flags): void {
  const blobs = gaussianBlobs(flags.n, flags.d, flags.k, BLOB_SEED);
  const times: number[] = [];
  let result = kmeans(blobs.points, flags.n, flags.d, flags.k, { seed: 1, restarts: 1 });
  for (let repeat = 0; repeat < flags.repeats; repeat++) {
    const start = performance.now();
    result = kmeans(blobs.points, flags.n, flags.d, flags.k, { seed: 1, restarts: 1 });
    times.push(performance.now() - start);
  }
  const measurement: KMeansMeasurement = {
    ms: median(times),
    inertia: result.inertia,
    iterations: result.iterations,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(measurement));
}

function measureOursInChild(flags: Flags): KMeansMeasurement {
  const script = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, script, '--child-kmeans'];
  for (const [name, value] of Object.entries({ n: flags.n, d: flags.d, k: flags.k, repeats: flags.repeats }))
    args.push(`--${name}`, String(value));
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`k-means child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as KMeansMeasurement;
}

const SKLEARN_SCRIPT = `
import json, sys, time
import numpy as np
from sklearn.cluster import KMeans
import sklearn
path, k, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
try:
    import pandas
    X = pandas.read_csv(path, header=None, dtype=np.float64).to_numpy()
except ImportError:
    X = np.loadtxt(path, delimiter=',')
X = np.ascontiguousarray(X, dtype=np.float64)
KMeans(n_clusters=k, n_init=1, algorithm='lloyd', random_state=0).fit(X[:10000])  # warm-up
times, model = [], None
for _ in range(repeats):
    start = time.perf_counter()
    model = KMeans(n_clusters=k, n_init=1, algorithm='lloyd', random_state=0).fit(X)
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(json.dumps({"ms": times[len(times) // 2], "inertia": float(model.inertia_),
                  "iterations": int(model.n_iter_), "version": sklearn.__version__}))
`;

interface SklearnMeasurement {
  ms: number;
  inertia: number;
  iterations: number;
  version: string;
}

function sklearnAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
}

function measureSklearn(flags: Flags, folder: string): SklearnMeasurement {
  const csv = join(folder, 'blobs.csv');
  writeBlobsCsv(gaussianBlobs(flags.n, flags.d, flags.k, BLOB_SEED), csv);
  const script = join(folder, 'sklearn_kmeans.py');
  writeFileSync(script, SKLEARN_SCRIPT);
  const threads = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const run = spawnSync(PYTHON, [script, csv, String(flags.k), String(flags.repeats)], {
    encoding: 'utf8',
    env: { ...process.env, ...threads },
  });
  if (run.status !== 0) throw new Error(`scikit-learn failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as SklearnMeasurement;
}

/** segmentTable with k = 'auto' on blob data handed over as sheet cells (numbers), as the add-on does. */
function measureAutoK(flags: Flags): { ms: number; recommendedK: number } {
  const blobs = gaussianBlobs(flags.autoN, flags.autoD, 4, BLOB_SEED + 1);
  const header = Array.from({ length: flags.autoD }, (_, f) => `feature ${f + 1}`);
  const cells: Cell[][] = [header];
  for (let i = 0; i < flags.autoN; i++)
    cells.push(Array.from(blobs.points.subarray(i * flags.autoD, (i + 1) * flags.autoD)));
  const table = tableFromCells(cells);
  const start = performance.now();
  const run = segmentTable(table, { k: 'auto', seed: 1, includeAssignments: false });
  return { ms: performance.now() - start, recommendedK: run.k };
}

function measureKPrototypes(): { n: number; ms: number; k: number } | undefined {
  if (!existsSync(AUTOMOBILE)) return undefined;
  const table = parseDelimited(readFileSync(AUTOMOBILE, 'utf8'), { source: 'automobile_train.csv' });
  const start = performance.now();
  const run = segmentTable(table, { seed: 1, includeAssignments: false });
  return { n: run.preprocessing.rowsUsed, ms: performance.now() - start, k: run.k };
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.child) {
    childKMeans(flags);
    return;
  }
  const note = (message: string) => process.stderr.write(`${message}\n`);
  const folder = mkdtempSync(join(tmpdir(), 'segments-bench-'));
  try {
    note(`k-means: ${flags.n.toLocaleString('en-US')} × ${flags.d}, k = ${flags.k}, one start…`);
    const ours = measureOursInChild(flags);
    let sklearn: SklearnMeasurement | undefined;
    if (sklearnAvailable()) {
      note('scikit-learn on the same data…');
      sklearn = measureSklearn(flags, folder);
    } else {
      note(`scikit-learn skipped: ${PYTHON} -c 'import sklearn' failed (apt-get install python3-sklearn)`);
    }
    note(`auto-k: ${flags.autoN.toLocaleString('en-US')} × ${flags.autoD}, k = 2..10…`);
    const autoK = measureAutoK(flags);
    note('k-prototypes: automobile customers, defaults (auto-k)…');
    const kprototypes = measureKPrototypes();
    if (!kprototypes) note(`k-prototypes skipped: ${AUTOMOBILE} not found`);

    const report = {
      kmeans: {
        n: flags.n,
        d: flags.d,
        k: flags.k,
        ms: round(ours.ms),
        inertia: round(ours.inertia),
        sklearnMs: sklearn ? round(sklearn.ms) : null,
        sklearnInertia: sklearn ? round(sklearn.inertia) : null,
        ratio: sklearn ? round(ours.ms / sklearn.ms, 2) : null,
      },
      autoK: { n: flags.autoN, d: flags.autoD, ms: round(autoK.ms), recommendedK: autoK.recommendedK },
      kprototypes: kprototypes ? { n: kprototypes.n, ms: round(kprototypes.ms) } : null,
      peakRssMb: round(ours.peakRssMb),
    };
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return;
    }
    const rows: string[][] = [
      ['what', 'ours', 'scikit-learn', 'ratio'],
      [
        `k-means ${flags.n.toLocaleString('en-US')}×${flags.d}, k=${flags.k} (ms)`,
        String(report.kmeans.ms),
        String(report.kmeans.sklearnMs ?? 'skipped'),
        String(report.kmeans.ratio ?? '–'),
      ],
      [
        'k-means inertia',
        String(report.kmeans.inertia),
        String(report.kmeans.sklearnInertia ?? 'skipped'),
        sklearn ? (ours.inertia / sklearn.inertia).toFixed(6) : '–',
      ],
      ['k-means iterations', String(ours.iterations), String(sklearn?.iterations ?? '–'), ''],
      ['k-means peak RSS (MB)', String(report.peakRssMb), '', ''],
      [
        `auto-k ${flags.autoN.toLocaleString('en-US')}×${flags.autoD} (ms)`,
        `${report.autoK.ms} (k=${autoK.recommendedK})`,
        '',
        '',
      ],
      [
        'k-prototypes automobile, auto-k (ms)',
        kprototypes ? `${report.kprototypes?.ms} (n=${kprototypes.n}, k=${kprototypes.k})` : 'skipped',
        '',
        '',
      ],
    ];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
    if (sklearn) console.log(`(scikit-learn ${sklearn.version}; medians of ${flags.repeats} runs)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

main();
