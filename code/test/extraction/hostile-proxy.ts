/**
 * A misbehaving Intercom for pipeline tests: a real HTTP server on loopback in front of the Intercom
 * emulator that forwards every request, except those a rule claims, which get a scripted answer
 * instead (persistent 429s, cursor cycles, recorded bad bodies from `code/fixtures/bad/`...).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted answer; `forward` passes the request on to the emulator (e.g. to patch its answer). */
export type ProxyAnswer = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  forward: () => Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>,
) => void | Promise<void>;

export interface ProxyRule {
  /** Which requests the rule claims, e.g. `(m, p) => m === 'GET' && p.startsWith('/conversations')`. */
  match: (method: string, path: string) => boolean;
  /** How many requests it claims before it stops matching (default: all). */
  times?: number;
  answer: ProxyAnswer;
}

export interface HostileProxy {
  baseUrl: string;
  /** Requests each rule answered, by rule index. */
  claimed: number[];
  close(): Promise<void>;
}

export async function startHostileProxy(target: string, rules: ProxyRule[]): Promise<HostileProxy> {
  const claimed = rules.map(() => 0);
  const self = { baseUrl: '' };
  const targetUrl = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = () =>
        new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
          const out = http.request(
            { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: { ...req.headers, host: targetUrl.host } },
            (answer) => {
              const parts: Buffer[] = [];
              answer.on('data', (c: Buffer) => parts.push(c));
              answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(parts) }));
              answer.on('error', reject);
            },
          );
          out.on('error', reject);
          out.end(body);
        });
      const path = (req.url ?? '/').split('?')[0]!;
      const index = rules.findIndex((r, i) => r.match(req.method ?? 'GET', path) && (r.times === undefined || claimed[i]! < r.times));
      const answer: ProxyAnswer =
        index >= 0
          ? rules[index]!.answer
          : async (_req, response, fwd) => {
              const got = await fwd();
              const headers = { ...got.headers };
              delete headers['transfer-encoding'];
              delete headers['content-length'];
              response.writeHead(got.status, headers);
              // The emulator's own URLs (file downloads, next-page links) lead back through the proxy.
              const isText = /json|text/.test(String(got.headers['content-type'] ?? ''));
              response.end(isText ? Buffer.from(got.body.toString('utf8').split(target).join(self.baseUrl)) : got.body);
            };
      if (index >= 0) claimed[index]! += 1;
      Promise.resolve(answer(req, res, forward)).catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  self.baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    claimed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JSON answer with optional headers. */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): ProxyAnswer {
  return (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}
