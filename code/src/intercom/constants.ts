/**
 * Fixed facts about Intercom's API that the client relies on. One constant each, so a version bump
 * is a one-line change (see shared/docs/intercom-api.md §1). Regions and their hosts: `regions.ts`.
 */

/** The API version we code against; sent as `Intercom-Version` on every call. */
export const INTERCOM_VERSION = '2.16';

