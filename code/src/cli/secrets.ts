/**
 * Secret hygiene at the CLI's edge: every secret the CLI learns (the Intercom token) is registered here, and
 * every line the CLI prints or writes passes through `redact`. Tokens are never written to settings,
 * reports or logs.
 */

import { redactSecrets } from '../text/redact';

const secrets = new Set<string>();

/** Remembers a secret so that `redact` removes it from any text (values shorter than `MIN_SECRET_LENGTH` are left alone there). */
export function registerSecret(value: string | undefined): void {
  if (value) secrets.add(value);
}

/** Replaces every registered secret in `text` with `[REDACTED]`. */
export function redact(text: string): string {
  return redactSecrets(text, secrets);
}
