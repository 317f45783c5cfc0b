/**
 * The HTTP transport of one Intercom client: one axios instance with axios-retry, the connection's
 * limiter, response parsing and counters. It never throws for an HTTP or network failure: it
 * returns a {@link TransportResult}, which the client converts to a typed error.
 */
import { Readable, Transform, pipeline } from 'node:stream';
import axios, { AxiosError, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import axiosRetry, { type IAxiosRetryConfig } from 'axios-retry';
import { INTERCOM_VERSION } from './constants';
import { DownloadNotAllowedError } from './download-hosts';
import { redactHeaders, redactUrl } from './redact';
import { PauseClock } from './pause-clock';
import { PacingWaitTooLong } from './rate-limit';
import { computeWait, headerValue } from './rate-limit-headers';
import type { IntercomStats, TransportFailure, TransportOptions, TransportRequest, TransportResult } from './transport-types';

/**
 * Sleeps up to this long without asking `canWait`: none. Short waits add up (several requests of a
 * chunk each sleeping a little near the end of an invocation ran past the hard timeout), and a
 * caller with time left says yes anyway.
 */
export const WAIT_WITHOUT_ASKING_MS = 0;

/**
 * First back-off step of a file download's retry at most (then doubling, with jitter), where the
 * API's is 1 s: files come from a CDN, where a 5xx or a reset is a passing fault of one edge, not an
 * API asking for less load (AWS's SDKs start S3 retries at 100 ms).
 */
const CONTENT_BACKOFF_BASE_MS = 200;

/** Per-request facts the retry hooks and the adapter need; travels on the axios config. */
interface RequestMeta {
  idempotent: boolean;
  content: boolean;
  /** A listing's page (queued ahead of detail reads). */
  page: boolean;
  nextDelayMs?: number;
  delayRequiredMs?: number;
  /** Ends the retry back-off under way (called when the retry reaches the adapter). */
  endBackoff?: () => void;
}
type MetaConfig = InternalAxiosRequestConfig & { intercomMeta?: RequestMeta; 'axios-retry'?: IAxiosRetryConfig & { retryCount?: number } };

function metaOf(config: AxiosRequestConfig | undefined): RequestMeta | undefined {
  return (config as MetaConfig | undefined)?.intercomMeta;
}

function attemptsOf(config: InternalAxiosRequestConfig | undefined): number {
  return ((config as MetaConfig | undefined)?.['axios-retry']?.retryCount ?? 0) + 1;
}

function plainHeaders(headers: unknown): Record<string, unknown> {
  if (headers && typeof (headers as { toJSON?: unknown }).toJSON === 'function') {
    return (headers as { toJSON(): Record<string, unknown> }).toJSON();
  }
  return { ...(headers as Record<string, unknown> | undefined) };
}

/** The HTTP status that failed the request; undefined when the failure was the connection or the body of a 2xx. */
function failedStatus(error: AxiosError): number | undefined {
  const status = error.response?.status;
  return status === undefined || (status >= 200 && status < 300) ? undefined : status;
}

export class Transport {
  private readonly counters: Omit<IntercomStats, 'waitedMs'> = { requests: 0, retries: 0, rateLimited: 0, serverErrors: 0, bytes: 0 };
  /** Waits of this transport's requests (and the client's pauses). */
  readonly pauses = new PauseClock();
  private readonly http: AxiosInstance;
  private readonly apiOrigin: string;

  constructor(private readonly options: TransportOptions) {
    this.apiOrigin = new URL(options.baseUrl).origin;
    const stats = this.counters;
    const pauses = this.pauses;
    const nodeAdapter = axios.getAdapter('http');
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      headers: { 'Intercom-Version': INTERCOM_VERSION, Accept: 'application/json' },
      responseType: 'text',
      // Never follow redirects blindly: an API call gets none, a download checks every hop itself.
      maxRedirects: 0,
      // Parsing is ours: a malformed 2xx body must be retried, an error page must keep its status.
      transformResponse: [
        function parseBody(this: InternalAxiosRequestConfig, data: unknown, _headers: unknown, status?: number) {
          if (typeof data !== 'string') return data;
          stats.bytes += Buffer.byteLength(data);
          if (data.trim() === '') return undefined;
          try {
            return JSON.parse(data);
          } catch {
            if (status !== undefined && status >= 200 && status < 300) {
              throw new AxiosError(`malformed or truncated JSON body in a ${status} answer`, AxiosError.ERR_BAD_RESPONSE, this);
            }
            return data;
          }
        },
      ],
      adapter: (config) => {
        const url = axios.getUri(config);
        const toApi = !metaOf(config)?.content && new URL(url).origin === this.apiOrigin;
        // The token goes only to the client's own calls to the API host, never with a URL from content.
        if (toApi) {
          config.headers.set('Authorization', `Bearer ${options.token}`);
        } else {
          config.headers.delete('Authorization');
          config.headers.delete('Intercom-Version');
        }
        if (config.responseType === 'stream') {
          config.headers.set('Accept', '*/*');
          // A file as stored: its Content-Length is then its exact size, so it is uploaded as it arrives.
          config.headers.set('Accept-Encoding', 'identity');
        }
        metaOf(config)?.endBackoff?.();
        const attempt = () => this.attempt(nodeAdapter, config, url);
        if (!toApi) return attempt();
        return options.limiter.schedule(attempt, options.canWait, pauses, metaOf(config)?.page ? 'page' : 'read');
      },
    });
    axiosRetry(this.http, {
      retries: options.maxRetries,
      shouldResetTimeout: true,
      retryCondition: (error) => this.shouldRetry(error),
      retryDelay: (_count, error) => metaOf(error.config)?.nextDelayMs ?? 0,
      onRetry: (count, error, config) => {
        const meta = metaOf(config);
        const waitMs = meta?.nextDelayMs ?? 0;
        stats.retries += 1;
        if (meta && waitMs > 0) meta.endBackoff = pauses.begin();
        options.logger?.warn(
          {
            method: config.method?.toUpperCase(),
            path: redactUrl(config.url ?? ''),
            status: error.response?.status,
            error: error.response ? undefined : error.code ?? error.message,
            retry: count,
            waitMs,
          },
          'retrying Intercom request',
        );
      },
    });
  }

  /** Cumulative counters (a copy). */
  get stats(): IntercomStats {
    return { ...this.counters, waitedMs: this.pauses.totalMs() };
  }

  /** Sends one request (with its retries); never throws for HTTP or network failures. */
  async send(request: TransportRequest): Promise<TransportResult> {
    const base = { ok: false as const, method: request.method, path: request.url };
    // Files from content go to the file hosts, which the API's rate limit does not meter.
    const pacingWait = request.content ? 0 : this.options.limiter.expectedWaitMs();
    if (pacingWait > WAIT_WITHOUT_ASKING_MS && !this.options.canWait(pacingWait)) {
      return { ...base, kind: 'delay', delayMs: pacingWait, attempts: 0, message: 'rate-limit window used up' };
    }
    const meta: RequestMeta = { idempotent: request.idempotent, content: request.content !== undefined, page: request.page === true };
    // An encoded file is decoded by the downloader, not axios, which would drop `content-encoding` and
    // leave the compressed length beside the decoded bytes.
    const content = request.content ? { proxy: false as const, httpAgent: request.content.httpAgent, httpsAgent: request.content.httpsAgent, decompress: false } : {};
    try {
      const response = await this.http.request({
        method: request.method,
        url: request.url,
        params: request.query,
        data: request.body,
        responseType: request.responseType === 'stream' ? 'stream' : 'text',
        intercomMeta: meta,
        ...content,
      } as MetaConfig);
      return { ok: true, status: response.status, headers: plainHeaders(response.headers), data: response.data, attempts: attemptsOf(response.config) };
    } catch (error) {
      return this.failureOf(error, base);
    }
  }

  private failureOf(error: unknown, base: { ok: false; method: string; path: string }): TransportFailure {
    if (error instanceof PacingWaitTooLong) return { ...base, kind: 'delay', delayMs: error.waitMs, attempts: 0, message: error.message };
    if (!axios.isAxiosError(error)) {
      const message = error instanceof Error ? error.message : String(error);
      return { ...base, kind: 'network', attempts: 1, message };
    }
    const attempts = attemptsOf(error.config);
    const delayRequiredMs = metaOf(error.config)?.delayRequiredMs;
    const response = error.response;
    const headers = response ? plainHeaders(response.headers) : undefined;
    const common = {
      ...base,
      attempts,
      status: response?.status,
      headers,
      body: response && !(response.data instanceof Readable) ? response.data : undefined,
      requestIdHeader: headerValue(headers, 'x-request-id'),
    };
    if (delayRequiredMs !== undefined) {
      return { ...common, kind: 'delay', delayMs: delayRequiredMs, message: response ? `status ${response.status}` : error.message };
    }
    const status = failedStatus(error);
    if (status !== undefined) return { ...common, kind: 'status', status, message: `status ${status}` };
    if (error.cause instanceof DownloadNotAllowedError) return { ...common, kind: 'network', refused: true, message: error.cause.message };
    const message = error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
    return { ...common, kind: 'network', message };
  }

  /** One HTTP attempt: counts it, feeds the limiter, wraps a streamed body to count its bytes. */
  private async attempt(
    nodeAdapter: (config: InternalAxiosRequestConfig) => Promise<AxiosResponse>,
    config: InternalAxiosRequestConfig,
    url: string,
  ): Promise<AxiosResponse> {
    const stats = this.counters;
    stats.requests += 1;
    this.options.logger?.debug(
      { method: config.method?.toUpperCase(), url: redactUrl(url), headers: redactHeaders(plainHeaders(config.headers)) },
      'Intercom request',
    );
    const observe = (response: AxiosResponse) => {
      if (response.status === 429) stats.rateLimited += 1;
      if (response.status >= 500) stats.serverErrors += 1;
      if (new URL(url).origin === this.apiOrigin) this.options.limiter.observe(plainHeaders(response.headers), Date.now(), response.status);
    };
    let response: AxiosResponse;
    try {
      response = await nodeAdapter(config);
    } catch (error) {
      if (axios.isAxiosError(error) && error.response) {
        observe(error.response);
        if (error.response.data instanceof Readable) error.response.data.destroy();
      }
      throw error;
    }
    observe(response);
    if (response.data instanceof Readable) response.data = this.countingStream(response.data);
    return response;
  }

  private countingStream(source: Readable): Readable {
    const stats = this.counters;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        stats.bytes += chunk.length;
        done(null, chunk);
      },
    });
    pipeline(source, counter, () => undefined);
    return counter;
  }

  /** axios-retry's condition: decides, computes the wait once, and asks canWait for long waits. */
  private shouldRetry(error: AxiosError): boolean {
    const meta = metaOf(error.config);
    if (!meta) return false;
    const status = failedStatus(error);
    let retryable: boolean;
    if (status === 429) retryable = true;
    else if (status !== undefined && status >= 500) retryable = meta.idempotent;
    else if (status !== undefined) retryable = false;
    else retryable = error.code !== AxiosError.ERR_CANCELED && !(error.cause instanceof DownloadNotAllowedError) && meta.idempotent;
    if (!retryable) return false;

    const retryNumber = attemptsOf(error.config);
    const headers = error.response ? plainHeaders(error.response.headers) : undefined;
    const backoff = meta.content ? { ...this.options.backoff, baseMs: Math.min(this.options.backoff?.baseMs ?? CONTENT_BACKOFF_BASE_MS, CONTENT_BACKOFF_BASE_MS) } : this.options.backoff;
    const waitMs = computeWait(headers, retryNumber, Date.now(), backoff, status);
    if (waitMs > WAIT_WITHOUT_ASKING_MS && !this.options.canWait(waitMs)) {
      meta.delayRequiredMs = waitMs;
      return false;
    }
    meta.nextDelayMs = waitMs;
    return true;
  }
}
