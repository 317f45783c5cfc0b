/**
 * Intercom's hosting regions: the one home of their names and API hosts (shared/docs/intercom-api.md
 * §1, the `servers` of the 2.16 OpenAPI description). The region is read from the connection itself
 * (`GET /me` → `app.region`, e.g. "EU"); an `intercom_region` option or `--region` flag is only an
 * override, checked against what `/me` says.
 */

export const REGIONS = ['us', 'eu', 'au'] as const;
export type IntercomRegion = (typeof REGIONS)[number];

/** Regional REST API base URLs. */
export const INTERCOM_BASE_URLS: Readonly<Record<IntercomRegion, string>> = {
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
};

/** The Intercom web app (inbox, profiles) of each region: the base of links back to Intercom. */
export const INTERCOM_APP_URLS: Readonly<Record<IntercomRegion, string>> = {
  us: 'https://app.intercom.com',
  eu: 'https://app.eu.intercom.com',
  au: 'https://app.au.intercom.com',
};

/** The host that routes a request to the workspace's region: where `/me` is asked before the region is known. */
export const ROUTING_BASE_URL = INTERCOM_BASE_URLS.us;

/** A region name as a user types it ("EU", " au"); '' or undefined → undefined; anything else is an error naming the value. */
export function parseRegion(value: string | undefined | null): IntercomRegion | undefined {
  const region = (value ?? '').trim().toLowerCase();
  if (region === '' || region === 'auto') return undefined;
  if ((REGIONS as readonly string[]).includes(region)) return region as IntercomRegion;
  throw new Error(`Unknown Intercom region "${value}": expected one of ${REGIONS.join(', ')}`);
}

/** The region `/me` names (`app.region`: "US", "EU", "AU"); undefined when it names none we know. */
export function regionOfApp(appRegion: unknown): IntercomRegion | undefined {
  if (typeof appRegion !== 'string') return undefined;
  const region = appRegion.trim().toLowerCase();
  return (REGIONS as readonly string[]).includes(region) ? (region as IntercomRegion) : undefined;
}

/** The region name `/me` states (`app.region`), for people to read: "US" when it states none (the routing host's). */
export function appRegionName(appRegion: string | null | undefined): string {
  return (appRegion ?? 'US').toUpperCase();
}

/** The region chosen as an override disagrees with the workspace's own. */
export class RegionMismatchError extends Error {
  override name = 'RegionMismatchError';
}

/**
 * The region to call: the workspace's own (from `/me`), which an override must agree with. Without
 * either, `us` (whose host routes to the right region anyway).
 */
export function resolveRegion(appRegion: unknown, override: IntercomRegion | undefined, workspaceName = 'The workspace'): IntercomRegion {
  const actual = regionOfApp(appRegion);
  if (override && actual && override !== actual) {
    throw new RegionMismatchError(
      `${workspaceName} is hosted in Intercom's ${actual.toUpperCase()} region, but the Intercom region option says ` +
        `${override.toUpperCase()}: set the option to ${actual} or leave it empty (the region is read from the connection).`,
    );
  }
  return actual ?? override ?? 'us';
}
