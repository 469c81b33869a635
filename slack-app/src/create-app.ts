/**
 * Builds the Bolt app: one port serving Slack's request URL (/slack/events), the runs API and
 * /healthz (HTTP mode), or Socket Mode plus the same HTTP routes when an app token is configured.
 */

import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunStore } from '@segments/store';
import {
  App,
  type Authorize,
  buildReceiverRoutes,
  type CustomRoute,
  HTTPReceiver,
  LogLevel,
  webApi,
} from '@slack/bolt';
import { describeErrorForLog, runsApiRoutes } from './api/runs-api';
import { chartRoutes } from './charts/chart-links';
import { type ChartDelivery, linkedCharts, uploadedCharts } from './charts/delivery';
import type { SlackAppConfig } from './config';
import type { AnswerQuestion } from './conversation';
import { type DigestDeps, notifySubscribers, startDigestScheduler } from './digests/digests';
import { registerListeners } from './listeners';
import { isFromTheFuture, onceOnly, signatureProperties } from './middleware/once-only';
import { UserLanguages } from './user-language';

export interface SlackAppDeps {
  store: RunStore;
  /** Core's answer engine (`answerQuestion` from core/src/answers). */
  answerQuestion: AnswerQuestion;
  /** False while the store is still opening; /healthz answers 503 "starting" until it is true. */
  storeReady?: () => boolean;
  /** Default INFO; tests and benches pass ERROR. */
  logLevel?: LogLevel;
  /** Clock for chart links (tests); default the system clock. */
  now?: () => Date;
}

/** The key chart links are signed with: derived from the app's own secret, never sent anywhere. */
function chartSecret(config: SlackAppConfig): string {
  return createHash('sha256')
    .update(`segments-chart-links:${config.signingSecret ?? config.botToken}`)
    .digest('hex');
}

export interface SegmentsSlackApp {
  app: App;
  /** Starts listening (and, in Socket Mode, connecting); resolves with the HTTP port. */
  start(): Promise<{ port: number }>;
  /** Stops listening and disconnects; the store stays open (its owner closes it). */
  stop(): Promise<void>;
}

const AUTH_TEST_TIMEOUT_MS = 5000;
const AUTH_TEST_RETRY_MS = 30_000;

/**
 * Who the bot is (auth.test), asked lazily and cached on success, so starting never depends on
 * Slack's API being reachable; until it answers, requests carry the token without the bot's ids.
 */
function lazyAuthorize(config: SlackAppConfig, logWarn: (message: string) => void): Authorize<boolean> {
  const client = new webApi.WebClient(undefined, {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: AUTH_TEST_TIMEOUT_MS,
    logLevel: webApi.LogLevel.ERROR,
  });
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  let retryAfter = 0;
  return async () => {
    // After a failure, answer without the bot's ids for a while instead of waiting on Slack per request.
    if (!identity && Date.now() < retryAfter) return { botToken: config.botToken };
    identity ??= client.auth
      .test({ token: config.botToken })
      .then((result) => ({ botId: result.bot_id, botUserId: result.user_id }))
      .catch((error: unknown) => {
        identity = undefined;
        retryAfter = Date.now() + AUTH_TEST_RETRY_MS;
        logWarn(
          `auth.test failed (${(error as Error).message}); asking again in ${AUTH_TEST_RETRY_MS / 1000} s`,
        );
        return {};
      });
    return { botToken: config.botToken, ...(await identity) };
  };
}

/**
 * The path parameters of `pathname` against a route such as `/api/runs/:id`, or undefined when it
 * does not match (what Bolt's HTTP receiver does with path-to-regexp, for our simple routes).
 */
function matchRoute(route: string, pathname: string): Record<string, string> | undefined {
  const want = route.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':') && got[i] !== '') {
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return undefined;
      }
    } else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/**
 * The runs API and /healthz for Socket Mode. Bolt's SocketModeReceiver would serve them itself, but
 * on every interface (it ignores HOST) and without telling which port PORT=0 picked; so they get
 * their own server.
 */
function createRoutesServer(routes: CustomRoute[]): Server {
  const handlers = buildReceiverRoutes(routes);
  return createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    for (const [route, byMethod] of Object.entries(handlers)) {
      const params = matchRoute(route, pathname);
      const handler = params && byMethod[method];
      if (handler) return handler(Object.assign(req, { params }), res);
    }
    res.writeHead(404).end();
  });
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Bolt's HTTP receiver, with the request's signature passed on to the listener context (for the
 * replay check in once-only.ts) and timestamps more than 5 minutes in the future refused like old
 * ones (Bolt refuses only old ones).
 */
function httpReceiver(config: SlackAppConfig, customRoutes: CustomRoute[], logLevel: LogLevel): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret ?? '',
    customRoutes,
    logLevel,
    customPropertiesExtractor: signatureProperties,
  });
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (isFromTheFuture(req)) {
      req.resume();
      res.writeHead(401).end();
      return;
    }
    return boltListener(req, res);
  };
  return receiver;
}

/**
 * Creates the Slack app with its listeners and the runs API; nothing listens until `start()`.
 * @example const slack = createSlackApp(config, { store, answerQuestion }); const { port } = await slack.start()
 */
export function createSlackApp(config: SlackAppConfig, deps: SlackAppDeps): SegmentsSlackApp {
  const logLevel = deps.logLevel ?? LogLevel.INFO;
  const warn = (message: string) => {
    if (logLevel !== LogLevel.ERROR) console.warn(`[segments] ${message}`);
  };
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: { retries: 2 },
  };
  // Posts the app makes on its own (digests, new-run alerts, chart uploads), with the bot token.
  const botClient = new webApi.WebClient(config.botToken, clientOptions);
  const digestDeps: DigestDeps = {
    store: deps.store,
    post: (message) => botClient.chat.postMessage(message),
    logWarn: warn,
  };
  const customRoutes: CustomRoute[] = runsApiRoutes({
    store: deps.store,
    ready: deps.storeReady,
    staticApiToken: config.staticApiToken,
    // The stack, never the error's properties: a database error may quote the posted run.
    logError: (message, error) => console.error(`[segments] ${message}: ${describeErrorForLog(error)}`),
    onRunPublished: (team, run) => {
      notifySubscribers(digestDeps, team, run).catch((error: unknown) =>
        warn(`new-run alerts failed: ${(error as Error).message}`),
      );
    },
  });
  const socketMode = Boolean(config.appToken);
  let charts: ChartDelivery | undefined;
  if (config.publicUrl) {
    const secret = chartSecret(config);
    for (const route of chartRoutes({ store: deps.store, secret, now: deps.now })) customRoutes.push(route);
    charts = linkedCharts({ baseUrl: config.publicUrl, secret, now: deps.now });
  } else if (socketMode) {
    charts = uploadedCharts({ client: botClient, logWarn: warn });
  }
  digestDeps.charts = charts;
  const app = socketMode
    ? new App({
        appToken: config.appToken,
        socketMode: true,
        authorize: lazyAuthorize(config, warn),
        clientOptions,
        // No listener reads conversation context; skipping its middleware saves work per event.
        convoStore: false,
        logLevel,
      })
    : new App({
        receiver: httpReceiver(config, customRoutes, logLevel),
        authorize: lazyAuthorize(config, warn),
        clientOptions,
        convoStore: false,
        logLevel,
      });
  // Before any listener: a request some replica already answered is acknowledged and dropped.
  app.use(onceOnly(deps.store, warn));
  registerListeners(app, {
    ...deps,
    admins: config.admins ?? [],
    charts,
    userLanguages: new UserLanguages(),
  });
  app.error(async (error) => {
    console.error(`[segments] listener failed: ${describeErrorForLog(error)}`);
  });

  let server: Server | undefined;
  let digests: { stop(): void } | undefined;
  return {
    app,
    async start() {
      digests = startDigestScheduler(digestDeps, { now: deps.now });
      if (socketMode) {
        const routesServer = createRoutesServer(customRoutes);
        await listen(routesServer, config.port, config.host);
        try {
          await app.start();
        } catch (error) {
          routesServer.close();
          throw error;
        }
        server = routesServer;
        return { port: (routesServer.address() as AddressInfo).port };
      }
      server = (await app.start({ port: config.port, host: config.host })) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      digests?.stop();
      server?.closeAllConnections();
      await app.stop();
      // In HTTP mode app.stop() closed Bolt's server; in Socket Mode the routes server is ours.
      if (socketMode && server?.listening) {
        const routesServer = server;
        await new Promise<void>((resolve) => routesServer.close(() => resolve()));
      }
    },
  };
}
