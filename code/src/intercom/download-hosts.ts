/**
 * The download allow-list: attachment and image URLs come from Intercom's data, so before fetching
 * one we check that it points at Intercom (or at the configured API host, e.g. an emulator).
 */
import { INTERCOM_DOWNLOAD_DOMAINS, INTERCOM_DOWNLOAD_HOST_PATTERNS } from './constants';
import { IntercomError } from './errors';

/** True when `hostname` is one of Intercom's file hosts (a listed domain, a sub-domain of one, or a pattern). */
export function isIntercomHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    INTERCOM_DOWNLOAD_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`)) ||
    INTERCOM_DOWNLOAD_HOST_PATTERNS.some((pattern) => pattern.test(host))
  );
}

/** `localhost`, or an IPv4/IPv6 loopback address literal. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1';
}

/** Thrown (before any request) for a URL we refuse to fetch. */
export class DownloadNotAllowedError extends IntercomError {
  /** The refused URL, without its query (signed URLs carry credentials there). */
  readonly url: string;
  constructor(url: string, reason: string) {
    super(`Refusing to download ${url}: ${reason}`, { method: 'GET', path: url });
    this.url = url;
  }
}

/**
 * Parses `url` (relative URLs resolve against the API base URL) and checks it: http(s) only, and
 * its host an Intercom host, the API host (`host:port` as configured), or one of `extraHosts`
 * (hostnames or `host:port`). Returns the absolute URL.
 */
export function checkDownloadUrl(url: string, apiBaseUrl: string, extraHosts: readonly string[] = []): URL {
  let parsed: URL;
  try {
    parsed = new URL(url, apiBaseUrl);
  } catch {
    throw new DownloadNotAllowedError(redactForMessage(url), 'not a valid URL');
  }
  const shown = redactForMessage(parsed.toString());
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new DownloadNotAllowedError(shown, `protocol ${parsed.protocol} is not http(s)`);
  }
  const api = new URL(apiBaseUrl);
  const host = parsed.host.toLowerCase();
  const allowed =
    host === api.host.toLowerCase() ||
    extraHosts.some((h) => h.toLowerCase() === host || h.toLowerCase() === parsed.hostname.toLowerCase()) ||
    isIntercomHost(parsed.hostname);
  if (!allowed) throw new DownloadNotAllowedError(shown, `host ${parsed.hostname} is not an Intercom host nor the configured API host`);
  return parsed;
}

/** Signed URLs carry credentials in their query: show only origin and path. */
function redactForMessage(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : `${url.slice(0, cut)}?…`;
}
