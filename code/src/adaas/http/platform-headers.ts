import type { AirdropEvent } from '../types/extraction';
import { LIBRARY_VERSION } from '../common/constants';

/** Raw service-account token header used for callback, state, snap-ins, recipe and mapper calls. */
export function rawAuthHeaders(event: AirdropEvent): Record<string, string> {
  return { Authorization: event.context.secrets.service_account_token };
}

/** Bearer header used only for `airdrop.artifacts.*`. */
export function bearerAuthHeaders(event: AirdropEvent): Record<string, string> {
  return { Authorization: `Bearer ${event.context.secrets.service_account_token}` };
}

/** Headers of the callback POST: raw auth plus the X-DevRev-Client-* identification. */
export function callbackHeaders(event: AirdropEvent): Record<string, string> {
  const ctx = event.payload.event_context;
  return {
    Accept: 'application/json, text/plain, */*',
    ...rawAuthHeaders(event),
    'Content-Type': 'application/json',
    'X-DevRev-Client-Platform': ctx.snap_in_slug,
    'X-DevRev-Client-Id': ctx.snap_in_version_id,
    'X-DevRev-Client-Version': LIBRARY_VERSION,
  };
}

/** `{devrev_endpoint}/internal/<name>` */
export function internalUrl(event: AirdropEvent, name: string): string {
  return `${event.execution_metadata.devrev_endpoint.replace(/\/+$/, '')}/internal/${name}`;
}
