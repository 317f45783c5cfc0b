/** Shared set-up of the Intercom client tests: a fake-but-real-looking connection and a log sink. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntercomClient, type IntercomClientOptions, type IntercomLogger } from '../../src/intercom';

export const API = 'https://api.intercom.io';
let counter = 0;

/** A distinct, recognisable token per test (so limiters never leak between tests). */
export function newToken(): string {
  counter += 1;
  return `tok_SECRET_${counter}_${Math.random().toString(36).slice(2)}_dG9rZW4=`;
}

/** Collects every log line as JSON text, to check that no secret is ever logged. */
export function captureLogger(): IntercomLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (obj, msg) => lines.push(JSON.stringify({ level: 'debug', msg, ...obj })),
    warn: (obj, msg) => lines.push(JSON.stringify({ level: 'warn', msg, ...obj })),
  };
}

/** A client on the US host with fast back-off, for nock-scripted answers; local (scripted servers on loopback) unless told. */
export function makeClient(options: Partial<IntercomClientOptions> = {}): { client: IntercomClient; token: string } {
  const token = options.token ?? newToken();
  const client = new IntercomClient({ baseUrl: API, backoff: { baseMs: 5, capMs: 20 }, local: true, ...options, token });
  return { client, token };
}

/** Rate-limit headers as Intercom sends them. */
export function rateHeaders(limit: number, remaining: number, resetEpochSeconds: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(remaining),
    'X-RateLimit-Reset': String(resetEpochSeconds),
  };
}

export function errorList(code: string, message: string, requestId = 'req-123'): object {
  return { type: 'error.list', request_id: requestId, errors: [{ code, message }] };
}

/** One scripted answer of a {@link ScriptedServer}. */
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

/** A request as a {@link ScriptedServer} saw it. */
export interface LoggedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A real HTTP server on 127.0.0.1 answering with scripted handlers, in order (the last one repeats). */
export interface ScriptedServer {
  baseUrl: string;
  log: LoggedRequest[];
  close(): Promise<void>;
}

export async function startScriptedServer(handlers: Handler[]): Promise<ScriptedServer> {
  const log: LoggedRequest[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      log.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() });
      const handler = handlers[Math.min(next, handlers.length - 1)];
      next += 1;
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON with optional headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

/** Drops the connection without an answer (the client sees ECONNRESET / socket hang up). */
export const resetConnection: Handler = (req) => {
  req.socket.destroy();
};

/** Promises a long body, sends a part of it, then drops the connection. */
export const truncatedBody: Handler = (req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
  res.write('{"type":"list","data":[{"id":"1"');
  setTimeout(() => req.socket.destroy(), 20);
};
