/**
 * `IntercomClient`: the one way this project talks to Intercom. Paced per connection, retried
 * with header-driven waits, validated with the caller's zod schemas, typed errors only.
 */
import type { z } from 'zod';
import { INTERCOM_BASE_URLS, type IntercomRegion } from './regions';
import { isLoopbackHost } from './download-hosts';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_STALL_MS, Downloader, type DownloadLimits, type StreamedFile } from './download';
import { IntercomDelayRequired, IntercomSchemaError, errorFromFailure } from './errors';
import { iteratePages, type Cursor, type Page, type Pager, type PagingClient, type Query } from './pagers';
import { limiterFor } from './rate-limit';
import { computeWait, type BackoffOptions } from './rate-limit-headers';
import { Transport, WAIT_WITHOUT_ASKING_MS } from './transport';
import type { IntercomLogger, IntercomStats, TransportRequest } from './transport-types';

/** How to reach one Intercom connection. */
export interface IntercomClientOptions {
  /** Access token or OAuth token (sent as Bearer to the API host only). */
  token: string;
  /** Regional host; default `us`. Ignored when `baseUrl` is set. */
  region?: IntercomRegion;
  /** Overrides the regional host: allowed in local runs only (`local`), e.g. against the emulator. */
  baseUrl?: string;
  /**
   * A local run (our CLI and emulators): the only kind of run that may point the client at a host
   * other than Intercom's regional API hosts, and download over plain http from loopback. Set by code
   * (`createFunctions({ local: true })`), never from an event: a run on DevRev is never local.
   */
  local?: boolean;
  /** Timeout of one attempt, ms. Default 30 000. */
  timeoutMs?: number;
  /** Retries per request (429, 5xx, network, malformed body). Default 5. */
  maxRetries?: number;
  /**
   * Asked before every wait (see `WAIT_WITHOUT_ASKING_MS`); `false` makes the client throw
   * `IntercomDelayRequired` (the worker emits DELAY). Default: always true.
   */
  canWait?: (ms: number) => boolean;
  logger?: IntercomLogger;
  /** Back-off tuning when the headers give no wait (tests use small values). */
  backoff?: BackoffOptions;
  /** Most requests in flight per connection (applies when the connection's limiter is first created). Default 64; see ConnectionLimiter. */
  maxConcurrent?: number;
  /** Local runs only: hosts (`host:port`) whose files may be downloaded besides Intercom's file hosts (the emulator). */
  localFileHosts?: readonly string[];
  /** Per-file limits of downloads; defaults `DEFAULT_MAX_FILE_BYTES`, `DEFAULT_STALL_MS`. */
  fileLimits?: Partial<DownloadLimits>;
}

/** Options of a JSON request. */
export interface RequestOptions<T> {
  query?: Query;
  /** Validates the response; use loose objects so unknown fields pass through. */
  schema?: z.ZodType<T>;
  /** Object kind for schema errors (`contact`, `conversation`...). */
  kind?: string;
}

/** A streamed download: status, headers, and the body as a readable stream (never buffered). */
export type DownloadResponse = StreamedFile;

export class IntercomClient implements PagingClient {
  /** The API base URL in use (regional host or override), without trailing slash. */
  readonly baseUrl: string;
  private readonly transport: Transport;
  private readonly token: string;
  private readonly canWait: (ms: number) => boolean;
  private readonly backoff?: BackoffOptions;
  private readonly downloader: Downloader;

  constructor(options: IntercomClientOptions) {
    if (typeof options.token !== 'string' || options.token.trim() === '') {
      throw new Error('IntercomClient: the Intercom token is missing (connection_data.key is empty)');
    }
    const baseUrl = (options.baseUrl ?? INTERCOM_BASE_URLS[options.region ?? 'us']).replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
      throw new Error(`IntercomClient: base URL "${baseUrl}" is not an http(s) URL`);
    }
    if (!options.local && !Object.values(INTERCOM_BASE_URLS).includes(baseUrl)) {
      throw new Error(`IntercomClient: base URL "${baseUrl}" is not one of Intercom's regional hosts; another host is allowed in local runs only`);
    }
    if (baseUrl.startsWith('http:') && !isLoopbackHost(new URL(baseUrl).hostname)) {
      throw new Error(`IntercomClient: base URL "${baseUrl}" is plain http on a host that is not loopback; the token travels over https only`);
    }
    this.baseUrl = baseUrl;
    this.token = options.token;
    this.canWait = options.canWait ?? (() => true);
    this.backoff = options.backoff;
    this.transport = new Transport({
      baseUrl,
      token: options.token,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 5,
      canWait: this.canWait,
      limiter: limiterFor(baseUrl, options.token, { maxConcurrent: options.maxConcurrent }),
      logger: options.logger,
      backoff: options.backoff,
    });
    this.downloader = new Downloader(
      this.transport,
      baseUrl,
      { local: options.local === true, localHosts: options.local ? options.localFileHosts ?? [] : [] },
      { maxBytes: options.fileLimits?.maxBytes ?? DEFAULT_MAX_FILE_BYTES, stallMs: options.fileLimits?.stallMs ?? DEFAULT_STALL_MS },
      [options.token],
    );
  }

  /** GET `path`; validated with `schema` when given. */
  get<T = unknown>(path: string, options: RequestOptions<T> = {}): Promise<T> {
    return this.json('GET', path, undefined, options, true);
  }

  /** GET `path` with the answer's headers too (e.g. `Date`, Intercom's clock). */
  async getWithHeaders<T = unknown>(path: string, options: RequestOptions<T> = {}): Promise<{ data: T; headers: Record<string, unknown> }> {
    const result = await this.transport.send({ method: 'GET', url: path, query: options.query, idempotent: true });
    if (!result.ok) throw errorFromFailure(result, [this.token]);
    return { data: this.validated('GET', path, result.data, options), headers: result.headers };
  }

  /**
   * POST `path`. Not retried after a 5xx or network failure unless `idempotent` (searches are);
   * 429 is always retried (Intercom did not process the request).
   */
  post<T = unknown>(path: string, body: unknown, options: RequestOptions<T> & { idempotent?: boolean } = {}): Promise<T> {
    return this.json('POST', path, body, options, options.idempotent ?? false);
  }

  /** PUT `path` (idempotent by HTTP semantics, so retried). */
  put<T = unknown>(path: string, body: unknown, options: RequestOptions<T> = {}): Promise<T> {
    return this.json('PUT', path, body, options, true);
  }

  /** Pages of `pager`, from the start or from `from` (a page's `next`). */
  paginate<T>(pager: Pager<T>, from?: Cursor | null): AsyncGenerator<Page<T>> {
    return iteratePages(this, pager, from);
  }

  /**
   * Streams a file whose URL came from content: Intercom's file hosts only (in a local run also
   * `localFileHosts`), never with the token, every redirect hop checked, within the file limits.
   * Failures throw typed errors (`DownloadNotAllowedError`, `FileTooLargeError`, HTTP errors).
   */
  download(url: string): Promise<DownloadResponse> {
    return this.downloader.fetch(url);
  }

  /**
   * Raw JSON request (no schema); throws typed errors. Used by the pagers: each is a listing's page,
   * which the connection's limiter lets go ahead of the detail reads waiting.
   */
  async requestJson(request: {
    method: 'GET' | 'POST';
    path: string;
    query?: Query;
    body?: unknown;
    idempotent?: boolean;
  }): Promise<unknown> {
    return this.send({
      method: request.method,
      url: request.path,
      query: request.query,
      body: request.body,
      idempotent: request.idempotent ?? request.method === 'GET',
      page: true,
    });
  }

  /** Sleeps `ms` if the caller's `canWait` allows it, else throws IntercomDelayRequired. */
  async pause(ms: number, why: string): Promise<void> {
    if (ms > WAIT_WITHOUT_ASKING_MS && !this.canWait(ms)) throw new IntercomDelayRequired(ms / 1000, why);
    if (ms <= 0) return;
    const endPause = this.transport.pauses.begin();
    await new Promise((resolve) => setTimeout(resolve, ms));
    endPause();
  }

  /** The client's back-off before retry number `attempt` when no header gives a wait. */
  backoffMs(attempt: number): number {
    return computeWait(undefined, attempt, Date.now(), this.backoff);
  }

  /** Cumulative counters of this client. */
  stats(): IntercomStats {
    return this.transport.stats;
  }

  private async json<T>(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, options: RequestOptions<T>, idempotent: boolean): Promise<T> {
    const data = await this.send({ method, url: path, query: options.query, body, idempotent });
    return this.validated(method, path, data, options);
  }

  private validated<T>(method: string, path: string, data: unknown, options: RequestOptions<T>): T {
    if (!options.schema) return data as T;
    const parsed = options.schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const id = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).id : undefined;
    throw IntercomSchemaError.fromZod(options.kind ?? `${method} ${path} response`, typeof id === 'string' || typeof id === 'number' ? String(id) : undefined, parsed.error, {
      method,
      path,
    });
  }

  private async send(request: TransportRequest): Promise<unknown> {
    const result = await this.transport.send(request);
    if (!result.ok) throw errorFromFailure(result, [this.token]);
    return result.data;
  }
}
