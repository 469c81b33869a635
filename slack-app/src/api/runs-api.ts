/**
 * The runs API on the Slack app's port: `POST /api/runs` (publish a run summary, or a prediction run
 * with `kind: 'prediction'`), `GET /api/runs` (the team's runs and prediction runs, each with its
 * `kind`) and `GET /healthz`. A bearer token maps to one team; a team only sees its own runs.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  isSegmentationError,
  type PredictionRun,
  parsePredictionRun,
  parseRun,
  type RunSummary,
  type SegmentationError,
  toRunSummary,
} from '@segments/core';
import type { RunStore } from '@segments/store';
import type { CustomRoute } from '@slack/bolt';
import { $ZodError } from 'zod/v4/core';

/** Largest accepted body: a run summary is a few kilobytes; 1 MB leaves room for wide runs. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RunsApiOptions {
  store: RunStore;
  /** A single-workspace token (SEGMENTS_API_TOKEN) and its team (SLACK_TEAM_ID). */
  staticApiToken?: { token: string; team: string };
  /** False while the store is still opening (start-up): /healthz then answers 503 "starting". */
  ready?: () => boolean;
  /** Where unexpected failures are reported. Default console.error. */
  logError?: (message: string, error: unknown) => void;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The bearer token of a request, or undefined. */
function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** Reads the body up to `limit` bytes; past it, stops keeping data and reports 'too-large'. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      // Drain without keeping anything so the client can read our answer.
      req.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** 400 for a body that is not a valid run or prediction run: the message and one issue per problem. */
function rejectInvalidRun(res: ServerResponse, error: SegmentationError): void {
  sendJson(res, 400, { error: 'invalid_run', message: error.message, issues: issuesOf(error) });
}

/** The readable issues of a rejected run: one `{ path, message }` per problem. */
function issuesOf(error: unknown): { path: string; message: string }[] {
  const cause = error instanceof Error ? error.cause : undefined;
  // $ZodError: core validates with zod/mini, whose errors are not the full build's ZodError class.
  if (cause instanceof $ZodError) {
    return cause.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
  }
  return [
    {
      path: isSegmentationError(error) ? (error.location.field ?? '(body)') : '(body)',
      message: String((error as Error).message),
    },
  ];
}

/**
 * Resolves the team a request's bearer token belongs to (static token first, then the store).
 * @example await teamForRequest(req, options) // → 'T123' | undefined
 */
export async function teamForRequest(
  req: IncomingMessage,
  options: RunsApiOptions,
): Promise<string | undefined> {
  const token = bearerToken(req);
  if (!token) return undefined;
  const fixed = options.staticApiToken;
  // Compare digests so the comparison takes the same time whatever the token's length.
  if (fixed && timingSafeEqual(digest(token), digest(fixed.token))) return fixed.team;
  return options.store.teamForToken(token);
}

/** A body that says it is a prediction run (`kind: 'prediction'`); everything else is read as a Run. */
function isPredictionBody(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { kind?: unknown }).kind === 'prediction';
}

/** A segmentation run as GET /api/runs lists it. */
function runListItem(run: RunSummary) {
  return {
    kind: 'run' as const,
    id: run.id,
    name: run.name,
    createdAt: run.createdAt,
    k: run.k,
    rowCount: run.source.rowCount,
    segments: run.segments.map((segment) => ({
      index: segment.index,
      name: segment.persona.name,
      size: segment.size,
      share: segment.share,
    })),
  };
}

/** A prediction run as GET /api/runs lists it: segments by label with their predicted size and share. */
function predictionListItem(run: PredictionRun) {
  return {
    kind: 'prediction' as const,
    id: run.id,
    name: run.name,
    createdAt: run.createdAt,
    modelId: run.modelId,
    modelName: run.modelName,
    label: run.label,
    rowCount: run.rowCount,
    segments: run.segments.map((segment) => ({
      label: segment.label,
      name: segment.name,
      size: segment.size,
      share: segment.share,
    })),
  };
}

const UNAUTHORIZED = {
  error: 'unauthorized',
  message:
    'Send a workspace token as "Authorization: Bearer <token>" (get one with /segments connect in Slack).',
};

/**
 * The API's routes, to pass as Bolt's `customRoutes` (same port as /slack/events).
 * @example new App({ customRoutes: runsApiRoutes({ store }) , … })
 */
export function runsApiRoutes(options: RunsApiOptions): CustomRoute[] {
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const guarded =
    (handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) =>
    (req: IncomingMessage, res: ServerResponse) => {
      handler(req, res).catch((error: unknown) => {
        logError('runs API request failed', error);
        if (!res.headersSent)
          sendJson(res, 500, { error: 'internal', message: 'Something went wrong; try again.' });
        else res.end();
      });
    };

  return [
    {
      path: '/healthz',
      method: ['GET'],
      handler: guarded(async (_req, res) => {
        if (options.ready && !options.ready())
          return sendJson(res, 503, { ok: false, status: 'starting' }, { 'Retry-After': '1' });
        await options.store.listRuns('healthz', { limit: 1 });
        sendJson(res, 200, { ok: true, store: options.store.driver });
      }),
    },
    {
      path: '/api/runs',
      method: ['GET'],
      handler: guarded(async (req, res) => {
        const team = await teamForRequest(req, options);
        if (!team) return sendJson(res, 401, UNAUTHORIZED, { 'WWW-Authenticate': 'Bearer' });
        const [runs, predictions] = await Promise.all([
          options.store.listRuns(team),
          options.store.listPredictions(team),
        ]);
        const items = [...runs.map(runListItem), ...predictions.map(predictionListItem)];
        // Newest first across both kinds; the sort is stable, so each kind keeps the store's order on ties.
        items.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
        sendJson(res, 200, { runs: items });
      }),
    },
    {
      path: '/api/runs',
      method: ['POST'],
      handler: guarded(async (req, res) => {
        const team = await teamForRequest(req, options);
        if (!team) {
          req.resume();
          return sendJson(res, 401, UNAUTHORIZED, { 'WWW-Authenticate': 'Bearer' });
        }
        const body = await readBody(req, MAX_BODY_BYTES);
        if (body === 'too-large') {
          return sendJson(
            res,
            413,
            {
              error: 'too_large',
              message: `The body is over ${MAX_BODY_BYTES} bytes; send the run summary without assignments.`,
            },
            { Connection: 'close' },
          );
        }
        let input: unknown;
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch (error) {
          return sendJson(res, 400, {
            error: 'invalid_json',
            message: `The body is not JSON: ${(error as Error).message}`,
            issues: [{ path: '(body)', message: 'not JSON' }],
          });
        }
        if (isPredictionBody(input)) {
          let prediction: PredictionRun;
          try {
            prediction = parsePredictionRun(input, 'posted prediction run');
          } catch (error) {
            if (!isSegmentationError(error)) throw error;
            return rejectInvalidRun(res, error);
          }
          // Privacy: the store keeps the summary only; per-row predictions are dropped there.
          const saved = await options.store.savePrediction(team, prediction);
          return sendJson(res, saved.created ? 201 : 200, {
            id: saved.id,
            created: saved.created,
            name: prediction.name,
            kind: 'prediction',
          });
        }
        let run: ReturnType<typeof parseRun>;
        try {
          run = parseRun(input, 'posted run');
        } catch (error) {
          if (!isSegmentationError(error)) throw error;
          return rejectInvalidRun(res, error);
        }
        // Privacy: per-row assignments never reach the server's store, even if a client sends them.
        const saved = await options.store.saveRun(team, toRunSummary(run));
        sendJson(res, saved.created ? 201 : 200, { id: saved.id, created: saved.created, name: run.name });
      }),
    },
  ];
}
