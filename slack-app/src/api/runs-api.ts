/**
 * The runs API on the Slack app's port: `POST /api/runs` (publish a run summary, or a prediction run
 * with `kind: 'prediction'`), `GET /api/runs?cursor=…` (the team's runs and prediction runs a page
 * at a time, each with its `kind`), `GET /api/runs/:id` (one stored run), `DELETE /api/runs/:id`
 * and `GET /healthz`. A bearer token maps to one team; a team only sees its own runs.
 * Privacy is enforced here, whatever the client did: a posted run goes through core's
 * `toPublishableSummary` (unknown fields stripped, small segments without values, checked for
 * consistency) before it is stored.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  isSegmentationError,
  type PredictionRun,
  type RunSummary,
  type SegmentationError,
  toPublishablePrediction,
  toPublishableSummary,
  toRunSummary,
} from '@segments/core';
import { InvalidCursorError, type RunStore } from '@segments/store';
import type { CustomRoute } from '@slack/bolt';
import { $ZodError } from 'zod/v4/core';

/** Largest accepted body: a run summary is a few kilobytes; 1 MB leaves room for wide runs. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Runs per page of GET /api/runs unless `limit` says otherwise (at most {@link MAX_PAGE_SIZE}). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface RunsApiOptions {
  store: RunStore;
  /** A single-workspace token (SEGMENTS_API_TOKEN) and its team (SLACK_TEAM_ID). */
  staticApiToken?: { token: string; team: string };
  /** False while the store is still opening (start-up): /healthz then answers 503 "starting". */
  ready?: () => boolean;
  /**
   * Where unexpected failures are reported. Default console.error of the stack only: never the
   * error's other properties, which may carry the posted body.
   */
  logError?: (message: string, error: unknown) => void;
  /** Called once for each run newly stored (201), after the response: new-run subscriptions. */
  onRunPublished?: (team: string, run: RunSummary) => void;
}

/**
 * An error for the log: its stack (or message), clipped; not its properties or cause, which may
 * carry the posted run (a database error can quote the statement's parameters).
 * @example console.error('failed', describeErrorForLog(error))
 */
export function describeErrorForLog(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const [first = '', ...frames] = text.split('\n');
  // The first line is the message, which a driver may build from the data: keep it short.
  const message = first.length > 300 ? `${first.slice(0, 300)}…` : first;
  return [message, ...frames.filter((line) => /^\s+at /.test(line))].join('\n');
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

const NOT_FOUND = { error: 'not_found', message: 'This workspace has no run with that id.' };

/** The `:id` of a `/api/runs/:id` request (Bolt's router puts route params on the request). */
function routeId(req: IncomingMessage): string | undefined {
  const id = (req as IncomingMessage & { params?: Record<string, string> }).params?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
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
  const logError =
    options.logError ??
    ((message, error) => console.error(`[segments] ${message}: ${describeErrorForLog(error)}`));
  const unauthorized = (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    sendJson(res, 401, UNAUTHORIZED, { 'WWW-Authenticate': 'Bearer' });
  };
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
        const health = options.store.database.health();
        if (!health.ok) {
          return sendJson(res, 503, {
            ok: false,
            store: options.store.driver,
            message: `The run store is unreachable (since ${new Date(health.since).toISOString()}); reconnecting.`,
          });
        }
        try {
          await options.store.ping();
        } catch {
          return sendJson(res, 503, {
            ok: false,
            store: options.store.driver,
            message: 'The run store is unreachable.',
          });
        }
        sendJson(res, 200, { ok: true, store: options.store.driver });
      }),
    },
    {
      path: '/api/runs',
      method: ['GET'],
      handler: guarded(async (req, res) => {
        const team = await teamForRequest(req, options);
        if (!team) return unauthorized(req, res);
        const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
        const limitText = query.get('limit');
        const limit = limitText === null ? DEFAULT_PAGE_SIZE : Number(limitText);
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
          return sendJson(res, 400, {
            error: 'invalid_limit',
            message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
            issues: [{ path: 'limit', message: `a whole number from 1 to ${MAX_PAGE_SIZE}` }],
          });
        }
        let page: Awaited<ReturnType<RunStore['listPage']>>;
        try {
          page = await options.store.listPage(team, { limit, cursor: query.get('cursor') ?? undefined });
        } catch (error) {
          if (!(error instanceof InvalidCursorError)) throw error;
          return sendJson(res, 400, {
            error: 'invalid_cursor',
            message: error.message,
            issues: [{ path: 'cursor', message: error.message }],
          });
        }
        const items = page.items.map((item) =>
          item.kind === 'run' ? runListItem(item.run) : predictionListItem(item.run),
        );
        sendJson(res, 200, {
          runs: items,
          total: page.total,
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        });
      }),
    },
    {
      path: '/api/runs/:id',
      method: ['GET'],
      handler: guarded(async (req, res) => {
        const team = await teamForRequest(req, options);
        if (!team) return unauthorized(req, res);
        const id = routeId(req);
        const run = id ? await options.store.getRun(team, id) : undefined;
        // By id only (getRun also matches names); another team's id is simply not found.
        if (run && run.id === id) return sendJson(res, 200, toRunSummary(run));
        const prediction = id ? await options.store.getPrediction(team, id) : undefined;
        if (prediction) return sendJson(res, 200, prediction);
        sendJson(res, 404, NOT_FOUND);
      }),
    },
    {
      path: '/api/runs/:id',
      method: ['DELETE'],
      handler: guarded(async (req, res) => {
        const team = await teamForRequest(req, options);
        if (!team) return unauthorized(req, res);
        const id = routeId(req);
        if (!id || !(await options.store.deleteRun(team, id))) return sendJson(res, 404, NOT_FOUND);
        res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
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
            // Privacy at the edge, as for runs: summary fields only, no per-row data, small segments
            // without values, sizes that add up.
            prediction = toPublishablePrediction(input);
          } catch (error) {
            if (!isSegmentationError(error)) throw error;
            return rejectInvalidRun(res, error);
          }
          const saved = await options.store.savePrediction(team, prediction);
          return sendJson(res, saved.created ? 201 : 200, {
            id: saved.id,
            created: saved.created,
            name: prediction.name,
            kind: 'prediction',
          });
        }
        let run: RunSummary;
        try {
          // Privacy at the edge, whatever the client did: summary fields only, small segments
          // without values, no feature min/max; and consistent (k, sizes, shares, createdAt, names).
          run = toPublishableSummary(input);
        } catch (error) {
          if (!isSegmentationError(error)) throw error;
          return rejectInvalidRun(res, error);
        }
        const saved = await options.store.saveRun(team, run);
        sendJson(res, saved.created ? 201 : 200, { id: saved.id, created: saved.created, name: run.name });
        if (saved.created) options.onRunPublished?.(team, run);
      }),
    },
  ];
}
