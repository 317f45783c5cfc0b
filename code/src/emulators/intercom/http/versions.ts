import { IntercomHttpError } from './errors';

/** Values of `Intercom-Version` the 2.16 description accepts (`intercom_version` enum). */
export const KNOWN_VERSIONS = [
  '1.0', '1.1', '1.2', '1.3', '1.4',
  '2.0', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '2.14', '2.15', '2.16',
] as const;

/** The version the emulated app is configured with (used when the header is absent). */
export const DEFAULT_VERSION = '2.16';

/** Validates the `Intercom-Version` header value; undefined means the app's default. */
export function resolveVersion(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') return DEFAULT_VERSION;
  if (!(KNOWN_VERSIONS as readonly string[]).includes(value)) {
    throw new IntercomHttpError(400, 'intercom_version_invalid', `Intercom-Version '${value}' is not a valid API version.`);
  }
  return value;
}

/** True when `version` is at least `minimum` ("2.9" < "2.16"). */
export function versionAtLeast(version: string, minimum: string): boolean {
  const [aMajor, aMinor] = version.split('.').map(Number);
  const [bMajor, bMinor] = minimum.split('.').map(Number);
  return aMajor !== bMajor ? aMajor > bMajor : aMinor >= bMinor;
}

/** Throws Intercom's answer for an endpoint that the requested version does not have. */
export function requireVersion(version: string, minimum: string): void {
  if (!versionAtLeast(version, minimum)) {
    throw new IntercomHttpError(400, 'intercom_version_invalid', 'Requested resource is not available in current API version.');
  }
}
