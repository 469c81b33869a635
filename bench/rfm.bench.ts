/**
 * `npm run bench` (RFM section) — 1,000,000 order lines rolled up per customer and segmented by the
 * CLI, against the same job in pandas + scikit-learn on this machine.
 *
 * The data: seeded order lines (bench/orders.ts: 50,000 customers, UCI Online Retail columns, 1.5%
 * return invoices, 2% lines without a customer) written to a temporary CSV.
 * Ours: `segments segment orders.csv --k 6 --no-save --out customers.csv`, a whole CLI process
 * (start-up, CSV parse, detection, roll-up, log-scaled z-scores, k-means with the default 10
 * restarts, personas, the per-customer CSV).
 * Theirs: one /usr/bin/python3 process doing the same: read_csv, drop blank customers, amount =
 * quantity × price, returns ("C" invoices, negative amounts) netted, groupby customer (last and first
 * date, distinct invoices, sum), recency in days, StandardScaler on log1p, KMeans(k = 6, n_init = 10,
 * OMP_NUM_THREADS = 1), to_csv. Skipped with a note when pandas or scikit-learn cannot be imported.
 * Both run alternately `--repeats` times (default 3) and the fastest wall time of each counts (other
 * load on a shared machine stays out of the ratio); peak RSS and CPU time (user + system, the
 * steadier measure on a busy machine) from /usr/bin/time when it exists.
 *
 * Flags: --lines, --customers, --k, --repeats, --json (one JSON document on stdout).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrdersCsv } from './orders';

const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const CLI = fileURLToPath(new URL('../cli/bin/segments.js', import.meta.url));
const ORDERS_SEED = 20_241_212;
/** The goal of issue 12: the CLI within 1.5× of pandas + scikit-learn. */
const TARGET_RATIO = 1.5;

const PANDAS_SCRIPT = `
import sys
import numpy as np, pandas as pd
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler
path, k, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
df = pd.read_csv(path, dtype={'InvoiceNo': str, 'CustomerID': str})
df = df[df['CustomerID'].notna()]
df['InvoiceDate'] = pd.to_datetime(df['InvoiceDate'], format='%Y-%m-%d %H:%M')
df['Amount'] = df['Quantity'] * df['UnitPrice']
returns = df['InvoiceNo'].str.startswith('C') | (df['Amount'] < 0)
buys = df[~returns]
as_of = buys['InvoiceDate'].max().normalize()
g = buys.groupby('CustomerID', sort=False)
rfm = pd.DataFrame({'last': g['InvoiceDate'].max(), 'first': g['InvoiceDate'].min(),
                    'Frequency': g['InvoiceNo'].nunique(), 'Monetary': g['Amount'].sum()})
refunds = df[returns].groupby('CustomerID')['Amount'].sum().abs()
rfm['Monetary'] = rfm['Monetary'].sub(refunds, fill_value=0).reindex(rfm.index)
rfm['Recency (days)'] = (as_of - rfm['last'].dt.normalize()).dt.days
X = StandardScaler().fit_transform(np.log1p(rfm[['Recency (days)', 'Frequency', 'Monetary']].clip(lower=0)))
rfm['Segment'] = KMeans(n_clusters=k, n_init=10, random_state=1).fit(X).labels_ + 1
rfm[['Recency (days)', 'Frequency', 'Monetary', 'first', 'Segment']].to_csv(out)
print(len(rfm))
`;

import { numberFlag } from './flags';

interface Flags {
  lines: number;
  customers: number;
  k: number;
  repeats: number;
  json: boolean;
}

function parseFlags(argv: string[]): Flags {
  const value = (name: string, fallback: number): number => numberFlag(argv, name, fallback);
  return {
    lines: value('lines', 1_000_000),
    customers: value('customers', 50_000),
    k: value('k', 6),
    repeats: value('repeats', 3),
    json: argv.includes('--json'),
  };
}

interface Measurement {
  ms: number;
  /** User + system CPU time (ms), from /usr/bin/time: steadier than wall time on a shared machine. */
  cpuMs: number | null;
  peakRssMb: number | null;
  stdout: string;
}

/** Runs a command to completion: wall time, and peak RSS through /usr/bin/time when it exists. */
function measure(command: string, args: string[], folder: string, env?: NodeJS.ProcessEnv): Measurement {
  const withTime = existsSync(TIME);
  const rssFile = join(folder, 'rss.txt');
  const [file, argv] = withTime
    ? [TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]]
    : [command, args];
  const start = performance.now();
  const result = spawnSync(file, argv, { env: env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const [rss, user, system] = withTime
    ? (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number)
    : [Number.NaN, Number.NaN, Number.NaN];
  const cpu = (user + system) * 1000;
  return {
    ms,
    cpuMs: Number.isFinite(cpu) ? cpu : null,
    peakRssMb: Number.isFinite(rss) ? rss / 1024 : null,
    stdout: result.stdout,
  };
}

function pandasAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import pandas, sklearn'], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const note = (message: string) => process.stderr.write(`${message}\n`);
  const folder = mkdtempSync(join(tmpdir(), 'segments-rfm-bench-'));
  try {
    const orders = join(folder, 'orders.csv');
    const file = writeOrdersCsv(orders, flags.lines, flags.customers, ORDERS_SEED);
    const withPandas = pandasAvailable();
    note(
      `RFM: ${file.lines.toLocaleString('en-US')} order lines of ${flags.customers.toLocaleString('en-US')} customers, k = ${flags.k}, ${flags.repeats} interleaved runs${withPandas ? ' with pandas + scikit-learn' : ''}…`,
    );
    if (!withPandas)
      note(
        `pandas + scikit-learn skipped: ${PYTHON} -c 'import pandas, sklearn' failed (apt-get install python3-pandas python3-sklearn)`,
      );
    const script = join(folder, 'rfm.py');
    writeFileSync(script, PANDAS_SCRIPT);
    const threads = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
    const ourArgs = [
      CLI,
      'segment',
      orders,
      '--k',
      String(flags.k),
      '--no-save',
      '--out',
      join(folder, 'ours.csv'),
    ];
    let ours: Measurement | undefined;
    let theirs: Measurement | undefined;
    let ourPeak = 0;
    let theirPeak = 0;
    let ourCpu = Number.POSITIVE_INFINITY;
    let theirCpu = Number.POSITIVE_INFINITY;
    for (let repeat = 0; repeat < flags.repeats; repeat++) {
      const run = measure(process.execPath, ourArgs, folder);
      if (!ours || run.ms < ours.ms) ours = run;
      ourPeak = Math.max(ourPeak, run.peakRssMb ?? 0);
      ourCpu = Math.min(ourCpu, run.cpuMs ?? Number.POSITIVE_INFINITY);
      if (withPandas) {
        const them = measure(
          PYTHON,
          [script, orders, String(flags.k), join(folder, 'pandas.csv')],
          folder,
          threads,
        );
        if (!theirs || them.ms < theirs.ms) theirs = them;
        theirPeak = Math.max(theirPeak, them.peakRssMb ?? 0);
        theirCpu = Math.min(theirCpu, them.cpuMs ?? Number.POSITIVE_INFINITY);
      }
    }
    const customers = /orders of ([\d,]+) customers/.exec(ours?.stdout ?? '')?.[1]?.replace(/,/g, '');
    const report = {
      lines: file.lines,
      customers: customers ? Number(customers) : null,
      pandasCustomers: theirs ? Number(theirs.stdout.trim()) : null,
      k: flags.k,
      ms: round(ours?.ms ?? 0),
      pandasMs: theirs ? round(theirs.ms) : null,
      ratio: theirs && ours ? round(ours.ms / theirs.ms, 2) : null,
      target: TARGET_RATIO,
      cpuMs: Number.isFinite(ourCpu) ? round(ourCpu) : null,
      pandasCpuMs: Number.isFinite(theirCpu) ? round(theirCpu) : null,
      cpuRatio: Number.isFinite(ourCpu) && Number.isFinite(theirCpu) ? round(ourCpu / theirCpu, 2) : null,
      peakRssMb: ourPeak ? round(ourPeak) : null,
      pandasPeakRssMb: theirPeak ? round(theirPeak) : null,
    };
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return;
    }
    const rows = [
      ['what', 'segments CLI', 'pandas + scikit-learn', 'ratio'],
      [
        `RFM ${file.lines.toLocaleString('en-US')} lines → ${report.customers?.toLocaleString('en-US')} customers, k=${flags.k} (ms)`,
        String(report.ms),
        String(report.pandasMs ?? 'skipped'),
        report.ratio === null ? '–' : `${report.ratio} (target ≤ ${TARGET_RATIO})`,
      ],
      [
        'RFM CPU time, user + system (ms)',
        String(report.cpuMs ?? '–'),
        String(report.pandasCpuMs ?? 'skipped'),
        report.cpuRatio === null ? '–' : String(report.cpuRatio),
      ],
      ['RFM peak RSS (MB)', String(report.peakRssMb ?? '–'), String(report.pandasPeakRssMb ?? '–'), ''],
    ];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
    console.log(`(whole processes, fastest of ${flags.repeats} interleaved runs each)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
