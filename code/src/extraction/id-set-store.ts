/**
 * Id sets of any size with a small state: a set whose encoding passes ID_SET_INLINE_CHARS is
 * spilled, share by share, into artifacts of the platform (`{ parts: [artifact ids], tail }`), so the
 * state holds one artifact id per ~1,000 random ids instead of the ids. The ids are gathered a page
 * at a time; a full tail becomes a new part (artifacts are never rewritten), so an invocation that
 * dies before its state is saved leaves only unreferenced artifacts behind. Without a store (the
 * loop run alone in tests) sets stay in the state and are dropped past ID_SET_MAX_CHARS, as before.
 */
import type { AirdropEvent } from '../adaas';
import { decodeIdSet, encodeIdSet } from './id-set-codec';
import { downloadArtifactBytes, uploadArtifactBytes } from './platform-artifacts';
import { idsOfSet, rememberSeen, type StoredIdSet } from './state';

/** Where spilled shares of id sets are kept: `save` returns a reference that `load` reads back. */
export interface IdSetStore {
  save(name: string, encoded: string): Promise<string>;
  load(ref: string): Promise<string>;
}

/**
 * Largest encoded tail kept in the state per set (~1,100 random 24-hex ids, far more decimal ones):
 * with two sets per kind (the last complete listing's and the one being gathered) and eight kinds,
 * the inline parts of all id sets stay under 350 KB whatever the workspace's size.
 */
export const ID_SET_INLINE_CHARS = 20_000;

/**
 * A spilled part the store no longer holds. These artifacts are listed in no event, and neither the
 * SDK nor DevRev's docs promise to keep such an artifact from one run to the next (the SDK reads back
 * by id only artifacts an event reported): the callers give the set up (no deletions checked for
 * its kind in that run) rather than fail the run or compare against a partial set.
 */
export class IdSetPartLostError extends Error {
  constructor(readonly ref: string) {
    super(`the platform no longer holds artifact ${ref}, a part of a stored id set`);
    this.name = 'IdSetPartLostError';
  }
}

/** The platform's artifacts as the store (the data worker's); a part it answers 404 for is lost. */
export function platformIdSetStore(event: AirdropEvent): IdSetStore {
  return {
    save: (name, encoded) => uploadArtifactBytes(event, { name: `${name}.idset`, type: 'application/octet-stream', bytes: Buffer.from(encoded, 'utf8') }),
    load: async (ref) => {
      try {
        return (await downloadArtifactBytes(event, ref)).toString('utf8');
      } catch (err) {
        if ((err as { response?: { status?: number } }).response?.status === 404) throw new IdSetPartLostError(ref);
        throw err;
      }
    },
  };
}

/** Every id of a stored set (its spilled parts read back through the store). */
export async function loadIdSet(set: StoredIdSet, store: IdSetStore | undefined): Promise<string[]> {
  if (typeof set === 'string' || Array.isArray(set)) return idsOfSet(set);
  if (!store) throw new Error('this id set is kept in platform artifacts, and no artifact store was given to read it');
  const parts = await Promise.all(set.parts.map(async (ref) => decodeIdSet(await store.load(ref))));
  return [...parts.flat(), ...decodeIdSet(set.tail)];
}

/** The ids of a stored set one spilled part at a time (then the tail), so that only one part is in memory. */
export async function* idChunksOf(set: StoredIdSet, store: IdSetStore | undefined): AsyncGenerator<string[]> {
  if (typeof set === 'string' || Array.isArray(set)) {
    yield idsOfSet(set);
    return;
  }
  if (!store) throw new Error('this id set is kept in platform artifacts, and no artifact store was given to read it');
  for (const ref of set.parts) yield decodeIdSet(await store.load(ref));
  yield decodeIdSet(set.tail);
}

/**
 * `set` with `ids` added, as the state keeps it: encoded inline while small, then spilled through
 * the store (`name` names the artifacts); without a store, null once past ID_SET_MAX_CHARS.
 */
export async function addToIdSet(set: StoredIdSet | null, ids: string[], store: IdSetStore | undefined, name: string): Promise<StoredIdSet | null> {
  if (set === null) return null;
  if (!store) {
    const holder = { seen: set };
    rememberSeen(holder, ids);
    return holder.seen;
  }
  const spilled = typeof set === 'object' && !Array.isArray(set) ? set : { parts: [], tail: typeof set === 'string' ? set : encodeIdSet(set) };
  const tail = encodeIdSet([...decodeIdSet(spilled.tail), ...ids]);
  if (tail.length <= ID_SET_INLINE_CHARS) return spilled.parts.length === 0 ? tail : { parts: spilled.parts, tail };
  return { parts: [...spilled.parts, await store.save(name, tail)], tail: '' };
}
