/**
 * Objects whose listing shape holds only a preview of some relations (contacts with more than 10
 * companies or tags) are not emitted from the listing: their ids are kept (an id set, spilled like
 * the deletion sets when large), and after the listings this pass reads each one whole
 * (`KindSpec.completion.read`: the object and the lists behind its previews) and emits it, in id
 * order, a few at a time through the client's limiter. The listing never waits for these reads, and
 * each object is still pushed once. A resumed pass starts after the last id it emitted.
 */
import { IntercomNotFoundError, IntercomSchemaError } from '../intercom/errors';
import type { KindSpec } from '../kinds/types';
import type { LoopDeps, LoopOutcome } from './data-loop';
import { addToIdSet, loadIdSet } from './id-set-store';
import { reportCounters } from './report';

/** Objects read at once (the limiter paces them further). */
const READS_AT_ONCE = 4;

/**
 * Remembers that `id` is to be read whole; false when it cannot be kept (no artifact store and too
 * many ids for the state): then the caller emits it with its preview.
 */
export async function deferToCompletion(kind: KindSpec, id: string, deps: LoopDeps): Promise<boolean> {
  const entry = ((deps.state.run!.completions ??= {})[kind.itemType] ??= { ids: [], after: null, done: false });
  if (entry.ids === null) return false;
  const ids = await addToIdSet(entry.ids, [id], deps.idSetStore, `${kind.itemType}-to-complete`);
  if (ids === null) return false;
  entry.ids = ids;
  return true;
}

/** Reads and emits every deferred object of every kind; 'timeout' when the invocation ends first. */
export async function runCompletionPass(deps: LoopDeps, emit: (kind: KindSpec, obj: Record<string, unknown>) => Promise<void>): Promise<LoopOutcome> {
  for (const kind of deps.kinds) {
    const entry = deps.state.run!.completions?.[kind.itemType];
    if (!kind.completion || !entry || entry.done || entry.ids === null) continue;
    const after = entry.after;
    const ids = [...new Set(await loadIdSet(entry.ids, deps.idSetStore))].sort().filter((id) => after === null || id > after);
    for (let i = 0; i < ids.length; i += READS_AT_ONCE) {
      const batch = ids.slice(i, i + READS_AT_ONCE);
      const reads = await Promise.allSettled(batch.map((id) => kind.completion!.read(deps.client, id)));
      for (const [j, read] of reads.entries()) {
        const id = batch[j]!;
        if (read.status === 'fulfilled') await emit(kind, read.value);
        else if (read.reason instanceof IntercomNotFoundError) {
          reportCounters.skipped(deps.state.report, kind.itemType, id, 'listed but gone when read whole (HTTP 404): deleted in Intercom meanwhile');
        } else if (read.reason instanceof IntercomSchemaError) reportCounters.skipped(deps.state.report, kind.itemType, id, read.reason.message);
        else throw read.reason;
        entry.after = id;
      }
      await deps.checkpoint();
      if (deps.isTimeout()) return 'timeout';
    }
    entry.done = true;
    await deps.checkpoint();
  }
  return 'done';
}
