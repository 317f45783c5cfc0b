/**
 * The kinds are read in two lanes that run at the same time, so that the listings that read no
 * details (one page request after another, one request in flight: contacts, the companies scroll,
 * the help center, tickets) overlap the detail reads (conversations, many in flight), instead of
 * adding their latency chain to the run's wall time. Within a lane the kinds go one after another,
 * in table order; each keeps its own position in `state.kinds`, so a resumed invocation goes on in
 * each lane where it stopped.
 *
 * - The invocation is done only when every lane is; a lane that stops for time makes it 'timeout'.
 * - A lane's error stops the other lanes (they see their time as up, so a scroll stops too), and
 *   propagates once they have stopped: the worker maps it to DELAY or ERROR as before. No checkpoint
 *   is taken after an error (the invocation ends with it; the worker saves the state itself).
 * - Checkpoints of both lanes run one at a time, each after the one before has finished.
 */
import type { KindSpec } from '../kinds/types';
import type { LoopDeps, LoopOutcome } from './data-loop';

/** A kind that reads every listed object's detail (its reads fill the limiter). */
export const readsEveryDetail = (kind: KindSpec): boolean => kind.fetchDetail !== undefined && kind.detailNeeded === undefined;

/**
 * The lanes: kinds that read every listed object's detail in one, the others in the other. Empty
 * lanes are left out.
 */
export function lanesOf(kinds: readonly KindSpec[]): KindSpec[][] {
  return [kinds.filter(readsEveryDetail), kinds.filter((kind) => !readsEveryDetail(kind))].filter((lane) => lane.length > 0);
}

/**
 * Runs `extract` over each lane's kinds, the lanes at the same time; `extract` gets deps whose
 * timeout also says when another lane failed and whose checkpoints run one at a time.
 */
export async function runLanes(
  lanes: readonly KindSpec[][],
  deps: LoopDeps,
  extract: (kind: KindSpec, deps: LoopDeps) => Promise<LoopOutcome>,
): Promise<LoopOutcome> {
  let failed = false;
  let lastCheckpoint: Promise<void> = Promise.resolve();
  const mustLeaveScroll = deps.mustLeaveScroll ?? deps.isTimeout;
  const laneDeps: LoopDeps = {
    ...deps,
    isTimeout: () => failed || deps.isTimeout(),
    mustLeaveScroll: () => failed || mustLeaveScroll(),
    checkpoint: () => {
      const next = lastCheckpoint.then(() => (failed ? undefined : deps.checkpoint()));
      lastCheckpoint = next.catch(() => undefined);
      return next;
    },
  };
  const runLane = async (lane: readonly KindSpec[]): Promise<LoopOutcome> => {
    try {
      for (const kind of lane) {
        if ((await extract(kind, laneDeps)) === 'timeout' || laneDeps.isTimeout()) return 'timeout';
      }
      return 'done';
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const outcomes = await Promise.allSettled(lanes.map(runLane));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return outcomes.some((outcome) => outcome.status === 'fulfilled' && outcome.value === 'timeout') ? 'timeout' : 'done';
}
