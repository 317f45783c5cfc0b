/**
 * The one home for scrubbing secrets (tokens, OAuth secrets) out of text: error messages, log lines,
 * run results. Which secrets to scrub is each caller's knowledge; how is only here.
 */

export const REDACTED = '[REDACTED]';

/** Shorter values are not scrubbed: they would hit ordinary words and say nothing about the secret. */
export const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of each secret (e.g. a token echoed back by a server) in `text` with `[REDACTED]`. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  return out;
}
