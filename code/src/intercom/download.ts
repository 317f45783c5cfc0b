/**
 * Downloads of URLs taken from Intercom's content (issue 10 §3, §4, §11): never with credentials,
 * every redirect hop checked against the {@link DownloadPolicy} (a small cap, no automatic
 * following), addresses checked at connect time by the guarded agents, and per-file limits: a size
 * cap (announced or streamed) and a stall timeout while the body is read.
 */
import { Transform, type Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { checkDownloadUrl, DownloadNotAllowedError, type DownloadPolicy } from './download-hosts';
import { redactForMessage } from './redact';
import { IntercomError, IntercomNetworkError, IntercomRequestError, errorFromFailure } from './errors';
import { downloadAgents } from './guarded-agent';
import { headerValue } from './rate-limit-headers';
import type { Transport } from './transport';

/** Redirect hops followed per file (Intercom's own URLs redirect once, if at all). */
export const MAX_REDIRECTS = 3;
/** Default size limit of one file (bytes). */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Default time a file's body may send nothing before the download is abandoned (ms). */
export const DEFAULT_STALL_MS = 30_000;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A file over the size limit: permanent (skipped, reported with the reason). */
export class FileTooLargeError extends IntercomError {}
/** A file whose body stopped arriving: transient (another invocation may get it). */
export class DownloadStalledError extends IntercomError {}
/** A file whose connection ended before its declared length, or that sent more: transient. */
export class DownloadCutError extends IntercomNetworkError {}

export interface DownloadLimits {
  maxBytes: number;
  stallMs: number;
}

export interface StreamedFile {
  status: number;
  headers: Record<string, unknown>;
  data: Readable;
  /** The URL fetched (after redirects), without its query. */
  url: string;
  /**
   * The file's exact size when the answer declares it for the bytes as stored (no content
   * encoding); `data` then fails with {@link DownloadCutError} unless exactly that many arrive.
   */
  length?: number;
}

/** Fetches `url` under `policy` and `limits`, following at most {@link MAX_REDIRECTS} checked hops. */
export class Downloader {
  private readonly agents;

  constructor(
    private readonly transport: Transport,
    private readonly baseUrl: string,
    private readonly policy: DownloadPolicy,
    private readonly limits: DownloadLimits,
    private readonly secrets: readonly string[],
  ) {
    this.agents = downloadAgents(policy);
  }

  async fetch(url: string): Promise<StreamedFile> {
    let target = checkDownloadUrl(url, this.baseUrl, this.policy);
    for (let hop = 0; ; hop += 1) {
      const shown = redactForMessage(`${target.origin}${target.pathname}`);
      const result = await this.transport.send({ method: 'GET', url: target.toString(), responseType: 'stream', idempotent: true, content: this.agents });
      if (result.ok) return this.limited(result.status, result.headers, result.data as Readable, shown);
      if (result.refused) throw new DownloadNotAllowedError(shown, result.message);
      const location = result.kind === 'status' && REDIRECT_STATUSES.has(result.status) ? headerValue(result.headers, 'location') : undefined;
      if (location === undefined) throw errorFromFailure({ ...result, path: shown }, this.secrets, { fileHost: true });
      if (hop >= MAX_REDIRECTS) throw new DownloadNotAllowedError(shown, `more than ${MAX_REDIRECTS} redirects`);
      target = checkDownloadUrl(location, target.toString(), this.policy);
    }
  }

  private limited(status: number, headers: Record<string, unknown>, body: Readable, shown: string): StreamedFile {
    const { maxBytes, stallMs } = this.limits;
    const details = { method: 'GET', path: shown };
    const declared = Number(headerValue(headers, 'content-length') ?? NaN);
    const encoding = String(headerValue(headers, 'content-encoding') ?? 'identity').trim().toLowerCase();
    const decoder = encoding === 'identity' ? undefined : decoderFor(encoding);
    if (decoder === null) {
      body.destroy();
      throw new IntercomRequestError(`File ${shown} came with an unknown encoding "${encoding}"`, details);
    }
    const announced = Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
    if (decoder === undefined && announced !== undefined && announced > maxBytes) {
      body.destroy();
      throw new FileTooLargeError(`File ${shown} is ${announced} bytes, over the limit of ${maxBytes} bytes`, details);
    }
    // Stored bytes with a declared length: that length is the file's exact size (checked as it arrives).
    const length = decoder === undefined ? announced : undefined;
    let seen = 0;
    let timer: NodeJS.Timeout | undefined;
    const guard = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        if (seen > maxBytes) return done(new FileTooLargeError(`File ${shown} is over the limit of ${maxBytes} bytes`, details));
        if (length !== undefined && seen > length) return done(new DownloadCutError(`File ${shown} sent more than its Content-Length of ${length} bytes`, details));
        arm();
        done(null, chunk);
      },
      flush(done) {
        clearTimeout(timer);
        if (length !== undefined && seen !== length) return done(new DownloadCutError(`File ${shown} ended after ${seen} of its ${length} bytes`, details));
        done();
      },
    });
    // The stall clock runs once someone reads: a reader not yet attached is not a stalled server.
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => guard.destroy(new DownloadStalledError(`File ${shown} sent nothing for ${stallMs} ms`, details)), stallMs);
      timer.unref();
    };
    guard.once('newListener', arm);
    guard.once('close', () => clearTimeout(timer));
    // A connection lost midway is a passing failure of this file, whatever the socket called it.
    const cut = (error: Error) => guard.destroy(error instanceof IntercomError ? error : new DownloadCutError(`File ${shown} was cut off after ${seen} bytes: ${error.message}`, details));
    body.on('error', cut);
    if (decoder) {
      decoder.on('error', cut);
      body.pipe(decoder).pipe(guard);
    } else {
      body.pipe(guard);
    }
    return { status, headers, data: guard, url: shown, length };
  }
}

/** The decoder of a `Content-Encoding` (null: one we cannot decode). */
function decoderFor(encoding: string): Transform | null {
  if (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate') return zlib.createUnzip();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  return null;
}
