/**
 * The one list of hosts that serve Intercom's files (attachment and inline-image CDNs, avatars,
 * help-center assets; shared/docs/intercom-api.md §7.13). Pure, so `normalize/` can use it too.
 */
import { INTERCOM_APP_URLS, INTERCOM_BASE_URLS } from './regions';

/**
 * Registrable domains owned by Intercom whose hosts (the domain or a sub-domain: `host === d` or
 * `host.endsWith('.' + d)`, never a bare suffix match, so `evilintercom.io` and
 * `downloads.intercomcdn.com.evil.com` stay out) serve files.
 */
export const INTERCOM_FILE_DOMAINS: readonly string[] = [
  'intercom.io',
  'intercom.com',
  'intercomcdn.com',
  'intercomcdn.eu',
  'intercomassets.com',
  'intercomassets.eu',
  'intercomusercontent.com',
  'intercom-mail.com',
];

/** Intercom's numbered attachment domains (`intercom-attachments-7.com`), and their sub-domains. */
const NUMBERED_ATTACHMENT_DOMAIN = /^([a-z0-9-]+\.)*intercom-attachments(-\d+)?\.(com|eu)$/;

/** Hosts under those domains that are not file hosts: the API (it needs the token) and the web app. */
const NOT_FILE_HOSTS: ReadonlySet<string> = new Set([
  ...[...Object.values(INTERCOM_BASE_URLS), ...Object.values(INTERCOM_APP_URLS)].map((url) => new URL(url).hostname),
  'app.intercom.io',
]);

function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** True for Intercom's API hosts (`api.intercom.io`, `api.eu.intercom.io`, `api.au.intercom.io`). */
export function isIntercomApiHost(hostname: string): boolean {
  return Object.values(INTERCOM_BASE_URLS).some((url) => new URL(url).hostname === normalizeHost(hostname));
}

/** True when `hostname` serves Intercom's files: a listed domain or a sub-domain of one, never the API or the web app. */
export function isIntercomFileHost(hostname: string): boolean {
  const host = normalizeHost(hostname);
  if (NOT_FILE_HOSTS.has(host)) return false;
  return INTERCOM_FILE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`)) || NUMBERED_ATTACHMENT_DOMAIN.test(host);
}
