/**
 * The server-side Google Sheets client: credentials, API root, retries, and failures turned into
 * sentences a person can act on ("share the sheet with …", "retry later"). Everything that talks to
 * the Sheets REST API (segmenting a sheet from the CLI, pulling kept runs into the Slack app) gets
 * its client here.
 */
import { readFileSync } from 'node:fs';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { GoogleAuth, JWT, OAuth2Client } from 'google-auth-library';

/** Read and write spreadsheets (writing needs it; pulling runs only reads). */
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** Who the client acts as, so messages can say whom to share a sheet with. */
export type SheetsIdentity =
  | { kind: 'service-account'; email: string }
  | { kind: 'access-token' }
  | { kind: 'application-default'; email?: string };

/** Retry settings for 429 and 5xx answers (and lost connections); see gaxios' RetryConfig. */
export interface SheetsRetryOptions {
  /** Attempts after the first one. Default 5. */
  retries?: number;
  /** Wait before the first retry, in ms; later waits grow exponentially. Default 1,000. */
  firstDelayMs?: number;
  /** Longest single wait, in ms. Default 32,000. */
  maxDelayMs?: number;
}

/** Options of {@link createSheetsClient}; by default everything comes from `env`. */
export interface SheetsClientOptions {
  /**
   * Where credentials and the API root come from: GOOGLE_OAUTH_ACCESS_TOKEN (a token a user already
   * holds), else GOOGLE_APPLICATION_CREDENTIALS (a service-account key file), else Application
   * Default Credentials; SEGMENTS_SHEETS_API_URL overrides the API root. Default `process.env`.
   */
  env?: Record<string, string | undefined>;
  /** Retry settings; default {@link SheetsRetryOptions} defaults. */
  retry?: SheetsRetryOptions;
}

/** A configured Sheets API client and who it acts as. */
export interface SheetsClient {
  api: sheets_v4.Sheets;
  identity: SheetsIdentity;
  /** The API root in use (Google's unless SEGMENTS_SHEETS_API_URL says otherwise). */
  rootUrl: string;
}

/** Why a Sheets call failed, as a closed list the CLI and Slack map to their own wording. */
export type SheetsFailureKind =
  | 'not-shared'
  | 'not-found'
  | 'quota'
  | 'unauthenticated'
  | 'invalid-request'
  | 'unreachable'
  | 'server-error';

/** A Sheets API failure with a message naming the spreadsheet and what to do about it. */
export class SheetsAccessError extends Error {
  override name = 'SheetsAccessError';
  constructor(
    readonly kind: SheetsFailureKind,
    message: string,
    readonly spreadsheetId: string,
    readonly status?: number,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

const GOOGLE_ROOT_URL = 'https://sheets.googleapis.com/';

/**
 * Creates a Sheets API client from the environment: GOOGLE_OAUTH_ACCESS_TOKEN, else
 * GOOGLE_APPLICATION_CREDENTIALS (service-account key; requests carry a self-signed JWT, so no
 * token exchange is needed), else Application Default Credentials. 429 and 5xx answers are retried
 * with exponential backoff, POSTs included: a 429 means nothing was applied, and value writes are
 * idempotent. (A spreadsheets.batchUpdate retried after a 5xx that had in fact been applied fails
 * with a readable 400 — "sheet already exists" — rather than writing twice.)
 * @throws SheetsAccessError 'unauthenticated' when the key file cannot be read
 * @example const client = createSheetsClient({ env: process.env })
 */
export function createSheetsClient(options: SheetsClientOptions = {}): SheetsClient {
  const env = options.env ?? process.env;
  const rootUrl = normaliseRootUrl(env.SEGMENTS_SHEETS_API_URL);
  const retry = options.retry ?? {};
  const retryConfig = {
    retry: retry.retries ?? 5,
    retryDelay: retry.firstDelayMs ?? 1_000,
    retryDelayMultiplier: 2,
    maxRetryDelay: retry.maxDelayMs ?? 32_000,
    httpMethodsToRetry: ['GET', 'HEAD', 'PUT', 'POST', 'OPTIONS', 'DELETE'],
    statusCodesToRetry: [
      [429, 429],
      [500, 599],
    ],
    noResponseRetries: 2,
  };

  const accessToken = env.GOOGLE_OAUTH_ACCESS_TOKEN?.trim();
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
  let auth: OAuth2Client | JWT | GoogleAuth;
  let identity: SheetsIdentity;
  if (accessToken) {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: accessToken });
    auth = client;
    identity = { kind: 'access-token' };
  } else if (keyFile) {
    const key = readServiceAccountKey(keyFile);
    const jwt = new JWT({ email: key.email, key: key.privateKey, keyId: key.keyId, scopes: [SHEETS_SCOPE] });
    // A self-signed JWT (Google accepts one for its APIs) spares the token exchange round trip.
    jwt.useJWTAccessWithScope = true;
    auth = jwt;
    identity = { kind: 'service-account', email: key.email };
  } else {
    auth = new GoogleAuth({ scopes: [SHEETS_SCOPE] });
    identity = { kind: 'application-default' };
  }
  // googleapis-common pins its own copy of google-auth-library; the classes are the same at run time.
  const api = sheets({
    version: 'v4',
    auth: auth as unknown as sheets_v4.Options['auth'],
    rootUrl,
    retryConfig,
  });
  return { api, identity, rootUrl };
}

function normaliseRootUrl(url: string | undefined): string {
  const trimmed = url?.trim();
  if (!trimmed) return GOOGLE_ROOT_URL;
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** The email and private key of a service-account key file. */
function readServiceAccountKey(keyFile: string): { email: string; privateKey: string; keyId?: string } {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(readFileSync(keyFile, 'utf8'));
  } catch (error) {
    throw new SheetsAccessError(
      'unauthenticated',
      `Cannot read the Google credentials in GOOGLE_APPLICATION_CREDENTIALS (${keyFile}): ${(error as Error).message}`,
      '',
      undefined,
      error,
    );
  }
  const email = parsed?.client_email;
  const privateKey = parsed?.private_key;
  if (typeof email !== 'string' || email === '' || typeof privateKey !== 'string') {
    throw new SheetsAccessError(
      'unauthenticated',
      `GOOGLE_APPLICATION_CREDENTIALS (${keyFile}) is not a service-account key (no client_email or private_key); download a JSON key for the service account from the Google Cloud console.`,
      '',
    );
  }
  const keyId = typeof parsed.private_key_id === 'string' ? parsed.private_key_id : undefined;
  return { email, privateKey, keyId };
}

/** What the failed call was doing, for the message. */
export type SheetsAction = 'read' | 'write';

/**
 * Turns a failed Sheets call into a {@link SheetsAccessError} whose message names the spreadsheet and
 * says what to do: share it (with the service account's email), check the id, retry later, or refresh
 * the credentials. Errors that are not HTTP/network failures are returned unchanged.
 * @example catch (error) { throw explainSheetsError(error, client, spreadsheetId, 'read') }
 */
export function explainSheetsError(
  error: unknown,
  client: Pick<SheetsClient, 'identity' | 'rootUrl'>,
  spreadsheetId: string,
  action: SheetsAction,
): unknown {
  if (error instanceof SheetsAccessError || !(error instanceof Error)) return error;
  if (/could not load the default credentials/i.test(error.message)) {
    return new SheetsAccessError(
      'unauthenticated',
      `No Google credentials to ${action} spreadsheet ${spreadsheetId}: set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file (or GOOGLE_OAUTH_ACCESS_TOKEN to a token from \`gcloud auth print-access-token\`).`,
      spreadsheetId,
      undefined,
      error,
    );
  }
  const status = httpStatus(error);
  const detail = apiErrorDetail(error);
  const sheet = `spreadsheet ${spreadsheetId}`;
  if (status === undefined) {
    const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
    if (typeof code !== 'string' || !/^(E[A-Z]+|ECONN|UND_ERR|TimeoutError|AbortError)/.test(code)) {
      if (!/fetch failed|network|socket/i.test(error.message)) return error;
    }
    return new SheetsAccessError(
      'unreachable',
      `Could not reach the Google Sheets API at ${client.rootUrl} to ${action} ${sheet} (${error.message}); check the network and try again.`,
      spreadsheetId,
      undefined,
      error,
    );
  }
  const quota =
    status === 429 || detail.status === 'RESOURCE_EXHAUSTED' || /quota|rate ?limit/i.test(detail.reason);
  if (quota) {
    return new SheetsAccessError(
      'quota',
      `The Google Sheets API quota is used up for now (while trying to ${action} ${sheet}); retry later, in a minute or two.`,
      spreadsheetId,
      status,
      error,
    );
  }
  if (status === 401) {
    return new SheetsAccessError(
      'unauthenticated',
      `Google did not accept the credentials (while trying to ${action} ${sheet}): ${credentialsAdvice(client.identity)}`,
      spreadsheetId,
      status,
      error,
    );
  }
  if (status === 403) {
    return new SheetsAccessError(
      'not-shared',
      `No access to ${sheet}: ${shareAdvice(client.identity, action)}`,
      spreadsheetId,
      status,
      error,
    );
  }
  if (status === 404) {
    return new SheetsAccessError(
      'not-found',
      `Spreadsheet ${spreadsheetId} was not found: check the URL or id (copy it from the address bar of the open spreadsheet), and ${shareAdvice(client.identity, action)}`,
      spreadsheetId,
      status,
      error,
    );
  }
  if (status >= 500) {
    return new SheetsAccessError(
      'server-error',
      `The Google Sheets API failed (HTTP ${status}) on ${sheet} after several retries; retry later.`,
      spreadsheetId,
      status,
      error,
    );
  }
  return new SheetsAccessError(
    'invalid-request',
    `The Google Sheets API refused the request on ${sheet} (HTTP ${status}): ${detail.message || error.message}`,
    spreadsheetId,
    status,
    error,
  );
}

function shareAdvice(identity: SheetsIdentity, action: SheetsAction): string {
  const role = action === 'write' ? 'Editor' : 'Viewer (or Editor)';
  switch (identity.kind) {
    case 'service-account':
      return `share the sheet with ${identity.email} (Share › add ${identity.email} as ${role}), then try again.`;
    case 'access-token':
      return `make sure the Google account whose token is in GOOGLE_OAUTH_ACCESS_TOKEN can open it as ${role}, then try again.`;
    case 'application-default':
      return identity.email
        ? `share the sheet with ${identity.email} as ${role}, then try again.`
        : `share the sheet with the account of your Application Default Credentials (or the service account in GOOGLE_APPLICATION_CREDENTIALS) as ${role}, then try again.`;
  }
}

function credentialsAdvice(identity: SheetsIdentity): string {
  switch (identity.kind) {
    case 'access-token':
      return 'the token in GOOGLE_OAUTH_ACCESS_TOKEN is invalid or expired; get a new one with `gcloud auth print-access-token`.';
    case 'service-account':
      return `the key of ${identity.email} in GOOGLE_APPLICATION_CREDENTIALS was refused; create a new key for it in the Google Cloud console.`;
    case 'application-default':
      return 'set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, or run `gcloud auth application-default login`.';
  }
}

function httpStatus(error: Error): number | undefined {
  const candidate = error as { status?: unknown; response?: { status?: unknown } };
  const status = candidate.response?.status ?? candidate.status;
  return typeof status === 'number' ? status : undefined;
}

/** The `error` object of a Google API error body: message, status (e.g. PERMISSION_DENIED) and reason. */
function apiErrorDetail(error: Error): { message: string; status: string; reason: string } {
  let data: unknown = (error as { response?: { data?: unknown } }).response?.data;
  if (typeof data === 'string') {
    const text = data;
    try {
      data = JSON.parse(text);
    } catch {
      return { message: text.slice(0, 300), status: '', reason: '' };
    }
  }
  const body =
    data && typeof data === 'object' && 'error' in data ? (data.error as Record<string, unknown>) : {};
  const errors = Array.isArray(body.errors) ? (body.errors as { reason?: unknown }[]) : [];
  return {
    message: typeof body.message === 'string' ? body.message : '',
    status: typeof body.status === 'string' ? body.status : '',
    reason: errors.map((entry) => String(entry.reason ?? '')).join(' '),
  };
}

/**
 * The spreadsheet id in a Google Sheets URL, or the text itself when it already is an id.
 * @throws SheetsAccessError 'invalid-request' when the text is neither
 * @example parseSpreadsheetId('https://docs.google.com/spreadsheets/d/1AbC…/edit#gid=0') // '1AbC…'
 */
export function parseSpreadsheetId(urlOrId: string): string {
  // Slack wraps links as <url> or <url|label>.
  const text = urlOrId.trim().replace(/^<([^|>]*)(\|[^>]*)?>$/, '$1');
  const fromUrl = /\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/.exec(text);
  if (fromUrl) return fromUrl[1];
  if (/^[A-Za-z0-9_-]+$/.test(text)) return text;
  throw new SheetsAccessError(
    'invalid-request',
    `"${urlOrId}" is not a Google Sheets URL or spreadsheet id; paste the address of the spreadsheet (https://docs.google.com/spreadsheets/d/…).`,
    '',
  );
}

/**
 * A sheet name quoted for A1 notation (`'Q1 Customers'`, with inner apostrophes doubled).
 * @example quoteSheetName("Bob's") // "'Bob''s'"
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
