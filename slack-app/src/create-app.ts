/**
 * Builds the Bolt app: one port serving Slack's request URL (/slack/events), the runs API and
 * /healthz (HTTP mode), or Socket Mode plus the same HTTP routes when an app token is configured.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunStore } from '@segments/store';
import { App, type Authorize, buildReceiverRoutes, type CustomRoute, LogLevel, webApi } from '@slack/bolt';
import { runsApiRoutes } from './api/runs-api';
import type { SlackAppConfig } from './config';
import type { AnswerQuestion } from './conversation';
import { registerListeners } from './listeners';

export interface SlackAppDeps {
  store: RunStore;
  /** Core's answer engine (`answerQuestion` from core/src/answers). */
  answerQuestion: AnswerQuestion;
  /** False while the store is still opening; /healthz answers 503 "starting" until it is true. */
  storeReady?: () => boolean;
  /** Default INFO; tests and benches pass ERROR. */
  logLevel?: LogLevel;
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
 * The runs API and /healthz for Socket Mode. Bolt's SocketModeReceiver would serve them itself, but
 * on every interface (it ignores HOST) and without telling which port PORT=0 picked; so they get
 * their own server. The routes have fixed paths, so an exact path match is all the routing needed.
 */
function createRoutesServer(routes: CustomRoute[]): Server {
  const handlers = buildReceiverRoutes(routes);
  return createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const handler = handlers[pathname]?.[(req.method ?? 'GET').toUpperCase()];
    if (handler) return handler(Object.assign(req, { params: {} }), res);
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
 * Creates the Slack app with its listeners and the runs API; nothing listens until `start()`.
 * @example const slack = createSlackApp(config, { store, answerQuestion }); const { port } = await slack.start()
 */
export function createSlackApp(config: SlackAppConfig, deps: SlackAppDeps): SegmentsSlackApp {
  const logLevel = deps.logLevel ?? LogLevel.INFO;
  const customRoutes = runsApiRoutes({
    store: deps.store,
    ready: deps.storeReady,
    staticApiToken: config.staticApiToken,
    logError: (message, error) => {
      if (logLevel !== LogLevel.ERROR || !(error instanceof Error)) console.error(message, error);
      else console.error(`${message}: ${error.message}`);
    },
  });
  const warn = (message: string) => {
    if (logLevel !== LogLevel.ERROR) console.warn(`[segments] ${message}`);
  };
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: { retries: 2 },
  };
  const socketMode = Boolean(config.appToken);
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
        signingSecret: config.signingSecret ?? '',
        authorize: lazyAuthorize(config, warn),
        clientOptions,
        customRoutes,
        convoStore: false,
        logLevel,
      });
  registerListeners(app, deps);
  app.error(async (error) => {
    console.error(`[segments] listener failed: ${error.message}`);
  });

  let server: Server | undefined;
  return {
    app,
    async start() {
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
