/**
 * A blocking HTTP request, because UrlFetchApp.fetch is synchronous in Apps Script. The request runs
 * in a worker thread; the calling thread sleeps on Atomics.wait until the worker has posted the
 * response to a MessagePort, then reads it with receiveMessageOnPort. The server must therefore live
 * outside the calling thread (another process, or a worker: see stub-server.ts).
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** One request as sent on the wire. */
export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Body bytes, base64 (absent for no body). */
  bodyBase64?: string;
  followRedirects: boolean;
}

/** The response, or the network error code (ECONNREFUSED, ENOTFOUND, TIMEOUT, …). */
export type WireResult =
  | { ok: true; status: number; rawHeaders: string[]; bodyBase64: string }
  | { ok: false; code: string; message: string };

// Plain JS so the worker needs no TypeScript loader.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const http = require('node:http');
const https = require('node:https');
const { request, port, signal } = workerData;
function finish(result) {
  port.postMessage(result);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
function send(url, method, body, redirectsLeft) {
  let target;
  try { target = new URL(url); } catch (error) { finish({ ok: false, code: 'INVALID_URL', message: String(error) }); return; }
  const client = target.protocol === 'https:' ? https : http;
  const headers = Object.assign({}, request.headers);
  if (body) headers['Content-Length'] = String(body.length);
  const req = client.request(target, { method, headers }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => {
      const status = res.statusCode || 0;
      if (request.followRedirects && status >= 300 && status < 400 && res.headers.location && redirectsLeft > 0) {
        const next = new URL(res.headers.location, target).toString();
        const keep = status === 307 || status === 308;
        send(next, keep ? method : 'GET', keep ? body : undefined, redirectsLeft - 1);
        return;
      }
      finish({ ok: true, status, rawHeaders: res.rawHeaders, bodyBase64: Buffer.concat(chunks).toString('base64') });
    });
    res.on('error', (error) => finish({ ok: false, code: error.code || 'ERROR', message: String(error) }));
  });
  req.on('error', (error) => finish({ ok: false, code: error.code || 'ERROR', message: String(error) }));
  if (body) req.write(body);
  req.end();
}
send(request.url, request.method, request.bodyBase64 ? Buffer.from(request.bodyBase64, 'base64') : undefined, 10);
`;

/**
 * Sends `request` and blocks until the response arrives or `timeoutMs` passes.
 * @example const result = requestSync({ url: 'http://127.0.0.1:8080/', method: 'GET', headers: {}, followRedirects: true }, 60_000)
 */
export function requestSync(request: WireRequest, timeoutMs: number): WireResult {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { request, port: port2, signal },
    transferList: [port2],
  });
  try {
    const outcome = Atomics.wait(signal, 0, 0, timeoutMs);
    const message = receiveMessageOnPort(port1);
    if (outcome === 'timed-out' || !message) {
      return { ok: false, code: 'TIMEOUT', message: `No response within ${timeoutMs} ms` };
    }
    return message.message as WireResult;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
