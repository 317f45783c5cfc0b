/**
 * The phases without a DELAY or PROGRESS event (external sync units, metadata) cannot hand a transient
 * failure back to the platform, and their ERROR fails the import. So their Intercom reads are tried again,
 * with a new client, after a failure that is not Intercom's answer (5xx or broken answers beyond the
 * client's retries, or a wait the client would not take within its reserve), while the wait and one more
 * attempt fit before the phase's deadline (`connection/deadline.ts`); after that the error stands.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { WorkerAdapter } from '../adaas';
import { IntercomDelayRequired, IntercomNetworkError, IntercomServerError } from '../intercom';
import { backoffCapMs, oneShotDeadlineOf, requestTimeoutMs } from '../connection/deadline';

/** Runs `read` (given the phase's fixed deadline) until it succeeds or no further attempt fits. */
export async function readInOneShotPhase<T>(
  adapter: Pick<WorkerAdapter<unknown>, 'options'>,
  read: (deadline: number) => Promise<T>,
): Promise<T> {
  const deadline = oneShotDeadlineOf(adapter);
  for (;;) {
    try {
      return await read(deadline);
    } catch (error) {
      const waitMs = transientWaitMs(error, adapter);
      if (waitMs === undefined || Date.now() + waitMs + requestTimeoutMs(adapter) >= deadline) throw error;
      await sleep(waitMs);
    }
  }
}

/** How long to wait before trying again after `error`; undefined when it is an answer (auth, 4xx, schema). */
function transientWaitMs(error: unknown, adapter: Pick<WorkerAdapter<unknown>, 'options'>): number | undefined {
  if (error instanceof IntercomDelayRequired) return error.delaySeconds * 1000;
  if (error instanceof IntercomServerError || error instanceof IntercomNetworkError) return backoffCapMs(adapter);
  return undefined;
}
