import type { AirdropEvent } from '../types/extraction';

export { redactSecrets } from '../../text/redact';

/** Secrets carried by an invocation (service-account token and external credential). */
export function secretsOf(event: AirdropEvent | undefined): string[] {
  if (!event) return [];
  const found = [event.context?.secrets?.service_account_token, event.payload?.connection_data?.key];
  return found.filter((s): s is string => typeof s === 'string');
}
