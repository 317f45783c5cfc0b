/**
 * The wall time an import will take, predicted from what `estimate` measured: API requests go about
 * allowed rate × latency at once (the client's own rule, `AdaptiveConcurrency`), so the API phase
 * runs at the lower of the allowed rate and what that concurrency achieves at the observed latency,
 * plus the round trips that cannot overlap (the run's opening reads, each kind's first page) — unless
 * the data loop's own CPU takes longer: every detail read is parsed, checked, normalized and pushed
 * on one thread, so the phase lasts at least detail reads × that CPU time.
 * The attachments phase moves the workspace's file bytes at the rate `estimate`'s own downloads of the
 * sampled files reached, as many at once as the import streams (`estimate-attachments.ts`).
 */
import { AdaptiveConcurrency } from '../intercom/concurrency';

/** Intercom's window, ms. */
const WINDOW_MS = 10_000;
/**
 * Round trips of an import that wait for the previous one: metadata (4), the data phase's start
 * (/me, 2 stamps, /admins, /teams, help centers), and the first page of each of 9 kinds.
 */
export const SEQUENTIAL_REQUESTS = 4 + 6 + 9;

/**
 * The data loop's CPU per detail read over the time `normalize` alone takes for it: parsing the
 * answer, the schema check and pushing the items come on top. Measured on a 3,000-conversation
 * import (bench, 250 ms): per conversation 19.3 ms normalizing and pushing plus 1.4 ms parsing and
 * checking the answer, for 13.1 ms in normalize alone: ≈ 1.6.
 */
export const LOOP_CPU_OVER_NORMALIZE = 1.6;

/** Requests in flight the client keeps at this limit and latency. */
export function concurrencyFor(limitPer10s: number, latencyMs: number): number {
  const c = new AdaptiveConcurrency();
  c.setRate(limitPer10s, WINDOW_MS);
  c.recordLatency(latencyMs);
  return c.current();
}

/**
 * Seconds of the API phase: `requests` at the lower of the allowed rate and concurrency ÷ latency,
 * or `cpuSeconds` (the data loop's CPU for all detail reads) when that is longer.
 */
export function predictApiSeconds(requests: number, limitPer10s: number, latencyMs: number, cpuSeconds = 0): number {
  const allowedPerSecond = limitPer10s / (WINDOW_MS / 1000);
  const latencySeconds = Math.max(latencyMs, 1) / 1000;
  const achievablePerSecond = concurrencyFor(limitPer10s, latencyMs) / latencySeconds;
  return Math.max(requests / Math.min(allowedPerSecond, achievablePerSecond), cpuSeconds) + SEQUENTIAL_REQUESTS * latencySeconds;
}

/** The data loop's CPU seconds for `detailReads` objects, from the time normalizing one took (ms). */
export function loopCpuSeconds(detailReads: number, normalizeMs: number): number {
  return (detailReads * normalizeMs * LOOP_CPU_OVER_NORMALIZE) / 1000;
}

/** Seconds of the attachments phase: `bytes` at `bytesPerSecond` (measured by the probe downloads). */
export function predictAttachmentSeconds(bytes: number, bytesPerSecond: number): number {
  return bytes / bytesPerSecond;
}
