/**
 * Which URLs taken from Intercom's content may be fetched (issue 10 §3, §4). Checked for the first
 * URL and for every redirect hop; the address a hostname resolves to is checked by the download
 * agent's lookup ({@link ./guarded-agent}), so the address checked is the one connected to.
 * - https only; plain http only in a local run, on a loopback host the run named (the emulator);
 * - the host: one of Intercom's file hosts (`file-hosts.ts`), or in a local run a named host;
 *   never Intercom's API hosts (a content URL there would be an API call);
 * - an address literal (or a resolved address) must be public: no loopback, private, link-local,
 *   metadata (169.254.169.254), unique-local, CGNAT, multicast or reserved ranges.
 */
import ipaddr from 'ipaddr.js';
import { IntercomError } from './errors';
import { isIntercomApiHost, isIntercomFileHost } from './file-hosts';
import { redactForMessage } from './redact';

/** Where downloads may go in this run. */
export interface DownloadPolicy {
  /** A local run (CLI, emulators): `localHosts` are allowed, over http too when on loopback. */
  local: boolean;
  /** Local runs only: `host:port` (or hostname) of the emulator, whose files are on its own host. */
  localHosts: readonly string[];
}

/** Thrown (before any request, or at connect time for a resolved address) for a URL we refuse to fetch. */
export class DownloadNotAllowedError extends IntercomError {
  /** The refused URL, without its query (signed URLs carry credentials there). */
  readonly url: string;
  constructor(url: string, reason: string) {
    super(`Refusing to download ${url}: ${reason}`, { method: 'GET', path: url });
    this.url = url;
  }
}

/** `localhost`, or an IPv4/IPv6 loopback address literal. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1';
}

/** Why `address` may not be connected to (its range), or undefined when it is a public unicast address. */
export function refusedAddressRange(address: string, allowLoopback: boolean): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return 'not an IP address';
  const range = ipaddr.process(bare).range();
  if (range === 'unicast' || (allowLoopback && range === 'loopback')) return undefined;
  return range;
}

/** Is `host` (hostname, or `host:port`) one the local run named? */
function isLocalHost(url: URL, policy: DownloadPolicy): boolean {
  if (!policy.local) return false;
  const wanted = [url.host.toLowerCase(), url.hostname.toLowerCase()];
  return policy.localHosts.some((h) => wanted.includes(h.toLowerCase()));
}

/** May a connection to `hostname` land on a loopback address (a local run's named loopback host)? */
export function allowsLoopback(hostname: string, policy: DownloadPolicy): boolean {
  return policy.local && isLoopbackHost(hostname) && policy.localHosts.some((h) => h.toLowerCase().split(':')[0] === hostname.toLowerCase());
}

/**
 * Parses `url` (a relative one resolves against `base`) and checks it against `policy`. Returns the
 * absolute URL; throws {@link DownloadNotAllowedError} naming the reason.
 */
export function checkDownloadUrl(url: string, base: string, policy: DownloadPolicy): URL {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    throw new DownloadNotAllowedError(redactForMessage(url), 'not a valid URL');
  }
  const shown = redactForMessage(parsed.toString());
  const local = isLocalHost(parsed, policy);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local && isLoopbackHost(parsed.hostname))) {
    throw new DownloadNotAllowedError(shown, `protocol ${parsed.protocol} is not allowed (https only${policy.local ? '; http on the emulator\'s loopback host' : ''})`);
  }
  if (isIntercomApiHost(parsed.hostname)) {
    throw new DownloadNotAllowedError(shown, `host ${parsed.hostname} is Intercom's API host: URLs from content are never fetched there`);
  }
  if (!local && !isIntercomFileHost(parsed.hostname)) {
    throw new DownloadNotAllowedError(shown, `host ${parsed.hostname} is not an Intercom file host`);
  }
  if (ipaddr.isValid(parsed.hostname.replace(/^\[|\]$/g, ''))) {
    const range = refusedAddressRange(parsed.hostname, local && isLoopbackHost(parsed.hostname));
    if (range) throw new DownloadNotAllowedError(shown, `address ${parsed.hostname} is ${range}, not a public address`);
  }
  return parsed;
}
