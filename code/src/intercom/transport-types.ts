/** The shapes the transport exchanges with the client: requests, results (never thrown), counters, options. */
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { ConnectionLimiter } from './rate-limit';
import type { BackoffOptions } from './rate-limit-headers';

/** pino-compatible logger (any object with these methods; pino's `(obj, msg)` order). */
export interface IntercomLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Cumulative counters of one client. */
export interface IntercomStats {
  /** HTTP attempts sent (retries included). */
  requests: number;
  retries: number;
  /** 429 answers received. */
  rateLimited: number;
  /** 5xx answers received. */
  serverErrors: number;
  /** Wall-clock time during which a request was held back by the rate limit or a retry's back-off (overlapping waits count once). */
  waitedMs: number;
  /** Response body bytes received. */
  bytes: number;
}

/** One request as the client hands it to the transport. */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path under the base URL, or an absolute URL (downloads). */
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** `stream` for downloads: the body is handed over unread. */
  responseType?: 'json' | 'stream';
  /** May the request be repeated after a 5xx or a network failure? (429 is always retried.) */
  idempotent: boolean;
  /**
   * A URL taken from content (a download): sent without credentials, unpaced, through these agents
   * (whose lookup checks addresses). Requests without it are the client's own API calls.
   */
  content?: { httpAgent: HttpAgent; httpsAgent: HttpsAgent };
  /** A listing's page: the limiter lets it go ahead of the detail reads waiting (`ConnectionLimiter`). */
  page?: boolean;
}

export interface TransportSuccess {
  ok: true;
  status: number;
  headers: Record<string, unknown>;
  data: unknown;
  attempts: number;
}

/** Why a request produced no usable answer; `path` is the request's path or URL. */
export type TransportFailure = {
  ok: false;
  method: string;
  path: string;
  attempts: number;
  message: string;
  status?: number;
  headers?: Record<string, unknown>;
  body?: unknown;
  requestIdHeader?: string;
  /** The download policy refused the address connected to (a permanent refusal, never retried). */
  refused?: boolean;
} & (
  | { kind: 'status'; status: number }
  | { kind: 'network' }
  /** The next wait is longer than the caller allows. */
  | { kind: 'delay'; delayMs: number }
);

export type TransportResult = TransportSuccess | TransportFailure;

export interface TransportOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  maxRetries: number;
  canWait: (ms: number) => boolean;
  limiter: ConnectionLimiter;
  logger?: IntercomLogger;
  backoff?: BackoffOptions;
}
