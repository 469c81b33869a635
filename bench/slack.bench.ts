/**
 * `npm run bench:slack`: 500 signed `/segments` slash commands at concurrency 50 against the real
 * Slack app (Bolt HTTP receiver, core's answer engine, the run store), once on PGlite and once on a
 * throwaway PostgreSQL server. Prints p50/p99 latency of the HTTP ack and of the answer (until the
 * app's post reaches the response_url), and the errors. Goal: 0 errors, p99 < 300 ms.
 * The app runs as `npm start` runs it, in its own process. Environment: BENCH_REQUESTS (500),
 * BENCH_CONCURRENCY (50), BENCH_WARMUP (100 unmeasured commands first), BENCH_DEBUG=1 (more percentiles, the slowest acks by send time, CPU per command of the app and of this process), BENCH_CPU_PROF=DIR (profile the app).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startPostgresServer } from '../test/setup/postgres';
import { sampleRun } from '../test/slack-app/helpers/sample-run';
import {
  type SlackStandIn,
  signSlackRequest,
  slashCommandBody,
  startSlackStandIn,
} from '../test/standins/slack-web-api';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WARMUP_REQUESTS = Number(process.env.BENCH_WARMUP ?? 100);
const TEAM = 'T-bench';
const SIGNING_SECRET = 'bench-signing-secret-0123456789';
const API_TOKEN = 'bench-api-token-0123456789';
const QUESTIONS = [
  'which segment should we target?',
  'how big is the VIP segment?',
  'what is the strategy for budget shoppers?',
  'runs',
  'which segment for a discount campaign?',
];

interface Result {
  driver: string;
  ackP50: number;
  ackP99: number;
  answerP50: number;
  answerP99: number;
  errors: number;
  throughput: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface RunningApp {
  baseUrl: string;
  slack: SlackStandIn;
  /** CPU time (user + system, ms) the app process has used so far; undefined off Linux. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

/** utime + stime of a process from /proc (Linux), in ms: what the app spends per command, whatever else runs. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/**
 * Starts the app as `npm start` does, in its own process (so the load generator does not share its
 * event loop), with the Web API pointed at a stand-in in this process.
 */
async function startAppProcess(storeEnv: Record<string, string>): Promise<RunningApp> {
  const slack = await startSlackStandIn();
  const port = await freePort();
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
    : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', 'slack-app/src/app.ts'],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        SEGMENTS_API_TOKEN: API_TOKEN,
        SLACK_TEAM_ID: TEAM,
        ...storeEnv,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the app exited with code ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    slack,
    cpuMs: () => processCpuMs(child.pid),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await slack.close();
    },
  };
}

/**
 * The load generator's connections: one keep-alive connection per concurrent sender, as a client that
 * holds its connections does. (Global fetch cost the generator twice the CPU per command and, under
 * this load, kept opening new connections mid-run; the acks waiting on those made up the p99.)
 */
const senderAgent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** POSTs a signed slash command to the app's /slack/events and reads the reply; resolves with the status. */
function postSignedCommand(baseUrl: string, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${baseUrl}/slack/events`,
      {
        method: 'POST',
        agent: senderAgent,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          'X-Slack-Request-Timestamp': String(timestamp),
          'X-Slack-Signature': signSlackRequest(SIGNING_SECRET, timestamp, body),
        },
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

/** Sends `count` signed slash commands, `concurrency` at a time; returns ack latencies and errors. */
async function sendCommands(running: RunningApp, count: number, concurrency: number, prefix: string) {
  const ackLatencies: number[] = [];
  const ackTimeline: [number, number][] = [];
  const sentAt = new Map<string, number>();
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const id = `${prefix}-${index}`;
      const body = slashCommandBody({
        team: TEAM,
        text: QUESTIONS[index % QUESTIONS.length],
        responseUrl: running.slack.responseUrl(id),
      });
      const t0 = performance.now();
      sentAt.set(id, t0);
      try {
        const status = await postSignedCommand(running.baseUrl, body);
        if (status !== 200) errors++;
        else {
          const latency = performance.now() - t0;
          ackLatencies.push(latency);
          ackTimeline.push([t0, latency]);
        }
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (process.env.BENCH_DEBUG) {
    const first = ackTimeline[0]?.[0] ?? 0;
    const slowest = [...ackTimeline].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.error(
      `${prefix} slowest acks (sent at +ms: took ms): ${slowest.map(([t, d]) => `+${(t - first).toFixed(0)}: ${d.toFixed(0)}`).join(', ')}`,
    );
  }
  return { ackLatencies, sentAt, errors };
}

/** Waits (up to 15 s) until `count` answers reached the response_url stand-in. */
async function waitForAnswers(running: RunningApp, count: number): Promise<void> {
  const deadline = performance.now() + 15_000;
  while (
    running.slack.calls.filter((call) => call.method === 'response_url').length < count &&
    performance.now() < deadline
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function benchStore(driver: string, storeEnv: Record<string, string>): Promise<Result> {
  const running = await startAppProcess(storeEnv);
  // A realistic history, published through the runs API: 20 runs for the team.
  for (let i = 0; i < 20; i++) {
    const createdAt = new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
    const response = await fetch(`${running.baseUrl}/api/runs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(sampleRun({ id: `run-${i}`, name: `Run ${i}`, createdAt })),
    });
    if (response.status !== 201 && response.status !== 200)
      throw new Error(`seeding failed: ${response.status}`);
  }
  // Warm up at full concurrency (the first burst compiles code paths and opens the connections); not measured.
  await sendCommands(running, WARMUP_REQUESTS, CONCURRENCY, 'warm');
  await waitForAnswers(running, WARMUP_REQUESTS);
  running.slack.calls.length = 0;
  const answerLatencies: number[] = [];
  const cpuBefore = running.cpuMs();
  const benchCpuBefore = process.cpuUsage();
  const started = performance.now();
  const {
    ackLatencies,
    sentAt,
    errors: sendErrors,
  } = await sendCommands(running, REQUESTS, CONCURRENCY, 'bench');
  let errors = sendErrors;
  // Answers arrive after the ack; wait for the stragglers (a missing answer counts as an error).
  await waitForAnswers(running, REQUESTS);
  const elapsed = performance.now() - started;
  const cpuAfter = running.cpuMs();
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const answered = running.slack.calls.filter((call) => call.method === 'response_url');
  for (const call of answered) {
    const t0 = sentAt.get(call.responseId ?? '');
    if (t0 !== undefined) answerLatencies.push(call.receivedAt - t0);
  }
  errors += REQUESTS - answered.length;
  await running.stop();
  ackLatencies.sort((a, b) => a - b);
  if (process.env.BENCH_DEBUG) {
    const spread = [50, 80, 90, 95, 99, 100].map((p) => `p${p} ${percentile(ackLatencies, p).toFixed(0)} ms`);
    console.error(`${driver} ack latency: ${spread.join(', ')}`);
    if (cpuBefore !== undefined && cpuAfter !== undefined)
      console.error(
        `${driver} CPU per command: app ${((cpuAfter - cpuBefore) / REQUESTS).toFixed(2)} ms, load generator and stand-in ${((benchCpu.user + benchCpu.system) / 1000 / REQUESTS).toFixed(2)} ms (wall ${(elapsed / REQUESTS).toFixed(2)} ms)`,
      );
  }
  answerLatencies.sort((a, b) => a - b);
  return {
    driver,
    ackP50: percentile(ackLatencies, 50),
    ackP99: percentile(ackLatencies, 99),
    answerP50: percentile(answerLatencies, 50),
    answerP99: percentile(answerLatencies, 99),
    errors,
    throughput: (REQUESTS / elapsed) * 1000,
  };
}

async function main() {
  const results: Result[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'segments-bench-'));
  try {
    results.push(await benchStore('PGlite', { SEGMENTS_DATA_DIR: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await startPostgresServer();
  if (!server) {
    console.warn('PostgreSQL binaries not found (/usr/lib/postgresql/15/bin): skipping the PostgreSQL run.');
  } else {
    try {
      results.push(await benchStore('PostgreSQL 15', { DATABASE_URL: server.url }));
    } finally {
      server.stop();
    }
  }
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `\n${REQUESTS} signed /segments commands, concurrency ${CONCURRENCY}, Node ${process.version}\n`,
  );
  console.log('| store | ack p50 | ack p99 | answer p50 | answer p99 | errors | commands/s |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.driver} | ${ms(r.ackP50)} | ${ms(r.ackP99)} | ${ms(r.answerP50)} | ${ms(r.answerP99)} | ${r.errors} | ${r.throughput.toFixed(0)} |`,
    );
  }
  const failed = results.some((r) => r.errors > 0);
  process.exitCode = failed ? 1 : 0;
}

await main();
