/**
 * A local stand-in for Slack's Socket Mode side of the wire: `apps.connections.open` on the Web API
 * stand-in hands out `ws://127.0.0.1:<port>/link`, and a WebSocket server there speaks Slack's
 * Socket Mode protocol (hello on connect, envelopes out, acks `{ envelope_id, payload }` back).
 *
 * The `ws` package is not installed here (@slack/socket-mode 3 uses undici's WebSocket client), so
 * the server side of RFC 6455 is written out below: the opening handshake, masked client frames,
 * unmasked server frames, ping → pong, and the close handshake. Only what a Socket Mode client
 * needs: text frames, no extensions, no subprotocols.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  eventCallbackBody,
  type SlackStandIn,
  type SlashCommandOptions,
  slashCommandFields,
  startSlackStandIn,
} from './slack-web-api';

/** RFC 6455 §1.3: the server proves it read the key by hashing it with this fixed GUID. */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** What the app sent over the socket, parsed (an ack is `{ envelope_id, payload }`). */
export interface SocketMessage {
  envelope_id?: string;
  payload?: Record<string, unknown>;
  [key: string]: unknown;
}

/** One Socket Mode envelope as Slack sends it. */
export interface SocketEnvelope {
  envelope_id: string;
  type: 'slash_commands' | 'events_api' | 'interactive';
  accepts_response_payload: boolean;
  payload: Record<string, unknown>;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketModeStandIn {
  /** The Web API and response_url stand-in; `apps.connections.open` answers with {@link linkUrl}. */
  slack: SlackStandIn;
  /** `ws://127.0.0.1:<port>/link`. */
  linkUrl: string;
  /** The app id the hello message names. */
  appId: string;
  /** Every message the app sent over any connection, in order. */
  received: SocketMessage[];
  /** Connections whose TCP socket is still open. */
  openConnections(): number;
  /** Resolves once a client has completed the handshake and been sent hello. */
  connected(limitMs?: number): Promise<void>;
  /** Sends an envelope to the (first open) connection. */
  send(envelope: SocketEnvelope): void;
  /** Waits until the app acknowledges `envelopeId` and returns the ack. */
  waitForAck(envelopeId: string, limitMs?: number): Promise<SocketMessage>;
  /** Resolves when every connection's TCP socket has closed (the client hung up). */
  allClosed(limitMs?: number): Promise<void>;
  /** Closes the WebSocket server (and any connection left) and the Web API stand-in. */
  close(): Promise<void>;
}

/** A server frame: FIN set, unmasked (RFC 6455 §5.1: servers never mask). */
function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigEndian64(length)]);
  return Buffer.concat([header, payload]);
}

function bigEndian64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}

interface DecodedFrame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
  /** Bytes the frame took from the buffer. */
  consumed: number;
}

/** One client frame from the start of `buffer`, or undefined until all of it has arrived. */
function decodeFrame(buffer: Buffer): DecodedFrame | undefined {
  if (buffer.length < 2) return undefined;
  const fin = (buffer[0] & 0x80) !== 0;
  const opcode = buffer[0] & 0x0f;
  const masked = (buffer[1] & 0x80) !== 0;
  let length = buffer[1] & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  // RFC 6455 §5.1: a client must mask every frame; the stand-in refuses what Slack would refuse.
  if (!masked) throw new Error('the client sent an unmasked frame');
  if (buffer.length < offset + 4 + length) return undefined;
  const mask = buffer.subarray(offset, offset + 4);
  const payload = Buffer.from(buffer.subarray(offset + 4, offset + 4 + length));
  for (let index = 0; index < payload.length; index += 1) payload[index] ^= mask[index % 4];
  return { fin, opcode, payload, consumed: offset + 4 + length };
}

async function waitUntil(condition: () => boolean, what: string, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`Socket Mode stand-in: ${what} did not happen in ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Starts the Web API stand-in and a Socket Mode WebSocket server on 127.0.0.1 (free ports).
 * @example const socket = await startSocketModeStandIn(); createSlackApp({ …, appToken: 'xapp-…', slackApiUrl: socket.slack.apiUrl }, deps)
 */
export async function startSocketModeStandIn(options: { appId?: string } = {}): Promise<SocketModeStandIn> {
  const appId = options.appId ?? 'A-segments';
  const slack = await startSlackStandIn();
  const received: SocketMessage[] = [];
  const sockets = new Set<Socket>();
  /** Sockets that finished the handshake, in connection order. */
  const links: Socket[] = [];

  const server = createServer((_req, res) => {
    res.writeHead(426, { 'Content-Type': 'text/plain' });
    res.end('Upgrade Required');
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      const index = links.indexOf(socket);
      if (index >= 0) links.splice(index, 1);
    });
    socket.on('error', () => socket.destroy());
    const key = req.headers['sec-websocket-key'];
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/link' || typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(`${key}${WEBSOCKET_GUID}`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    links.push(socket);
    // Slack's first message on every connection (Socket Mode docs, "Connecting to the WebSocket URL").
    sendText(socket, {
      type: 'hello',
      num_connections: links.length,
      debug_info: { host: 'applink-stand-in', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: appId },
    });

    let buffered: Buffer = Buffer.from(head);
    let fragments: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        let frame: DecodedFrame | undefined;
        try {
          frame = decodeFrame(buffered);
        } catch {
          socket.destroy();
          return;
        }
        if (!frame) return;
        buffered = buffered.subarray(frame.consumed);
        switch (frame.opcode) {
          case OPCODE.ping:
            socket.write(encodeFrame(OPCODE.pong, frame.payload));
            break;
          case OPCODE.pong:
            break;
          case OPCODE.close:
            // Echo the close frame (status code included), then end the TCP connection (§5.5.1).
            if (socket.writable) socket.end(encodeFrame(OPCODE.close, frame.payload.subarray(0, 2)));
            return;
          case OPCODE.text:
          case OPCODE.binary:
          case OPCODE.continuation: {
            fragments.push(frame.payload);
            if (!frame.fin) break;
            const text = Buffer.concat(fragments).toString('utf8');
            fragments = [];
            received.push(JSON.parse(text) as SocketMessage);
            break;
          }
          default:
            socket.destroy();
            return;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const linkUrl = `ws://127.0.0.1:${port}/link`;
  slack.answers.set('apps.connections.open', () => ({ ok: true, url: linkUrl }));

  function sendText(socket: Socket, message: unknown): void {
    socket.write(encodeFrame(OPCODE.text, Buffer.from(JSON.stringify(message), 'utf8')));
  }

  return {
    slack,
    linkUrl,
    appId,
    received,
    openConnections: () => sockets.size,
    connected: (limitMs = 10_000) => waitUntil(() => links.length > 0, 'a Socket Mode connection', limitMs),
    send(envelope) {
      const socket = links[0];
      if (!socket) throw new Error('Socket Mode stand-in: no connection to send the envelope on');
      sendText(socket, envelope);
    },
    async waitForAck(envelopeId, limitMs = 5000) {
      await waitUntil(
        () => received.some((message) => message.envelope_id === envelopeId),
        `the ack of envelope ${envelopeId}`,
        limitMs,
      );
      return received.find((message) => message.envelope_id === envelopeId) as SocketMessage;
    },
    allClosed: (limitMs = 5000) => waitUntil(() => sockets.size === 0, 'every connection closing', limitMs),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slack.close();
    },
  };
}

/** A `/segments` slash command envelope (payload fields as Slack sends them over Socket Mode). */
export function slashCommandEnvelope(options: SlashCommandOptions & { envelopeId: string }): SocketEnvelope {
  return {
    envelope_id: options.envelopeId,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: slashCommandFields(options),
  };
}

/** An `events_api` envelope around `event` (the payload is the Events API's event_callback body). */
export function eventsApiEnvelope(
  envelopeId: string,
  team: string,
  event: Record<string, unknown>,
): SocketEnvelope {
  return {
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: '',
    payload: JSON.parse(eventCallbackBody(team, event)) as Record<string, unknown>,
  };
}
