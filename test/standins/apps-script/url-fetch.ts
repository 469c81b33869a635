/**
 * UrlFetchApp (developers.google.com/apps-script/reference/url-fetch): synchronous, over a real
 * socket (see sync-http.ts). `params` follow Google: method (default get), contentType (default
 * application/x-www-form-urlencoded when there is a payload), headers, payload (a string, bytes, a
 * Blob, or an object sent as a form), muteHttpExceptions, followRedirects. A status of 400 or more
 * throws unless muteHttpExceptions is set; network failures throw "Address unavailable: …",
 * "DNS error: …" or "Timeout: …" whatever muteHttpExceptions says. Every request is recorded.
 */
import { Blob } from './blob';
import type { Realm } from './realm';
import { requestSync, type WireRequest } from './sync-http';

/** What the script sent, as recorded for assertions. */
export interface RecordedFetch {
  url: string;
  method: string;
  /** Header names as sent (Content-Type and User-Agent included). */
  headers: Record<string, string>;
  /** The body as UTF-8 text ('' for none). */
  payload: string;
  /** The params object as the script passed it, JSON-copied. */
  params: unknown;
}

/** A response given by an in-process responder instead of the network (see `fetchHandler`). */
export interface FetchResponseInit {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Synchronous in-process responder; when set, no socket is opened. */
export type FetchHandler = (request: RecordedFetch) => FetchResponseInit;

/** Google's fixed timeout for one fetch. */
export const FETCH_TIMEOUT_MS = 60_000;

const USER_AGENT =
  'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: UAEmdDd-standin)';

/** HTTPResponse. */
export class HTTPResponse {
  constructor(
    private readonly status: number,
    private readonly rawHeaders: string[],
    private readonly body: Buffer,
    private readonly realm: Realm,
  ) {}

  getResponseCode(): number {
    return this.status;
  }

  getContentText(charset?: string): string {
    return this.body.toString(charset && /^utf-?8$/i.test(charset) === false ? 'latin1' : 'utf8');
  }

  /** Header name → value; for repeated headers the last value. */
  getHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    for (let i = 0; i < this.rawHeaders.length; i += 2) headers[this.rawHeaders[i]] = this.rawHeaders[i + 1];
    return this.realm.object(headers);
  }

  /** Header name → value, or an array of values for repeated headers. */
  getAllHeaders(): Record<string, string | string[]> {
    const headers: Record<string, string | string[]> = {};
    for (let i = 0; i < this.rawHeaders.length; i += 2) {
      const name = this.rawHeaders[i];
      const value = this.rawHeaders[i + 1];
      const existing = headers[name];
      if (existing === undefined) headers[name] = value;
      else headers[name] = this.realm.array([...(Array.isArray(existing) ? existing : [existing]), value]);
    }
    return this.realm.object(headers);
  }

  getContent(): number[] {
    return this.realm.array([...this.body].map((byte) => (byte > 127 ? byte - 256 : byte)));
  }

  getBlob(): Blob {
    const type =
      this.getHeaders()['Content-Type'] ?? this.getHeaders()['content-type'] ?? 'application/octet-stream';
    return new Blob(this.body, String(type).split(';')[0], null, this.realm);
  }

  getAs(contentType: string): Blob {
    return new Blob(this.body, contentType, null, this.realm);
  }
}

interface FetchParams {
  method?: unknown;
  contentType?: unknown;
  headers?: unknown;
  payload?: unknown;
  muteHttpExceptions?: unknown;
  followRedirects?: unknown;
}

function encodeForm(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

/** The UrlFetchApp global. */
export class UrlFetchApp {
  /** Every request, in order. */
  readonly requests: RecordedFetch[] = [];

  constructor(
    private readonly count: (method: string) => Realm,
    private readonly handler: FetchHandler | undefined,
    private readonly timeoutMs = FETCH_TIMEOUT_MS,
    /** The manifest's urlFetchWhitelist; when set, every other URL is refused, as for a published add-on. */
    private readonly allowlist?: readonly string[],
  ) {}

  /** Prepares the wire request Google would send. */
  getRequest(url: string, params?: FetchParams): RecordedFetch {
    const realm = this.count('getRequest');
    return this.prepare(realm, url, params).recorded;
  }

  private prepare(
    realm: Realm,
    url: unknown,
    params: FetchParams | undefined,
  ): { recorded: RecordedFetch; body?: Buffer } {
    if (typeof url !== 'string' || !/^https?:\/\/[^/]+/i.test(url))
      throw realm.error(`Invalid argument: ${String(url)}`);
    if (
      this.allowlist &&
      !this.allowlist.some((prefix) => url.toLowerCase().startsWith(prefix.toLowerCase()))
    ) {
      throw realm.error(
        `Exception: ${url} is not allowed by the urlFetchWhitelist of the script's manifest.`,
      );
    }
    const options = params ?? {};
    const method = String(options.method ?? 'get').toUpperCase();
    if (!['GET', 'DELETE', 'PATCH', 'POST', 'PUT'].includes(method))
      throw realm.error(`Invalid argument: method`);
    const headers: Record<string, string> = { 'User-Agent': USER_AGENT };
    let body: Buffer | undefined;
    const payload = options.payload;
    if (payload !== undefined && payload !== null) {
      if (typeof payload === 'string') body = Buffer.from(payload, 'utf8');
      else if (payload instanceof Blob) body = payload.bytes();
      else if (Array.isArray(payload)) body = Buffer.from(payload.map((byte) => Number(byte) & 0xff));
      else if (typeof payload === 'object')
        body = Buffer.from(encodeForm(payload as Record<string, unknown>), 'utf8');
      else body = Buffer.from(String(payload), 'utf8');
      headers['Content-Type'] =
        options.contentType === undefined
          ? payload instanceof Blob
            ? (payload.getContentType() ?? 'application/octet-stream')
            : 'application/x-www-form-urlencoded'
          : String(options.contentType);
    } else if (options.contentType !== undefined) {
      headers['Content-Type'] = String(options.contentType);
    }
    if (options.headers !== undefined && options.headers !== null) {
      for (const [name, value] of Object.entries(options.headers as Record<string, unknown>)) {
        headers[name] = String(value);
      }
    }
    const recorded: RecordedFetch = {
      url,
      method,
      headers,
      payload: body ? body.toString('utf8') : '',
      params: JSON.parse(JSON.stringify(options)),
    };
    return { recorded, body };
  }

  /** Sends the request and blocks until the response (or a network error) arrives. */
  fetch(url: string, params?: FetchParams): HTTPResponse {
    const realm = this.count('fetch');
    const { recorded, body } = this.prepare(realm, url, params);
    this.requests.push(recorded);
    const mute = Boolean(params?.muteHttpExceptions);
    let response: HTTPResponse;
    if (this.handler) {
      const init = this.handler(recorded);
      const rawHeaders = Object.entries(init.headers ?? {}).flat();
      response = new HTTPResponse(init.status, rawHeaders, Buffer.from(init.body ?? '', 'utf8'), realm);
    } else {
      const wire: WireRequest = {
        url,
        method: recorded.method,
        headers: recorded.headers,
        bodyBase64: body?.toString('base64'),
        followRedirects: params?.followRedirects === undefined ? true : Boolean(params.followRedirects),
      };
      const result = requestSync(wire, this.timeoutMs);
      if (!result.ok) {
        if (result.code === 'ENOTFOUND' || result.code === 'EAI_AGAIN')
          throw realm.error(`DNS error: ${url}`);
        if (result.code === 'TIMEOUT') throw realm.error(`Timeout: ${url}`);
        if (result.code === 'INVALID_URL') throw realm.error(`Invalid argument: ${url}`);
        throw realm.error(`Address unavailable: ${url}`);
      }
      response = new HTTPResponse(
        result.status,
        result.rawHeaders,
        Buffer.from(result.bodyBase64, 'base64'),
        realm,
      );
    }
    const status = response.getResponseCode();
    if (status >= 400 && !mute) {
      const text = response.getContentText();
      throw realm.error(
        `Request failed for ${url} returned code ${status}. Truncated server response: ${text.slice(0, 200)}${
          text.length > 200 ? '...' : ''
        } (use muteHttpExceptions option to examine full response)`,
      );
    }
    return response;
  }
}
