/**
 * A local stand-in for Slack's side of the wire: the Web API (reached through the app's
 * `slackApiUrl`) and `response_url` endpoints. It records every call so tests can check what the
 * app sent, and it signs requests the way Slack does so tests can talk to the real Bolt app.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for posts to a response URL. */
  method: string;
  /** For response_url posts: the id in the URL path. */
  responseId?: string;
  body: Record<string, unknown>;
  /** The bearer token the caller sent (`xoxb-…` bot token, `xapp-…` app-level token), if any. */
  token?: string;
  /** performance.now() when the stand-in received it (benches measure answer latency with it). */
  receivedAt: number;
}

/** A member of the stand-in workspace: the role fields of Slack's user object. */
export interface StandInUser {
  name: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export interface SlackStandIn {
  /** Pass as the app's slackApiUrl. */
  apiUrl: string;
  /** A response_url the app can post to; `id` tells calls apart. */
  responseUrl(id: string): string;
  calls: RecordedCall[];
  /** Web API methods that answer `{ ok: false, error }` (e.g. to test failures). */
  failing: Map<string, string>;
  /** Web API methods answered by a function instead of `{ ok: true }` (e.g. `apps.connections.open`). */
  answers: Map<string, (call: RecordedCall) => Record<string, unknown>>;
  /**
   * The workspace's members as `users.info` serves them (by user id). Seeded with `U-alice` (an
   * admin) and `U-bob` (a member); unknown ids get `user_not_found`, as Slack answers.
   */
  users: Map<string, StandInUser>;
  /** Waits until a recorded call satisfies `predicate` (up to `limitMs`) and returns it. */
  waitFor(predicate: (call: RecordedCall) => boolean, what: string, limitMs?: number): Promise<RecordedCall>;
  /**
   * Files uploaded through files.getUploadURLExternal → POST → files.completeUploadExternal, by id:
   * the bytes received and whether the upload was completed.
   */
  files: Map<
    string,
    { filename: string; length: number; bytes?: Buffer; completed: boolean; title?: string }
  >;
  close(): Promise<void>;
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(text: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    // The Web API client sends blocks and views as JSON strings inside form fields.
    try {
      body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      body[key] = value;
    }
  }
  return body;
}

/**
 * Starts the stand-in on 127.0.0.1 (a free port).
 * @example const slack = await startSlackStandIn(); … await slack.waitFor((c) => c.method === 'views.publish', 'home')
 */
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: RecordedCall[] = [];
  const failing = new Map<string, string>();
  const answers = new Map<string, (call: RecordedCall) => Record<string, unknown>>();
  const files: SlackStandIn['files'] = new Map();
  let fileCounter = 0;
  let base = '';
  const users = new Map<string, StandInUser>([
    ['U-alice', { name: 'alice', is_admin: true }],
    ['U-bob', { name: 'bob' }],
  ]);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readRaw(req);
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    // The upload URL files.getUploadURLExternal hands out: takes the raw bytes (as Slack does, POST).
    const uploadMatch = /^\/upload\/([\w]+)$/.exec(url.pathname);
    if (uploadMatch) {
      const file = files.get(uploadMatch[1]);
      if (req.method !== 'POST' || !file || file.completed) {
        res.writeHead(404).end();
        return;
      }
      file.bytes = raw;
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`OK - ${raw.length}`);
      return;
    }
    const body = parseBody(raw.toString('utf8'), req.headers['content-type']);
    const responseMatch = /^\/respond\/([^/]+)$/.exec(url.pathname);
    if (responseMatch) {
      calls.push({
        method: 'response_url',
        responseId: responseMatch[1],
        body,
        receivedAt: performance.now(),
      });
      return reply(200, { ok: true });
    }
    const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (!apiMatch) return reply(404, { ok: false, error: 'unknown_path' });
    const method = apiMatch[1];
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? body.token;
    const call: RecordedCall = {
      method,
      body,
      ...(typeof bearer === 'string' ? { token: bearer } : {}),
      receivedAt: performance.now(),
    };
    calls.push(call);
    const error = failing.get(method);
    if (error) return reply(200, { ok: false, error });
    const answer = answers.get(method);
    if (answer) return reply(200, answer(call));
    switch (method) {
      case 'auth.test':
        return reply(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T-any', user: 'segments' });
      case 'users.info': {
        // As strict as Slack: a token, a `user` argument, and only members of the workspace.
        if (typeof bearer !== 'string' || bearer === '')
          return reply(200, { ok: false, error: 'not_authed' });
        if (typeof body.user !== 'string' || body.user === '')
          return reply(200, { ok: false, error: 'invalid_arguments' });
        const user = users.get(body.user);
        if (!user) return reply(200, { ok: false, error: 'user_not_found' });
        return reply(200, {
          ok: true,
          user: {
            id: body.user,
            name: user.name,
            deleted: false,
            is_bot: false,
            is_admin: Boolean(user.is_admin),
            is_owner: Boolean(user.is_owner),
            is_primary_owner: Boolean(user.is_primary_owner),
          },
        });
      }
      case 'chat.postMessage':
        return reply(200, { ok: true, channel: body.channel, ts: `${Date.now() / 1000}`, message: {} });
      case 'views.publish':
      case 'views.open':
        return reply(200, { ok: true, view: { id: 'V1', ...(body.view as object) } });
      case 'chat.unfurl': {
        // As strict as Slack: channel + ts, or unfurl_id + source; unfurls a JSON object of URL → { blocks | text }.
        const target =
          (typeof body.channel === 'string' && typeof body.ts === 'string') ||
          (typeof body.unfurl_id === 'string' && typeof body.source === 'string');
        if (!target) return reply(200, { ok: false, error: 'invalid_arguments' });
        let unfurls: Record<string, { blocks?: unknown[]; text?: string }>;
        try {
          unfurls =
            typeof body.unfurls === 'string' ? JSON.parse(body.unfurls) : (body.unfurls as typeof unfurls);
        } catch {
          return reply(200, { ok: false, error: 'invalid_unfurls_format' });
        }
        const entries = unfurls && typeof unfurls === 'object' ? Object.values(unfurls) : [];
        if (
          !entries.length ||
          entries.some((entry) => !Array.isArray(entry?.blocks) && typeof entry?.text !== 'string')
        ) {
          return reply(200, { ok: false, error: 'invalid_unfurls_format' });
        }
        return reply(200, { ok: true });
      }
      case 'files.getUploadURLExternal': {
        // As strict as Slack: a filename and a positive whole length are required.
        const length = Number(body.length);
        if (typeof body.filename !== 'string' || !body.filename || !Number.isInteger(length) || length <= 0) {
          return reply(200, { ok: false, error: 'invalid_arguments' });
        }
        const id = `F${++fileCounter}`;
        files.set(id, { filename: body.filename, length, completed: false });
        return reply(200, { ok: true, upload_url: `${base}/upload/${id}`, file_id: id });
      }
      case 'files.completeUploadExternal': {
        let list: { id?: unknown; title?: unknown }[];
        try {
          list = typeof body.files === 'string' ? JSON.parse(body.files) : (body.files as typeof list);
        } catch {
          return reply(200, { ok: false, error: 'invalid_arguments' });
        }
        if (!Array.isArray(list) || list.length === 0)
          return reply(200, { ok: false, error: 'invalid_arguments' });
        for (const entry of list) {
          const file = typeof entry.id === 'string' ? files.get(entry.id) : undefined;
          // Slack refuses a file whose bytes never arrived or whose size differs from the declared length.
          if (!file?.bytes || file.completed) return reply(200, { ok: false, error: 'file_not_found' });
          if (file.bytes.length !== file.length)
            return reply(200, { ok: false, error: 'file_upload_size_mismatch' });
        }
        for (const entry of list) {
          const file = files.get(entry.id as string);
          if (file) {
            file.completed = true;
            if (typeof entry.title === 'string') file.title = entry.title;
          }
        }
        return reply(200, { ok: true, files: list.map((entry) => ({ id: entry.id, title: entry.title })) });
      }
      default:
        return reply(200, { ok: true });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    files,
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    calls,
    failing,
    answers,
    users,
    async waitFor(predicate, what, limitMs = 5000) {
      const deadline = Date.now() + limitMs;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(
            `Slack stand-in never received ${what}; calls: ${calls.map((c) => c.method).join(', ')}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret.
 * @example signSlackRequest('8f74…', 1531420618, 'token=…') // → 'v0=a2114d…'
 */
export function signSlackRequest(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequestOptions {
  signingSecret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Override the computed signature (to test rejection). */
  signature?: string;
  /** Sign this body but send `body` (to test tampering). */
  signedBody?: string;
}

/** POSTs a body to the app's /slack/events as Slack would, signed. */
export function postToSlackEvents(
  baseUrl: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: SignedRequestOptions,
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature ?? signSlackRequest(options.signingSecret, timestamp, options.signedBody ?? body);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': signature,
    },
    body,
  });
}

/** What identifies a test slash command; the rest of Slack's fields are fixed. */
export interface SlashCommandOptions {
  team: string;
  text: string;
  responseUrl: string;
  user?: string;
  channel?: string;
}

/** A `/segments` slash command's fields, as Slack sends them (form body over HTTP, payload over Socket Mode). */
export function slashCommandFields(options: SlashCommandOptions): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: options.team,
    team_domain: 'example',
    channel_id: options.channel ?? 'C-general',
    channel_name: 'general',
    user_id: options.user ?? 'U-alice',
    user_name: 'alice',
    command: '/segments',
    text: options.text,
    api_app_id: 'A-segments',
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: '123.456.abc',
  };
}

/** A slash command's form body, as Slack sends it. */
export function slashCommandBody(options: SlashCommandOptions): string {
  return new URLSearchParams(slashCommandFields(options)).toString();
}

/** An Events API envelope around `event`, as JSON text. */
export function eventCallbackBody(team: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: team,
    api_app_id: 'A-segments',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  });
}

/** A block_actions interaction (form field `payload`), clicked in a message or on the Home tab. */
export function blockActionsBody(options: {
  team: string;
  actionId: string;
  value: string;
  responseUrl?: string;
  channel?: string;
  user?: string;
}): string {
  const payload = {
    type: 'block_actions',
    team: { id: options.team, domain: 'example' },
    user: { id: options.user ?? 'U-alice', team_id: options.team, username: 'alice' },
    api_app_id: 'A-segments',
    token: 'legacy-verification-token',
    trigger_id: '123.456.abc',
    ...(options.responseUrl
      ? {
          container: {
            type: 'message',
            message_ts: '1.2',
            channel_id: options.channel ?? 'C-general',
            is_ephemeral: true,
          },
          channel: { id: options.channel ?? 'C-general', name: 'general' },
          response_url: options.responseUrl,
        }
      : { container: { type: 'view', view_id: 'V1' }, view: { id: 'V1', type: 'home' } }),
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: 'b1',
        value: options.value,
        text: { type: 'plain_text', text: 'button' },
        action_ts: '1.3',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
