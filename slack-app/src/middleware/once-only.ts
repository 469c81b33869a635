/**
 * Exactly one answer per request, across replicas: a global Bolt middleware that claims a key per
 * request in the store (shared by every replica on one PostgreSQL), and the listener wrapper drops
 * what was handled already, after acknowledging it so Slack stops retrying:
 * - a request whose signature was seen in the last 5 minutes (a replay: the signature covers the
 *   timestamp and the body, and Slack refuses timestamps older than 5 minutes anyway);
 * - an event whose `event_id` was handled (Slack's retries, `X-Slack-Retry-Num`, re-send the same id);
 * - a button click that repeats the same action on the same message by the same user within a few
 *   minutes (double clicks, replays).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RunStore } from '@segments/store';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** How long each kind of key is kept, in one place. */
export const ONCE_ONLY_WINDOWS = {
  /** Slack refuses a request older than 5 minutes; a replay inside that window is caught here. */
  signatureMs: 5 * 60 * 1000,
  /** Slack retries an event up to 3 times over about 5 minutes. */
  eventMs: 15 * 60 * 1000,
  /** A repeated click on the same button of the same message by the same user is dropped this long. */
  actionMs: 3 * 60 * 1000,
} as const;

/** Slack's clock tolerance: a request timestamp further than this from now is refused. */
export const MAX_REQUEST_SKEW_SECONDS = 5 * 60;

/** The context property Bolt's HTTP receiver fills with the request's signature (see createSlackApp). */
export const SIGNATURE_CONTEXT_KEY = 'slackRequestSignature';

/**
 * What the HTTP receiver copies from a request into the listener context.
 * @example new HTTPReceiver({ customPropertiesExtractor: signatureProperties, … })
 */
export function signatureProperties(req: IncomingMessage): Record<string, string> {
  const signature = req.headers['x-slack-signature'];
  return typeof signature === 'string' ? { [SIGNATURE_CONTEXT_KEY]: signature } : {};
}

/**
 * True when a request carries a Slack timestamp more than 5 minutes in the future; Bolt refuses
 * only old ones, and a future timestamp would let a captured request be replayed later.
 * @example isFromTheFuture(req) // → true for X-Slack-Request-Timestamp = now + 1 hour
 */
export function isFromTheFuture(req: IncomingMessage, nowMs = Date.now()): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  if (typeof header !== 'string') return false;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > Math.floor(nowMs / 1000) + MAX_REQUEST_SKEW_SECONDS;
}

function hashed(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

interface ActionBody {
  type?: string;
  team?: { id?: string } | null;
  user?: { id?: string };
  container?: { message_ts?: string; channel_id?: string; view_id?: string };
  view?: { id?: string };
  actions?: { action_id?: string; block_id?: string; value?: string }[];
}

/** The keys a request claims, most specific last; each with how long it is kept. */
export function onceOnlyKeys(
  body: Record<string, unknown>,
  context: Record<string, unknown>,
): { key: string; ttlMs: number }[] {
  const keys: { key: string; ttlMs: number }[] = [];
  const signature = context[SIGNATURE_CONTEXT_KEY];
  if (typeof signature === 'string')
    keys.push({ key: `sig:${hashed(signature)}`, ttlMs: ONCE_ONLY_WINDOWS.signatureMs });
  if (body.type === 'event_callback' && typeof body.event_id === 'string') {
    keys.push({
      key: `event:${hashed(String(body.team_id ?? ''), body.event_id)}`,
      ttlMs: ONCE_ONLY_WINDOWS.eventMs,
    });
  }
  if (body.type === 'block_actions') {
    const action = body as ActionBody;
    const clicked = action.actions?.[0];
    const message =
      action.container?.message_ts !== undefined
        ? `${action.container.channel_id ?? ''}/${action.container.message_ts}`
        : (action.container?.view_id ?? action.view?.id ?? '');
    if (clicked?.action_id && action.user?.id) {
      keys.push({
        key: `action:${hashed(action.team?.id ?? '', clicked.action_id, clicked.value ?? clicked.block_id ?? '', message, action.user.id)}`,
        ttlMs: ONCE_ONLY_WINDOWS.actionMs,
      });
    }
  }
  return keys;
}

/** The context property holding the claim: resolves false when the request was handled already. */
export const CLAIM_CONTEXT_KEY = 'onceOnlyFirstTime';

/**
 * The global middleware: starts claiming the request's keys in the store and lets the request go
 * on at once, so the claim never delays Slack's acknowledgement (3 s) behind a database round
 * trip; the listener wrapper (listeners/friendly.ts) waits for the claim after acknowledging and
 * drops a request that some replica handled already. If the store cannot record the keys, the
 * request is handled (and the listener's own store access reports the failure to the user).
 * @example app.use(onceOnly(store))
 */
export function onceOnly(
  store: RunStore,
  log: (message: string) => void = (message) => console.warn(`[segments] ${message}`),
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const keys = onceOnlyKeys(body as Record<string, unknown>, context);
    if (keys.length > 0) {
      context[CLAIM_CONTEXT_KEY] = (async () => {
        for (const { key, ttlMs } of keys) {
          try {
            if (!(await store.claimOnce(key, ttlMs))) return false;
          } catch (error) {
            log(`could not record request ${key.split(':')[0]} (${(error as Error).message})`);
            return true;
          }
        }
        return true;
      })();
    }
    await next();
  };
}

/**
 * Whether the request behind `context` is handled for the first time (true when nothing was claimed).
 * @example if (!(await isFirstTime(context))) return
 */
export function isFirstTime(context: Record<string, unknown> | undefined): Promise<boolean> {
  const claim = context?.[CLAIM_CONTEXT_KEY];
  return claim instanceof Promise ? (claim as Promise<boolean>) : Promise.resolve(true);
}
