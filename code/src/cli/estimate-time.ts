/**
 * The wall time an import will take, predicted from what `estimate` measured: API requests go about
 * allowed rate × latency at once (the client's own rule, `AdaptiveConcurrency`), so the API phase
 * runs at the lower of the allowed rate and what that concurrency achieves at the observed latency,
 * plus the round trips that cannot overlap (the run's opening reads, each kind's first page).
 * Attachments stream {@link ATTACHMENTS_AT_ONCE} at a time, each taking about one sampled download.
 */
import { ATTACHMENTS_AT_ONCE } from '../extraction/attachment-stream';
import { AdaptiveConcurrency } from '../intercom/concurrency';

/** Intercom's window, ms. */
const WINDOW_MS = 10_000;
/**
 * Round trips of an import that wait for the previous one: metadata (4), the data phase's start
 * (/me, 2 stamps, /admins, /teams, help centers), and the first page of each of 9 kinds.
 */
export const SEQUENTIAL_REQUESTS = 4 + 6 + 9;

/** Requests in flight the client keeps at this limit and latency. */
export function concurrencyFor(limitPer10s: number, latencyMs: number): number {
  const c = new AdaptiveConcurrency();
  c.setRate(limitPer10s, WINDOW_MS);
  c.recordLatency(latencyMs);
  return c.current();
}

/** Seconds of the API phase: `requests` at the lower of the allowed rate and concurrency ÷ latency. */
export function predictApiSeconds(requests: number, limitPer10s: number, latencyMs: number): number {
  const allowedPerSecond = limitPer10s / (WINDOW_MS / 1000);
  const latencySeconds = Math.max(latencyMs, 1) / 1000;
  const achievablePerSecond = concurrencyFor(limitPer10s, latencyMs) / latencySeconds;
  return requests / Math.min(allowedPerSecond, achievablePerSecond) + SEQUENTIAL_REQUESTS * latencySeconds;
}

/** Seconds of the attachments phase: `files` downloads of `perFileMs` each, so many at once. */
export function predictAttachmentSeconds(files: number, perFileMs: number): number {
  return (Math.ceil(files / ATTACHMENTS_AT_ONCE) * perFileMs) / 1000;
}
