/**
 * The one error hierarchy of the Intercom client. The transport never throws these: it returns a
 * {@link TransportFailure}, and the client converts it here, in {@link errorFromFailure}.
 * No error carries a token, a header value or an axios object (whose config holds the token).
 */
import type { z } from 'zod';
import { redactSecrets } from '../text/redact';
import { redactUrl } from './redact';
import type { TransportFailure } from './transport-types';

/** Where an error happened and what Intercom said; every field is safe to log. */
export interface IntercomErrorDetails {
  status?: number;
  /** Intercom's error code (`errors[0].code`), e.g. `unauthorized`, `rate_limit_exceeded`. */
  code?: string;
  /** Intercom's `request_id` (Intercom support asks for it). */
  requestId?: string;
  method?: string;
  /** Path (or URL) of the request, sensitive query values redacted. */
  path?: string;
  /** Intercom's own message (`errors[0].message`), secrets scrubbed. */
  intercomMessage?: string;
}

/** Base class: any failure talking to Intercom. */
export class IntercomError extends Error {
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly method?: string;
  readonly path?: string;
  readonly intercomMessage?: string;

  constructor(message: string, details: IntercomErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path === undefined ? undefined : redactUrl(details.path);
    this.intercomMessage = details.intercomMessage;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      method: this.method,
      path: this.path,
      intercomMessage: this.intercomMessage,
    };
  }
}

/**
 * The token is invalid, revoked, or lacks a permission (401, 403). Never retried: the user must
 * reconnect Intercom or fix the connection (its token or the app's permissions / plan).
 */
export class IntercomAuthError extends IntercomError {
  /** `credentials`: the token itself is not accepted; `permission`: accepted, but not allowed here. */
  readonly reason: 'credentials' | 'permission';
  constructor(message: string, details: IntercomErrorDetails, reason: 'credentials' | 'permission') {
    super(message, details);
    this.reason = reason;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}

/** 404 or 410 (e.g. a deleted conversation, a merged contact). */
export class IntercomNotFoundError extends IntercomError {
  /** For 410 `contact_merged`: the canonical resource from the `Link` header, if given. */
  readonly canonical?: string;
  constructor(message: string, details: IntercomErrorDetails, canonical?: string) {
    super(message, details);
    this.canonical = canonical;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), canonical: this.canonical };
  }
}

/** 429 answers kept coming until the request's retry budget ran out. */
export class IntercomRateLimitError extends IntercomError {}

/** 5xx answers kept coming until the retry budget ran out (or the request was not retryable). */
export class IntercomServerError extends IntercomError {}

/** No usable answer: connection refused/reset, timeout, truncated or malformed body. */
export class IntercomNetworkError extends IntercomError {}

/** Any other 4xx: our request was wrong (bad parameter, invalid cursor, conflict...). */
export class IntercomRequestError extends IntercomError {}

/** One problem found by schema validation: where (dotted path) and what. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** A response (or one item of it) does not have the shape we rely on. Field values are never quoted. */
export class IntercomSchemaError extends IntercomError {
  /** The object kind, e.g. `contact`, `conversation`, `admins page`. */
  readonly kind: string;
  /** The object's id, when the response had one. */
  readonly id?: string;
  readonly issues: SchemaIssue[];

  /** `position` names an object without id, e.g. `item 3 of the page`. */
  constructor(kind: string, id: string | undefined, issues: SchemaIssue[], details: IntercomErrorDetails = {}, position?: string) {
    const where = id !== undefined ? `${kind} ${id}` : position !== undefined ? `${kind} (${position})` : kind;
    const what = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
    super(`Invalid ${where} from Intercom: ${what}`, details);
    this.kind = kind;
    this.id = id;
    this.issues = issues;
  }

  /** Builds the error from a zod validation failure. */
  static fromZod(
    kind: string,
    id: string | undefined,
    error: z.ZodError,
    details: IntercomErrorDetails = {},
    position?: string,
  ): IntercomSchemaError {
    const issues = error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    return new IntercomSchemaError(kind, id, issues, details, position);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), kind: this.kind, id: this.id, issues: this.issues };
  }
}

/**
 * The wait needed before the next attempt is longer than the caller allows (its `canWait` said
 * no). The worker should emit DELAY with `delaySeconds` instead of sleeping.
 */
export class IntercomDelayRequired extends IntercomError {
  readonly delaySeconds: number;
  constructor(delaySeconds: number, why: string, details: IntercomErrorDetails = {}) {
    const seconds = Math.max(1, Math.ceil(delaySeconds));
    super(`Intercom needs a pause of ${seconds} s (${why}); longer than this invocation may wait`, details);
    this.delaySeconds = seconds;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), delaySeconds: this.delaySeconds };
  }
}

/** Wait after 429s that outlasted the retry budget (Intercom's window is 10 s; a minute lets it recover). */
export const RATE_LIMIT_RETRY_SECONDS = 60;

/**
 * Seconds after which to try again, when `error` means "not now" rather than "failed": a wait too
 * long for this invocation, or 429s beyond the retry budget (Intercom processed nothing). The
 * worker turns it into a DELAY event; undefined for every other error.
 */
export function retryLaterSeconds(error: unknown): number | undefined {
  if (error instanceof IntercomDelayRequired) return error.delaySeconds;
  if (error instanceof IntercomRateLimitError) return RATE_LIMIT_RETRY_SECONDS;
  return undefined;
}

/** Intercom's `error.list` body, as far as we read it. */
interface ErrorBody {
  requestId?: string;
  code?: string;
  message?: string;
}

function readErrorBody(body: unknown): ErrorBody {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const first = Array.isArray(record.errors) ? (record.errors[0] as Record<string, unknown> | undefined) : undefined;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    requestId: str(record.request_id),
    code: str(first?.code) ?? str(record.code),
    message: str(first?.message) ?? str(record.message),
  };
}

/** Token codes meaning "this credential is not accepted" (shared/docs/intercom-api.md §3). */
const CREDENTIAL_CODES = /^(token_.*|unauthorized|missing_authorization)$/;

function canonicalFromLink(link: unknown): string | undefined {
  if (typeof link !== 'string') return undefined;
  const match = /<([^>]+)>\s*;\s*rel="?canonical"?/i.exec(link);
  return match?.[1];
}

/**
 * THE conversion point: a transport failure becomes exactly one typed error. `secrets` (the token)
 * are scrubbed from any text the server sent back. `fileHost`: the request went to a file host
 * (CDN), not to the API, so a 401/403 there is about the URL, not about the connection.
 */
export function errorFromFailure(
  failure: TransportFailure,
  secrets: readonly string[],
  options: { fileHost?: boolean } = {},
): IntercomError {
  const body = readErrorBody(failure.body);
  const details: IntercomErrorDetails = {
    status: failure.status,
    code: body.code,
    requestId: body.requestId ?? failure.requestIdHeader,
    method: failure.method,
    path: failure.path,
    intercomMessage: body.message === undefined ? undefined : redactSecrets(body.message, secrets),
  };
  const request = `${failure.method} ${redactUrl(failure.path)}`;
  const said = redactSecrets(
    [failure.status, body.code, body.message].filter((p) => p !== undefined).join(' ') || failure.message,
    secrets,
  );
  const ref = details.requestId ? ` (request_id ${details.requestId})` : '';
  const attempts = failure.attempts > 1 ? ` after ${failure.attempts} attempts` : '';

  if (failure.kind === 'delay') {
    return new IntercomDelayRequired(failure.delayMs / 1000, `${request}: ${said}`, details);
  }
  if (failure.kind !== 'status' || failure.status === undefined) {
    return new IntercomNetworkError(`Intercom ${request} failed${attempts}: ${redactSecrets(failure.message, secrets)}`, details);
  }
  const status = failure.status;
  if ((status === 401 || status === 403) && options.fileHost) {
    // A file host (CDN) refusing a signed URL says nothing about the connection's token.
    return new IntercomRequestError(`File host refused ${request} (${said}): signed file URLs expire; read the parent object again for a fresh URL`, details);
  }
  if (status === 401 || status === 403) {
    const reason = status === 401 || CREDENTIAL_CODES.test(body.code ?? '') ? 'credentials' : 'permission';
    const advice =
      reason === 'credentials'
        ? 'Intercom no longer accepts this connection\'s token: reconnect Intercom (or fix the access token of the connection) and run again'
        : 'The Intercom connection is not allowed to do this: grant the app the needed permission (or the workspace the needed plan), reconnect, and run again';
    return new IntercomAuthError(`${advice}. Intercom said on ${request}: ${said}${ref}`, details, reason);
  }
  if (status === 404 || status === 410) {
    return new IntercomNotFoundError(`Intercom ${request}: not found (${said})${ref}`, details, canonicalFromLink(failure.headers?.link));
  }
  if (status === 429) {
    return new IntercomRateLimitError(`Intercom ${request} was rate limited${attempts} (${said})${ref}`, details);
  }
  if (status >= 500) {
    return new IntercomServerError(`Intercom ${request} failed with a server error${attempts} (${said})${ref}`, details);
  }
  return new IntercomRequestError(`Intercom rejected ${request} (${said})${ref}`, details);
}
