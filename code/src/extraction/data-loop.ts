/**
 * THE data-extraction loop, generic over the kinds table: for each kind (in two lanes that run at the
 * same time, `lanes.ts`), page through its listing, keep what belongs to the run's window, fetch
 * details where the kind needs them, normalize, push, and record the position after every page. Listing and reads run ahead of the loop
 * (`read-ahead.ts`), as many at once as the client's limiter allows, so the loop only normalizes
 * and pushes, each object as soon as its read is done. It stops between items when the invocation's
 * time is up; the saved position (the cursor of the oldest page not finished + the ids done since,
 * in that page and the few after it) lets the next invocation go on without skipping or repeating anything.
 *
 * Intercom errors other than "not found" on a detail fetch propagate: the worker maps them to
 * platform events (DELAY, ERROR) in one place.
 */
import { createHash } from 'crypto';
import type { NormalizedAttachment, NormalizedItem } from '../adaas';
import { IntercomNotFoundError, IntercomSchemaError } from '../intercom/errors';
import { DeletedConversationSchema } from '../intercom/schemas';
import type { DetailClient, KindSpec, ListContext, NormalizeContext, NormalizedBatch } from '../kinds/types';
import type { ListSpec } from '../kinds/list-spec';
import { reportCounters } from './report';
import { pendingKind, unchangedSinceLastRun, type ConnectorState, type KindProgress } from './state';
import { addToIdSet, type IdSetStore } from './id-set-store';
import { deferToCompletion, runCompletionPass } from './completion-pass';
import { compareIdSets, idsOfPage, loadSeenSoFar, runIdPasses } from './id-set-deletions';
import { lanesOf, runLanes } from './lanes';
import { ReadAhead } from './read-ahead';
import { inWindow, searchFloor } from './window';
import { sendMentionedPeople } from './mentioned-people';

/** One page as the client's pagers yield it. */
export interface ListedPage {
  items: Array<Record<string, unknown>>;
  invalid: Array<{ id?: string; error: Error }>;
  /** Resume point after this page; null on the last page. */
  next: unknown;
}

/** What the loop needs from the Intercom client. */
export interface LoopClient extends DetailClient {
  paginate(spec: ListSpec, from: unknown): AsyncIterable<ListedPage>;
}

/** What the loop needs from the platform and the run. */
export interface LoopDeps {
  kinds: readonly KindSpec[];
  client: LoopClient;
  state: ConnectorState;
  listContext: ListContext;
  normalizeContext: NormalizeContext;
  /** Pushes items of one item type to its repo. */
  push(itemType: string, items: Array<NormalizedItem | NormalizedAttachment>): Promise<void>;
  /** Records the position reached; it reaches the platform with the invocation's emit, beside the artifacts. */
  checkpoint(): Promise<void>;
  /** True once the invocation should wrap up. */
  isTimeout(): boolean;
  /**
   * True once even a scroll must stop (the hard timeout nears; default `isTimeout`). A scroll left
   * for a later invocation has usually expired there (a minute idle) and starts again from the
   * first page, so a scroll runs on past `isTimeout` until it ends.
   */
  mustLeaveScroll?(): boolean;
  /** Pages a sync's id listings read at most (default ID_PASS_PAGES_PER_SYNC, id-set-deletions.ts). */
  idPassPagesPerSync?: number;
  /** Where large id sets are spilled (the platform's artifacts); without one they stay in the state, capped. */
  idSetStore?: IdSetStore;
}

export type LoopOutcome = 'done' | 'timeout';

const idOf = (obj: Record<string, unknown>): string => String(obj.id);

/** Short digest of an item's data (key order as the normalizer writes it, which is fixed). */
const digestOf = (data: object): string => createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);

/** Runs (or resumes) the data phase over all kinds; returns 'timeout' if it stopped early. */
export async function runDataLoop(deps: LoopDeps): Promise<LoopOutcome> {
  const run = deps.state.run;
  if (!run) throw new Error('The data loop needs a started run (beginRun) in the connector state.');
  const extract = async (kind: KindSpec, laneDeps: LoopDeps): Promise<LoopOutcome> => {
    const progress = (deps.state.kinds[kind.itemType] ??= pendingKind());
    return progress.phase === 'done' ? 'done' : extractKind(kind, progress, laneDeps);
  };
  if ((await runLanes(lanesOf(deps.kinds), deps, extract)) === 'timeout') return 'timeout';
  // Only once every lane is done: the completion pass, the people the objects mentioned, the id passes, the deleted conversations.
  if ((await runCompletionPass(deps, (kind, obj) => emitObject(kind, obj, deps))) === 'timeout') return 'timeout';
  await sendMentionedPeople(deps, (items) => pushItems(items, deps, () => true));
  if (run.windowStart !== null && (await runIdPasses(deps)) === 'timeout') return 'timeout';
  if (run.windowStart !== null && (await detectDeletedConversations(deps)) === 'timeout') return 'timeout';
  run.dataDone = true;
  await deps.checkpoint();
  return 'done';
}

/** The run's listing of a kind, and whether it lists every object (then its ids can be compared). */
function listingFor(kind: KindSpec, deps: LoopDeps): { spec: ListSpec; complete: boolean } {
  const run = deps.state.run!;
  if (run.windowStart === null || deps.state.bookmark === null) return { spec: kind.listAll(deps.listContext), complete: true };
  const changed = kind.listChangedSince(deps.listContext, searchFloor(deps.state.bookmark));
  return changed === 'relist' ? { spec: kind.listAll(deps.listContext), complete: true } : { spec: changed, complete: false };
}

async function extractKind(kind: KindSpec, progress: KindProgress, deps: LoopDeps): Promise<LoopOutcome> {
  progress.phase = 'listing';
  const { spec, complete } = listingFor(kind, deps);
  const tracksIds = kind.deletions === 'id-set' || (kind.deletions === 'id-pass' && complete);
  // Objects done after the saved cursor: in the page it points at, and in the few after it that the
  // reads had reached past a slow one.
  const doneBefore = new Set(progress.doneInPage);
  // Also handled before: objects of earlier pages, which only a scroll restarted from its beginning
  // after a break, or a page-number listing (pages shift; read twice), lists again. Cursor and search
  // listings resume at their cursor, so they keep no such set: it would grow with the kind (contacts).
  const relists = tracksIds && (spec.style === 'scroll' || spec.style === 'page');
  const seenIds = new Set(relists ? await loadSeenSoFar(kind.itemType, progress, deps.state, deps.idSetStore) : []);
  const pending = (page: ListedPage) => page.items.filter((obj) => !doneBefore.has(idOf(obj)) && !seenIds.has(idOf(obj)));
  const reads = new ReadAhead(deps.client.paginate(spec, progress.pageFrom), pending, (obj) => readObject(kind, obj, deps), {
    listAhead: spec.style !== 'scroll',
  });
  // A scroll left for the next invocation expires there: it runs on past `isTimeout` (LoopDeps).
  const mustStop = spec.style === 'scroll' ? (deps.mustLeaveScroll ?? deps.isTimeout) : deps.isTimeout;
  try {
    for (;;) {
      // Reads run ahead and may queue behind the limiter: a soft timeout must not wait for them.
      const event = await settledOrTimeout(reads.next(), mustStop);
      if (event === 'timeout') {
        await deps.checkpoint();
        return 'timeout';
      }
      if (event.type === 'error') throw event.error;
      if (event.type === 'done') break;
      if (event.type === 'object') {
        const result = event.result;
        if ('error' in result) throw result.error;
        // An object with a partial preview of its relations is emitted whole by the completion pass.
        const deferred = result.value && kind.completion?.needed(result.value) && (await deferToCompletion(kind, idOf(result.value), deps));
        if (result.value && !deferred) await emitObject(kind, result.value, deps);
        progress.doneInPage.push(idOf(event.listed));
        if (kind.fetchDetail && deps.isTimeout()) {
          await deps.checkpoint();
          return 'timeout';
        }
        continue;
      }
      // Every object of this page and the ones before it is done: the cursor moves past it.
      // The other lane may checkpoint during an await: the page's bookkeeping changes after the last one.
      const page = event.page;
      const ids = tracksIds ? idsOfPage(page) : [];
      const seen = tracksIds ? await addToIdSet(progress.seen, ids, deps.idSetStore, `${kind.itemType}-seen`) : progress.seen;
      for (const bad of page.invalid) reportCounters.skipped(deps.state.report, kind.itemType, bad.id ?? '(no id)', bad.error.message);
      if (relists) for (const id of ids) seenIds.add(id);
      progress.seen = seen;
      progress.pageFrom = page.next;
      const inPage = new Set(page.items.map(idOf));
      progress.doneInPage = progress.doneInPage.filter((id) => !inPage.has(id));
      progress.pages += 1;
      if (page.next === null || page.next === undefined) break;
      await deps.checkpoint(); // the reads of the next objects go on meanwhile
      if (mustStop()) return 'timeout';
    }
  } finally {
    reads.stop();
  }
  // Page numbers shift when objects are deleted between two page reads, and an object can slip to an
  // earlier page unseen: list once more, emitting only what the first pass did not see. A listing read
  // in one page (one answer) cannot have shifted.
  if (spec.style === 'page' && tracksIds && progress.seen !== null && !progress.relisted && progress.pages > 1) {
    Object.assign(progress, { relisted: true, pageFrom: null, doneInPage: [] });
    return extractKind(kind, progress, deps);
  }
  if (tracksIds) {
    await compareIdSets(kind.itemType, progress.seen, deps.state, deps.idSetStore);
    progress.seen = []; // kept in idSets now
    delete deps.state.idPasses[kind.itemType]; // a listing spread over syncs is superseded by this complete one
  }
  progress.phase = 'done';
  await deps.checkpoint();
  return 'done';
}

/** How often a loop waiting for a read looks at the invocation's timeout. */
const TIMEOUT_POLL_MS = 100;

/** The read's result, or 'timeout' as soon as `isTimeout()` says so while it is still under way. */
async function settledOrTimeout<T>(read: Promise<T>, isTimeout: () => boolean): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    const poll = () => (isTimeout() ? resolve('timeout') : (timer = setTimeout(poll, TIMEOUT_POLL_MS)));
    timer = setTimeout(poll, TIMEOUT_POLL_MS);
  });
  try {
    return await Promise.race([read, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The object to normalize: the listed one, or its detail where the kind has one; undefined when it
 * is outside the run's window or was skipped (gone, or a bad detail), which is reported here.
 */
async function readObject(kind: KindSpec, listed: Record<string, unknown>, deps: LoopDeps): Promise<Record<string, unknown> | undefined> {
  if (!inWindow(kind.updatedAt(listed), deps.state.run!.windowStart)) return undefined;
  if (!kind.fetchDetail) return listed;
  const report = deps.state.report;
  const id = idOf(listed);
  try {
    return await kind.fetchDetail(deps.client, listed);
  } catch (error) {
    if (error instanceof IntercomNotFoundError) {
      reportCounters.skipped(report, kind.itemType, id, `listed but gone when read (HTTP ${error.status ?? 404}): deleted in Intercom meanwhile`);
      return undefined;
    }
    if (error instanceof IntercomSchemaError) {
      reportCounters.skipped(report, kind.itemType, id, error.message);
      return undefined;
    }
    throw error;
  }
}

/** Normalizes one object and pushes its items and attachments. */
async function emitObject(kind: KindSpec, obj: Record<string, unknown>, deps: LoopDeps): Promise<void> {
  const report = deps.state.report;
  const id = idOf(obj);
  let batch;
  try {
    batch = kind.normalize(obj, deps.normalizeContext);
  } catch (error) {
    reportCounters.skipped(report, kind.itemType, id, error instanceof Error ? error.message : String(error));
    return;
  }
  const run = deps.state.run!;
  if (run.windowStart !== null && kind.changesInWindow) {
    batch = kind.changesInWindow(obj, batch, { start: run.windowStart, importAll: deps.listContext.importAllConversations });
  }
  const compared = kind.compareContent;
  const isCompared = (itemType: string) => compared === true || (compared ?? []).includes(itemType);
  for (const s of batch.skipped) reportCounters.skipped(report, s.itemType, s.id, s.reason);
  if (batch.truncation) reportCounters.truncated(report, batch.truncation);
  await pushItems(batch.items, deps, isCompared);
  if (batch.attachments.length > 0) {
    await deps.push('attachments', batch.attachments);
    reportCounters.extracted(report, 'attachments', batch.attachments.length);
  }
}

/**
 * Pushes items by item type and counts them; an item of a compared type (`KindSpec.compareContent`)
 * whose content DevRev already has, as of the last completed run, is left out.
 */
async function pushItems(items: NormalizedBatch['items'], deps: LoopDeps, isCompared: (itemType: string) => boolean): Promise<void> {
  const byType = new Map<string, NormalizedItem[]>();
  for (const { itemType, item } of items) {
    if (isCompared(itemType) && unchangedSinceLastRun(deps.state, itemType, item.id, digestOf(item.data))) continue;
    const list = byType.get(itemType) ?? [];
    list.push(item);
    byType.set(itemType, list);
  }
  for (const [itemType, list] of byType) {
    await deps.push(itemType, list);
    reportCounters.extracted(deps.state.report, itemType, list.length);
  }
}

interface DeletedConversationEntry { id?: unknown; deleted_at?: unknown }

/** Reads `/conversations/deleted` newest first, down to the run's window start. */
async function detectDeletedConversations(deps: LoopDeps): Promise<LoopOutcome> {
  const track = deps.state.deletedConversations;
  if (track.phase === 'done') return 'done';
  const windowStart = deps.state.run!.windowStart!;
  const spec: ListSpec = {
    style: 'page', kind: 'deleted conversation', path: '/conversations/deleted', itemsKey: 'conversations', perPage: 60,
    params: { order: 'desc' }, itemSchema: DeletedConversationSchema,
  };
  for await (const page of deps.client.paginate(spec, track.pageFrom)) {
    let older = false;
    for (const entry of page.items as DeletedConversationEntry[]) {
      const deletedAt = typeof entry.deleted_at === 'number' ? entry.deleted_at : undefined;
      if (deletedAt !== undefined && deletedAt < windowStart) {
        older = true;
        continue;
      }
      reportCounters.deleted(deps.state.report, 'conversations', String(entry.id), 'listed by /conversations/deleted');
    }
    track.pageFrom = page.next;
    if (older || page.next === null || page.next === undefined) break;
    await deps.checkpoint();
    if (deps.isTimeout()) return 'timeout';
  }
  track.phase = 'done';
  return 'done';
}
