/**
 * Signed, expiring chart links for HTTP mode: Slack fetches an image block's URL from the public
 * internet, so the URL carries what to draw (team, run, kind, earlier run) and when it expires,
 * signed with HMAC-SHA256. The server checks the signature and the expiry, loads the run for that
 * team only, and renders the PNG from the run's summary. Nothing else is reachable through it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChartKind } from '@segments/core';
import { toRunSummary } from '@segments/core';
import type { RunStore } from '@segments/store';
import type { CustomRoute } from '@slack/bolt';
import { renderChartPng } from './render-png';

/** How long a chart link works: long enough for Slack to fetch and cache it, short enough to expire. */
export const CHART_LINK_TTL_SECONDS = 7 * 24 * 3600;

/** The path charts are served at (a fixed path: the Socket Mode routes server matches paths exactly). */
export const CHART_PATH = '/charts';

const KINDS: readonly ChartKind[] = ['sizes', 'features', 'choose-k', 'compare'];

/** What a chart link names. */
export interface ChartTicket {
  team: string;
  runId: string;
  kind: ChartKind;
  previousId?: string;
  /** Expiry, seconds since the epoch. */
  expires: number;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`segments-chart:${payload}`).digest('base64url');
}

/**
 * A signed URL for a chart, valid for {@link CHART_LINK_TTL_SECONDS} from `now`.
 * @example chartLink('https://app.example.com', 'secret', { team: 'T1', runId: 'r1', kind: 'sizes' }, new Date())
 */
export function chartLink(
  baseUrl: string,
  secret: string,
  ticket: Omit<ChartTicket, 'expires'>,
  now: Date,
): string {
  const full: ChartTicket = { ...ticket, expires: Math.floor(now.getTime() / 1000) + CHART_LINK_TTL_SECONDS };
  const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
  return `${baseUrl.replace(/\/+$/, '')}${CHART_PATH}?c=${payload}&s=${sign(secret, payload)}`;
}

/** The ticket of a chart URL's query, or why it is refused ('forged', 'expired', 'malformed'). */
export function readChartLink(
  secret: string,
  query: URLSearchParams,
  now: Date,
): { ok: true; ticket: ChartTicket } | { ok: false; reason: 'forged' | 'expired' | 'malformed' } {
  const payload = query.get('c') ?? '';
  const signature = Buffer.from(query.get('s') ?? '');
  const expected = Buffer.from(sign(secret, payload));
  if (!payload || signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
    return { ok: false, reason: 'forged' };
  }
  let ticket: ChartTicket;
  try {
    ticket = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ChartTicket;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof ticket.team !== 'string' || typeof ticket.runId !== 'string' || !KINDS.includes(ticket.kind)) {
    return { ok: false, reason: 'malformed' };
  }
  if (!(ticket.expires > now.getTime() / 1000)) return { ok: false, reason: 'expired' };
  return { ok: true, ticket };
}

/** GET /charts?c=…&s=…: the PNG of a signed, unexpired chart link (404 for anything else). */
export function chartRoutes(options: { store: RunStore; secret: string; now?: () => Date }): CustomRoute[] {
  const now = options.now ?? (() => new Date());
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const read = readChartLink(options.secret, query, now());
    // One answer for every refusal, so a link says nothing about what exists.
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end(read.ok ? 'not found' : `chart link ${read.reason}`);
    };
    if (!read.ok) return notFound();
    const { ticket } = read;
    const run = await options.store.getRun(ticket.team, ticket.runId);
    if (!run) return notFound();
    const previous = ticket.previousId
      ? await options.store.getRun(ticket.team, ticket.previousId)
      : undefined;
    const chart = renderChartPng({
      kind: ticket.kind,
      run: toRunSummary(run),
      previous: previous ? toRunSummary(previous) : undefined,
    });
    res.writeHead(200, {
      'Content-Type': 'image/png',
      'Content-Length': chart.png.length,
      'Cache-Control': 'private, max-age=86400',
    });
    res.end(chart.png);
  };
  return [
    {
      path: CHART_PATH,
      method: ['GET'],
      handler: (req, res) => {
        handler(req, res).catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
          else res.end();
        });
      },
    },
  ];
}
