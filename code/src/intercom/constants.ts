/**
 * Fixed facts about Intercom's API that the client relies on. One constant each, so a version bump
 * or a new region is a one-line change (see shared/docs/intercom-api.md §1).
 */

/** The API version we code against; sent as `Intercom-Version` on every call. */
export const INTERCOM_VERSION = '2.16';

/** Intercom's hosting regions, as stored per connection (`intercom_region`). */
export type IntercomRegion = 'us' | 'eu' | 'au';

/** Regional REST API base URLs (the `servers` of the OpenAPI description). */
export const INTERCOM_BASE_URLS: Readonly<Record<IntercomRegion, string>> = {
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
};

export const DEFAULT_REGION: IntercomRegion = 'us';

/** Parses a region name; anything else is a clear error naming the bad value. */
export function parseRegion(value: string | undefined): IntercomRegion {
  const region = (value ?? '').trim().toLowerCase();
  if (region === '') return DEFAULT_REGION;
  if (region === 'us' || region === 'eu' || region === 'au') return region;
  throw new Error(`Unknown Intercom region "${value}": expected one of us, eu, au`);
}
