/**
 * Files whose download failed for a passing reason are not lost (issue 10 §7): a 429, a 5xx or a
 * network failure that outlasted the retries, a stalled body, an auth error while refreshing the
 * URL. They are kept in the connector state (capped) and pushed again to the next run's attachments
 * (`queueRetries`), where an expired URL is refreshed from the parent as usual. Only what is gone
 * for good (404, a refused host, over the size limit) is reported as lost, with its reason.
 */
import type { NormalizedAttachment } from '../adaas';
import {
  DownloadStalledError, IntercomAuthError, IntercomDelayRequired, IntercomNetworkError, IntercomRateLimitError, IntercomServerError,
} from '../intercom';
import type { ConnectorState } from './state';

/** Files kept for another try (each entry holds a URL: ~0.5 KB, so the state stays small). */
export const RETRY_FILES_CAP = 200;
/** Runs in which one file is tried before it is reported as lost. */
export const MAX_FILE_TRIES = 5;

/** Would a later try plausibly succeed? */
export function isPassingFailure(error: unknown): boolean {
  return [IntercomRateLimitError, IntercomServerError, IntercomNetworkError, DownloadStalledError, IntercomAuthError, IntercomDelayRequired]
    .some((type) => error instanceof type);
}

/**
 * Keeps `item` for the next run. False when it cannot be kept (the list is full, or the file failed
 * in {@link MAX_FILE_TRIES} runs): the caller reports it as lost.
 */
export function keepForRetry(state: ConnectorState, item: NormalizedAttachment, reason: string): boolean {
  const known = state.retryFiles.find((f) => f.item.id === item.id);
  if (known) {
    if (known.tries >= MAX_FILE_TRIES) return false;
    known.tries += 1;
    known.reason = reason;
    return true;
  }
  if (state.retryFiles.length >= RETRY_FILES_CAP) return false;
  state.retryFiles.push({ item: { ...item }, reason, tries: 1 });
  return true;
}

/** The file arrived: nothing to try again. */
export function forgetRetry(state: ConnectorState, id: string): void {
  state.retryFiles = state.retryFiles.filter((f) => f.item.id !== id);
}

/** The kept files to push to this run's attachments, once per run (empty afterwards). */
export function queueRetries(state: ConnectorState): NormalizedAttachment[] {
  if (!state.run || state.run.retriesQueued || state.retryFiles.length === 0) return [];
  state.run.retriesQueued = true;
  return state.retryFiles.map((f) => f.item as NormalizedAttachment);
}
