/**
 * A real HTTP server for UrlFetchApp tests that runs in a worker thread: UrlFetchApp.fetch blocks the
 * test's thread while it waits, so a server on that same thread could never answer. Responses are
 * canned per method and path; every request (method, path, headers, body) is recorded.
 */
import { Worker } from 'node:worker_threads';

/** A canned response for one method and path (path without query string). */
export interface StubRoute {
  method: string;
  path: string;
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A request the stub server received. */
export interface StubRequest {
  method: string;
  /** Path with query string. */
  url: string;
  /** Lower-case header names, as Node reports them. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Handle of a running stub server. */
export interface StubServer {
  /** Base URL, `http://127.0.0.1:PORT`. */
  url: string;
  /** The requests received so far. */
  requests(): Promise<StubRequest[]>;
  /** Replaces the canned routes. */
  setRoutes(routes: StubRoute[]): Promise<void>;
  close(): Promise<void>;
}

const SERVER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
let routes = workerData.routes;
const received = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    received.push({ method: req.method, url: req.url, headers: req.headers, body });
    const path = req.url.split('?')[0];
    const route = routes.find((r) => r.method.toUpperCase() === req.method && r.path === path);
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    res.writeHead(route.status, route.headers || {});
    res.end(route.body || '');
  });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
parentPort.on('message', (message) => {
  if (message.type === 'requests') parentPort.postMessage({ type: 'requests', id: message.id, requests: received });
  if (message.type === 'routes') { routes = message.routes; parentPort.postMessage({ type: 'routes', id: message.id }); }
  if (message.type === 'close') server.close(() => parentPort.postMessage({ type: 'closed', id: message.id }));
});
`;

interface ServerMessage {
  type: string;
  id?: number;
  port?: number;
  requests?: StubRequest[];
}

/**
 * Starts the stub server on 127.0.0.1 with an ephemeral port.
 * @example const server = await startStubServer([{ method: 'POST', path: '/api/runs', status: 201, body: '{}' }])
 */
export async function startStubServer(routes: StubRoute[] = []): Promise<StubServer> {
  const worker = new Worker(SERVER_SOURCE, { eval: true, workerData: { routes } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: ServerMessage) => {
      if (message.type === 'listening' && message.port !== undefined) resolve(message.port);
    });
  });
  let nextId = 1;
  const ask = (type: string, extra: Record<string, unknown> = {}): Promise<ServerMessage> => {
    const id = nextId;
    nextId += 1;
    return new Promise((resolve) => {
      const listener = (message: ServerMessage): void => {
        if (message.id === id) {
          worker.off('message', listener);
          resolve(message);
        }
      };
      worker.on('message', listener);
      worker.postMessage({ type, id, ...extra });
    });
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requests: async () => (await ask('requests')).requests ?? [],
    setRoutes: async (next) => {
      await ask('routes', { routes: next });
    },
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
}
