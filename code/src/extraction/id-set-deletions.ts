/**
 * Deletions found by comparing id sets: the ids of a complete listing against those of the last
 * complete one. Kinds re-listed whole each run (admins, teams, tags, companies, collections,
 * articles) gather their ids while the loop lists them. Kinds a sync reads through a date filter
 * (contacts) have no complete listing in a sync: an id listing of their own runs at the end of
 * each sync, at most `idPassPagesPerSync` pages per sync, and goes on where the previous sync
 * stopped, so a large workspace is compared every few syncs instead of paying a full listing
 * each time.
 */
import type { KindSpec } from '../kinds/types';
import type { LoopDeps, LoopOutcome } from './data-loop';
import { encodeIdSet } from './id-set-codec';
import { IdDigestSet } from './id-digest-set';
import { addToIdSet, idChunksOf, IdSetPartLostError, type IdSetStore } from './id-set-store';
import { reportCounters } from './report';
import type { ConnectorState, StoredIdSet } from './state';

/**
 * Pages of an id listing a sync reads at most: 100 pages of 150 contacts, 100 requests (Intercom
 * allows a private app 10,000 a minute; a quiet sync makes a few dozen). Up to 15,000 contacts
 * are compared on every sync, 150,000 every tenth.
 */
export const ID_PASS_PAGES_PER_SYNC = 100;

/** Ids of one listing page, the invalid items that carry an id included (they exist in Intercom). */
export function idsOfPage(page: { items: Array<Record<string, unknown>>; invalid: Array<{ id?: string }> }): string[] {
  return [...page.items.map((obj) => String(obj.id)), ...page.invalid.flatMap((b) => (b.id ? [b.id] : []))];
}

/**
 * Reports what the last complete listing had and this one (`seen`) lacks, and keeps `seen` for the
 * next comparison; not when `seen` outgrew the state without a store to spill it into (null), nor
 * when the platform lost a spilled part of either set: then no deletion of the kind is reported in
 * this run (a partial set would report false ones), and a lost `seen` leaves no set to compare with next.
 * The sets are read a part at a time: this listing's ids as digests (`IdDigestSet`, outside the heap),
 * the last one's checked against them, so a kind of any size is compared within the worker's heap.
 */
export async function compareIdSets(itemType: string, seen: StoredIdSet | null, state: ConnectorState, store: IdSetStore | undefined): Promise<void> {
  if (seen === null) {
    delete state.idSets[itemType];
    state.report.deletionDetectionSkipped[itemType] ??= 'too many objects to compare id sets within the state size limit';
    return;
  }
  const now = new IdDigestSet();
  if (!(await readUnlessLost(itemType, seen, state, store, "this listing's ids", (ids) => ids.forEach((id) => now.add(id))))) {
    delete state.idSets[itemType];
    return;
  }
  const previous = state.idSets[itemType];
  const gone: string[] = [];
  const compared = previous !== undefined && (await readUnlessLost(itemType, previous, state, store, "the last complete listing's ids", (ids) => gone.push(...ids.filter((id) => !now.has(id)))));
  if (compared) for (const id of gone) reportCounters.deleted(state.report, itemType, id, 'absent from a complete listing');
  state.idSets[itemType] = Array.isArray(seen) ? encodeIdSet(seen) : seen;
}

/**
 * The ids of a listing still under way (`progress.seen`); when the platform lost one of its parts,
 * the set is given up for this run (`seen` null, deletions of the kind skipped) and none are returned.
 */
export async function loadSeenSoFar(itemType: string, progress: { seen: StoredIdSet | null }, state: ConnectorState, store: IdSetStore | undefined): Promise<string[]> {
  if (progress.seen === null) return [];
  const ids = await loadUnlessLost(itemType, progress.seen, state, store, 'the ids listed so far');
  if (ids === null) progress.seen = null;
  return ids ?? [];
}

async function loadUnlessLost(itemType: string, set: StoredIdSet, state: ConnectorState, store: IdSetStore | undefined, what: string): Promise<string[] | null> {
  const ids: string[] = [];
  return (await readUnlessLost(itemType, set, state, store, what, (chunk) => ids.push(...chunk))) ? ids : null;
}

/** Hands the set's ids to `take` a part at a time; false (and the reason reported) when the platform lost a part. */
async function readUnlessLost(
  itemType: string, set: StoredIdSet, state: ConnectorState, store: IdSetStore | undefined, what: string, take: (ids: string[]) => void,
): Promise<boolean> {
  try {
    for await (const ids of idChunksOf(set, store)) take(ids);
    return true;
  } catch (err) {
    if (!(err instanceof IdSetPartLostError)) throw err;
    const reason = `${err.message} (${what}): deletions of ${itemType} are not checked in this run`;
    state.report.deletionDetectionSkipped[itemType] = reason;
    console.warn(`Deletion detection skipped for ${itemType}: ${reason}.`);
    return false;
  }
}

/** This sync's share of the id listings of the kinds read through a date filter (deletions: 'id-pass'). */
export async function runIdPasses(deps: LoopDeps): Promise<LoopOutcome> {
  for (const kind of deps.kinds) {
    if (kind.deletions !== 'id-pass') continue;
    if ((await runIdPass(kind, deps)) === 'timeout') return 'timeout';
  }
  return 'done';
}

async function runIdPass(kind: KindSpec, deps: LoopDeps): Promise<LoopOutcome> {
  const { state } = deps;
  const share = ((state.run!.idPasses ??= {})[kind.itemType] ??= { pages: 0, done: false });
  if (share.done) return 'done';
  const pagesPerSync = deps.idPassPagesPerSync ?? ID_PASS_PAGES_PER_SYNC;
  const pass = (state.idPasses[kind.itemType] ??= { pageFrom: null, seen: encodeIdSet([]) });
  for await (const page of deps.client.paginate(kind.listAll(deps.listContext), pass.pageFrom)) {
    pass.seen = await addToIdSet(pass.seen, idsOfPage(page), deps.idSetStore, `${kind.itemType}-pass`);
    pass.pageFrom = page.next;
    share.pages += 1;
    if (page.next === null || page.next === undefined) {
      await compareIdSets(kind.itemType, pass.seen, state, deps.idSetStore);
      delete state.idPasses[kind.itemType];
      break;
    }
    if (share.pages >= pagesPerSync) break;
    await deps.checkpoint();
    if (deps.isTimeout()) return 'timeout';
  }
  share.done = true;
  await deps.checkpoint();
  return 'done';
}
