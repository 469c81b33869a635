import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../helpers/shared-data';
import { makeDir, makeWorkspace, runCli } from './cli-harness';

const root = new URL('../..', import.meta.url).pathname;
const mallPath = join(root, 'test/fixtures/mall_customers.csv');
const incomeAndSpending = 'Annual Income (k$),Spending Score (1-100)';
const AUTOMOBILE = hasSharedData('automobile_train.csv', 'automobile_new_customers.csv');
const sharedData = sharedDataPath;

describe('segments segment', () => {
  it('prints the Mall run as JSON with the five textbook segments', async () => {
    const workspace = makeWorkspace();
    const result = await runCli(
      [
        'segment',
        mallPath,
        '--columns',
        incomeAndSpending,
        '--scale',
        'none',
        '--k',
        '5',
        '--seed',
        '1',
        '--json',
        '--no-save',
      ],
      workspace.dir,
    );
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout);
    expect(run.segments.map((segment: { size: number }) => segment.size)).toEqual([81, 39, 35, 23, 22]);
    expect(run.quality.inertia).toBeLessThanOrEqual(44_449);
    expect(run.assignments).toHaveLength(200);
  });

  it('writes the rows back with Segment and Persona columns next to the working folder', async () => {
    const workspace = makeWorkspace();
    const result = await runCli(
      ['segment', mallPath, '--columns', incomeAndSpending, '--k', '5', '--no-save'],
      workspace.dir,
    );
    expect(result.code).toBe(0);
    const lines = readFileSync(join(workspace.dir, 'mall_customers.segments.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('CustomerID,Genre,Age,Annual Income (k$),Spending Score (1-100),Segment,Persona');
    expect(lines).toHaveLength(201);
    expect(lines[1]).toMatch(/^0001,Male,19,15,39,\d,/);
  });

  it('prints a readable table with personas, sizes, traits and the reason for k', async () => {
    const workspace = makeWorkspace();
    const result = await runCli(
      ['segment', mallPath, '--columns', incomeAndSpending, '--scale', 'none', '--no-save'],
      workspace.dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/#\s+Persona\s+Size\s+Share\s+Key traits/);
    expect(result.stdout).toMatch(
      /Premium Shoppers \(VIP\)\s+39\s+19\.5%\s+high Annual Income \(86\.5\), high Spending Score \(82\.1\)/,
    );
    expect(result.stdout).toMatch(/Recommended: 5 segments: .*silhouette/);
  });

  it.skipIf(!AUTOMOBILE)(
    'reports the automobile rows dropped for missing values, or imputes them with --missing impute',
    async () => {
      const workspace = makeWorkspace();
      const dropped = JSON.parse(
        (
          await runCli(
            ['segment', sharedData('automobile_train.csv'), '--k', '4', '--json', '--no-save'],
            workspace.dir,
          )
        ).stdout,
      );
      expect(dropped.algorithm).toBe('kprototypes');
      expect(dropped.preprocessing.rowsDropped).toBe(1403);
      const imputed = JSON.parse(
        (
          await runCli(
            [
              'segment',
              sharedData('automobile_train.csv'),
              '--k',
              '4',
              '--missing',
              'impute',
              '--restarts',
              '2',
              '--json',
              '--no-save',
            ],
            workspace.dir,
          )
        ).stdout,
      );
      expect(imputed.preprocessing).toMatchObject({ rowsUsed: 8068, rowsDropped: 0 });
      expect(imputed.preprocessing.imputed).toBe(829 + 335 + 140 + 78 + 124 + 76);
    },
  );
});

describe('segments assign', () => {
  it.skipIf(!AUTOMOBILE)(
    'segments all 2,627 new automobile customers with a run file and reports the counts',
    async () => {
      const workspace = makeWorkspace();
      const runText = (
        await runCli(
          [
            'segment',
            sharedData('automobile_train.csv'),
            '--k',
            '4',
            '--restarts',
            '2',
            '--json',
            '--no-save',
          ],
          workspace.dir,
        )
      ).stdout;
      const runPath = workspace.file('run.json', runText);
      const result = await runCli(
        ['assign', sharedData('automobile_new_customers.csv'), '--run', runPath, '--json'],
        workspace.dir,
      );
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.rowCount).toBe(2627);
      expect(report.segments.reduce((sum: number, segment: { size: number }) => sum + segment.size, 0)).toBe(
        2627,
      );
      expect(report.notes.join(' ')).toMatch(/empty numeric cells took the run's average/);
      const text = await runCli(
        ['assign', sharedData('automobile_new_customers.csv'), '--run', runPath],
        workspace.dir,
      );
      expect(text.stdout).toMatch(/Assigned 2,627 customers/);
    },
  );

  it.skipIf(!AUTOMOBILE)(
    'predicts labelled segments when --run is a model saved by train, writing Predicted segment and Confidence',
    async () => {
      const workspace = makeWorkspace();
      const lines = readFileSync(sharedData('automobile_train.csv'), 'utf8').split('\n');
      const train = workspace.file('train.csv', lines.slice(0, 801).join('\n'));
      const fresh = workspace.file('fresh.csv', [lines[0], ...lines.slice(801, 851)].join('\n'));
      expect(
        (
          await runCli(
            ['train', train, '--label', 'Segmentation', '--out', 'model.json', '--json'],
            workspace.dir,
          )
        ).code,
      ).toBe(0);
      const result = await runCli(['assign', fresh, '--run', 'model.json'], workspace.dir);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Predicted Segmentation for 50 rows/);
      const written = readFileSync(join(workspace.dir, 'fresh.predicted.csv'), 'utf8').trim().split('\n');
      expect(written[0]).toMatch(/,Predicted segment,Confidence$/);
      expect(written).toHaveLength(51);
    },
  );

  it('says which run file is broken', async () => {
    const workspace = makeWorkspace();
    const runPath = workspace.file('run.json', '{"schemaVersion": 1}');
    const result = await runCli(['assign', mallPath, '--run', runPath], workspace.dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not a valid segmentation run/);
    expect(existsSync(join(workspace.dir, 'mall_customers.assigned.csv'))).toBe(false);
  });
});

// Each case: the file's content (or a path builder), extra flags, the exit code and the message.
const MALL_HEADER = 'CustomerID,Age,Annual Income (k$),Spending Score (1-100)';
const rows = (n: number, make: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => make(i + 1)).join('\n');
const goodRows = rows(12, (i) => `${i},${20 + i},${30 + i * 5},${(i * 37) % 100}`);

interface BadCase {
  name: string;
  content?: string;
  path?: (dir: string) => string;
  flags?: string[];
  code?: number;
  message: RegExp;
}

const badCases: BadCase[] = [
  { name: 'an empty file', content: '', message: /data\.csv is empty/ },
  {
    name: 'a header only',
    content: `${MALL_HEADER}\n`,
    message: /data\.csv has a header but no customer rows/,
  },
  {
    name: 'one data row',
    content: `${MALL_HEADER}\n1,20,30,40\n`,
    message: /data\.csv has 1 row; choosing k needs at least 3/,
  },
  {
    name: 'k larger than the rows',
    content: `${MALL_HEADER}\n${goodRows}\n`,
    flags: ['--k', '13'],
    message: /k = 13 asks for more segments than there are rows \(12\)/,
  },
  {
    name: 'k = 0',
    content: `${MALL_HEADER}\n${goodRows}\n`,
    flags: ['--k', '0'],
    message: /k must be "auto" or a whole number from 1 to 50; got 0/,
  },
  { name: 'k = 1.5', content: `${MALL_HEADER}\n${goodRows}\n`, flags: ['--k', '1.5'], message: /got 1\.5/ },
  {
    name: 'k that is not a number',
    content: `${MALL_HEADER}\n${goodRows}\n`,
    flags: ['--k', 'five'],
    code: 2,
    message: /--k takes "auto" or a number of segments; got "five"/,
  },
  {
    name: 'an unknown column',
    content: `${MALL_HEADER}\n${goodRows}\n`,
    flags: ['--columns', 'Age,Salary'],
    message: /no column "Salary"\. Columns: "CustomerID", "Age"/,
  },
  {
    name: 'text in a numeric column',
    content: `${MALL_HEADER}\n${goodRows}\n13,forty,50,50\n`,
    flags: ['--columns', 'Age'],
    message: /row 14, column "Age": "forty" is not a number/,
  },
  {
    name: 'a column of one constant value',
    content: `Age,Store\n${rows(6, (i) => `${20 + i},7`)}\n`,
    flags: ['--columns', 'Age,Store'],
    message: /"Store" has the same value \(7\) in every row/,
  },
  {
    name: 'duplicate headers',
    content: `Age,Income,Age\n1,2,3\n`,
    message: /two columns named "Age" \(columns A and C\)/,
  },
  {
    name: 'a ragged row',
    content: `${MALL_HEADER}\n1,20,30,40\n2,21,31\n`,
    message: /line 3 has 3 fields but the header has 4/,
  },
  {
    name: 'a #N/A cell',
    content: `${MALL_HEADER}\n${goodRows}\n13,#N/A,50,50\n`,
    message: /row 14, column "Age": "#N\/A" is a spreadsheet error, not a number/,
  },
  {
    name: 'a #DIV/0! cell',
    content: `${MALL_HEADER}\n${goodRows}\n13,30,#DIV/0!,50\n`,
    message: /column "Annual Income \(k\$\)": "#DIV\/0!" is a spreadsheet error/,
  },
  {
    name: 'NaN text',
    content: `${MALL_HEADER}\n${goodRows}\n13,NaN,50,50\n`,
    message: /row 14, column "Age": "NaN" is not a finite number/,
  },
  {
    name: 'Infinity text',
    content: `${MALL_HEADER}\n${goodRows}\n13,30,50,Infinity\n`,
    message: /"Infinity" is not a finite number/,
  },
  {
    name: 'a 1e308 value',
    content: `${MALL_HEADER}\n${goodRows}\n13,30,1e308,50\n`,
    message: /row 14, column "Annual Income \(k\$\)": 1e308 is too large/,
  },
  {
    name: 'an unclosed quote',
    content: `${MALL_HEADER}\n"1,20,30,40\n`,
    message: /line 2 opens a quote \("\) that is never closed/,
  },
  {
    name: 'an id column chosen as a feature',
    content: `${MALL_HEADER}\n${goodRows}\n`,
    flags: ['--columns', 'CustomerID'],
    message: /"CustomerID" cannot be a feature: unique per row/,
  },
  {
    name: 'a category column under k-means',
    content: `Age,Plan\n${rows(6, (i) => `${20 + i},${i % 2 ? 'A' : 'B'}`)}\n`,
    flags: ['--algorithm', 'kmeans', '--columns', 'Age,Plan'],
    message: /Column "Plan" holds categories, which k-means cannot use/,
  },
  {
    name: 'an unknown scaling',
    content: `${MALL_HEADER}\n${goodRows}\n`,
    flags: ['--scale', 'log'],
    message: /scaling must be one of zscore, minmax, none; got log/,
  },
  {
    name: 'every row missing a chosen value',
    content: `Age,Income\n,1\n,2\n,3\n`,
    flags: ['--columns', 'Age'],
    message: /column "Age" cannot be a feature: every cell is empty/,
  },
  {
    name: 'no usable column at all',
    content: `Name,Email\nAnn,a@x.io\nBob,b@x.io\nCid,c@x.io\n`,
    message: /has no column to segment on/,
  },
  {
    name: 'a missing file',
    path: (dir) => join(dir, 'nope.csv'),
    message: /cannot read ".*nope\.csv": no such file/,
  },
  {
    name: 'a folder instead of a file',
    path: (dir) => makeDir(join(dir, 'folder.csv')),
    message: /folder\.csv" is a folder, not a file/,
  },
  {
    name: 'an unknown flag',
    content: `${MALL_HEADER}\n${goodRows}\n`,
    flags: ['--colour', 'red'],
    code: 2,
    message: /Unknown option '--colour'/,
  },
];

describe('segments segment on bad input', () => {
  it.each(badCases.map((badCase) => [badCase.name, badCase] as const))(
    'rejects %s with a message and writes nothing',
    async (_name, badCase) => {
      const workspace = makeWorkspace({ ownStore: true });
      const path = badCase.path
        ? badCase.path(workspace.dir)
        : workspace.file('data.csv', badCase.content ?? '');
      const out = join(workspace.dir, 'out.csv');
      const result = await runCli(['segment', path, '--out', out, ...(badCase.flags ?? [])], workspace.dir);
      expect(result.code).toBe(badCase.code ?? 1);
      expect(result.stderr).toMatch(badCase.message);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(result.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
      expect(existsSync(workspace.storeDir)).toBe(false);
    },
  );

  it('accepts a file with a byte-order mark and reports its first header without it', async () => {
    const workspace = makeWorkspace();
    const path = workspace.file('bom.csv', `\uFEFF${MALL_HEADER}\n${goodRows}\n`);
    const result = await runCli(['segment', path, '--k', '2', '--json', '--no-save'], workspace.dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).preprocessing.notes[0]).toMatch(/Not used: CustomerID \(/);
  });

  it('segments a file with non-Latin headers and names features by them', async () => {
    const workspace = makeWorkspace();
    const path = workspace.file(
      'cyr.csv',
      `Возраст,年收入\n${rows(12, (i) => `${20 + i},${(i * 7) % 30}`)}\n`,
    );
    const result = await runCli(['segment', path, '--k', '2', '--json', '--no-save'], workspace.dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).features.map((feature: { name: string }) => feature.name)).toEqual([
      'Возраст',
      '年收入',
    ]);
  });
});

describe('the segments binary', () => {
  it('runs through npx in a checkout and exits 2 with usage on a missing command', async () => {
    const exec = promisify(execFile);
    const ok = await exec(
      'npx',
      [
        '--no-install',
        'segments',
        'segment',
        mallPath,
        '--k',
        '3',
        '--no-save',
        '--json',
        '--out',
        join(makeWorkspace().dir, 'o.csv'),
      ],
      {
        cwd: root,
      },
    );
    expect(JSON.parse(ok.stdout).k).toBe(3);
    const failed = await exec('npx', ['--no-install', 'segments'], { cwd: root }).catch((error) => error);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/Usage:/);
  });
});
