/**
 * When an invocation must stop starting new work. The platform layer's soft timeout only sets a
 * flag; a request or a pause already under way runs on, and the hard timeout (×1.3) kills the
 * worker. So the loop stops itself early enough for the request in flight, the closing upload and
 * the emit: half of a short soft timeout, one minute before a long one (9 of DevRev's 10 minutes).
 */
import type { WorkerAdapter } from '../adaas';

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
/** The SDK's HARD_TIMEOUT_MULTIPLIER (not among its public names): the worker is ended at soft × 1.3. */
const HARD_TIMEOUT_MULTIPLIER = 1.3;

/** The invocation's soft timeout in ms. */
export function softTimeoutOf(adapter: Pick<WorkerAdapter<unknown>, 'options'>): number {
  return Math.min(adapter.options?.timeout ?? DEFAULT_TIMEOUT_MS, DEFAULT_TIMEOUT_MS);
}

/** Epoch ms after which the loop should wrap up. */
export function deadlineOf(adapter: Pick<WorkerAdapter<unknown>, 'options'>, startMs: number = Date.now()): number {
  const soft = softTimeoutOf(adapter);
  const reserve = Math.min(60_000, soft / 2);
  return startMs + Math.max(Math.min(1000, soft), soft - reserve);
}

/**
 * Epoch ms by which a one-shot phase (metadata, external sync units) must be done waiting. Those
 * phases have no DELAY or PROGRESS event to hand a long wait back to the platform, and the soft
 * timeout only sets `isTimeout`: the SDK lets the task run on until the hard timeout ends the worker.
 * So a rate-limit pause is waited out when it ends before the hard timeout, less a quarter of the
 * soft timeout (at most a minute) for the requests, the upload and the emit after it.
 */
export function oneShotDeadlineOf(adapter: Pick<WorkerAdapter<unknown>, 'options'>, startMs: number = Date.now()): number {
  const soft = softTimeoutOf(adapter);
  return startMs + soft * HARD_TIMEOUT_MULTIPLIER - Math.min(60_000, soft / 4);
}

/**
 * Epoch ms by which the data phase leaves a companies scroll, which expires if left for the next
 * invocation: like a one-shot phase it runs on past its soft timeout, keeping for the closing upload
 * and emit a quarter of the soft timeout (at most a minute, at least 1.5 s, so that short test
 * invocations stop a scroll no later than their other listings).
 */
export function scrollDeadlineOf(adapter: Pick<WorkerAdapter<unknown>, 'options'>, startMs: number = Date.now()): number {
  const soft = softTimeoutOf(adapter);
  return Math.max(deadlineOf(adapter, startMs), startMs + soft * HARD_TIMEOUT_MULTIPLIER - Math.max(1500, Math.min(60_000, soft / 4)));
}

/** Back-off cap for retries without rate-limit headers: short invocations cannot sleep a minute. */
export function backoffCapMs(adapter: Pick<WorkerAdapter<unknown>, 'options'>): number {
  return Math.min(60_000, Math.max(200, softTimeoutOf(adapter) / 8));
}

/** Timeout of one HTTP attempt: a hung answer must fail (and be retried) well inside the invocation. */
export function requestTimeoutMs(adapter: Pick<WorkerAdapter<unknown>, 'options'>): number {
  return Math.min(30_000, Math.max(1000, softTimeoutOf(adapter) / 4));
}
