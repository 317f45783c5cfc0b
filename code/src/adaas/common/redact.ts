import type { AirdropEvent } from '../types/extraction';

/** Secrets carried by an invocation (service-account token and external credential). */
export function secretsOf(event: AirdropEvent | undefined): string[] {
  if (!event) return [];
  const found = [event.context?.secrets?.service_account_token, event.payload?.connection_data?.key];
  return found.filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

/** Replaces every occurrence of the given secrets in a text with "[REDACTED]". */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[REDACTED]');
  return out;
}
