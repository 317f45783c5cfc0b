/**
 * Secret hygiene at the edge: the one list of sensitive headers and query parameters, and helpers
 * that every log line and error message of this folder goes through (secret values in free text:
 * `text/redact.ts`).
 */

/** Header names (lower case) whose values never appear in logs or errors. */
export const SENSITIVE_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-intercom-token',
];

/** Query parameter names (lower case) whose values never appear in logs or errors. */
export const SENSITIVE_QUERY_PARAMS: readonly string[] = [
  'access_token',
  'token',
  'client_secret',
  'code',
  'key',
  'signature',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
];

import { REDACTED } from '../text/redact';

export { REDACTED };

/** A copy of `headers` with the value of every sensitive header replaced by `[REDACTED]`. */
export function redactHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    out[name] = SENSITIVE_HEADERS.includes(name.toLowerCase()) ? REDACTED : value;
  }
  return out;
}

/** A URL or path with sensitive query parameter values replaced; unparsable input is returned scrubbed of its query. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  for (const name of [...params.keys()]) {
    if (SENSITIVE_QUERY_PARAMS.includes(name.toLowerCase())) params.set(name, REDACTED);
  }
  // URLSearchParams encodes the brackets of [REDACTED]; keep the marker readable.
  return `${url.slice(0, queryStart)}?${params.toString().replace(/%5BREDACTED%5D/g, REDACTED)}`;
}

/** Signed URLs carry credentials in their query: show only origin and path. */
export function redactForMessage(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : `${url.slice(0, cut)}?…`;
}
