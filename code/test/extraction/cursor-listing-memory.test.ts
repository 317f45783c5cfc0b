/**
 * A cursor listing resumes at its cursor, so it never lists an object of an earlier page again: its
 * ids, gathered for deletion detection and spilled into artifacts, must not be read back into memory
 * on every resumed invocation (the loop held every contact id listed so far in a Set, which grew with
 * the workspace and cost each invocation a download per spilled part). Each part is read once: by the
 * comparison at the listing's end.
 */
import type { IdSetStore } from '../../src/extraction/id-set-store';
import { LoopHarness } from './loop-harness';
import { smallWorkspace, useSmallEmulator } from './small-workspace';

// ~1,100 random 24-hex ids fill a part (ID_SET_INLINE_CHARS): 3,000 contacts spill two; 20 pages of 150.
const CONTACTS = 3_000;
const ctx = useSmallEmulator(53, smallWorkspace({ contacts: CONTACTS, helpCenters: 1, tickets: 0 }));

/** An artifact store in memory that counts the reads of each part. */
function countingStore(): IdSetStore & { reads: Map<string, number>; saved: Map<string, string> } {
  const saved = new Map<string, string>();
  const reads = new Map<string, number>();
  return {
    saved,
    reads,
    save: async (name, encoded) => {
      const ref = `${name}-${saved.size}`;
      saved.set(ref, encoded);
      return ref;
    },
    load: async (ref) => {
      reads.set(ref, (reads.get(ref) ?? 0) + 1);
      const encoded = saved.get(ref);
      if (encoded === undefined) throw new Error(`no part ${ref}`);
      return encoded;
    },
  };
}

describe('a contacts listing spread over many invocations', () => {
  it('reads each spilled part of its ids once, at the comparison, and pushes every contact once', async () => {
    const h = new LoopHarness(ctx.emu, true);
    const store = countingStore();
    h.idSetStore = store;
    await h.begin(false);
    // An invocation that pushed a contact stops at its next check: one invocation per page of contacts.
    await h.runToEnd(() => ({ afterPush: (p) => p.itemType === 'contacts' }));

    const contactParts = [...store.saved.keys()].filter((ref) => ref.startsWith('contacts-seen'));
    expect(contactParts.length).toBeGreaterThanOrEqual(2);
    expect(contactParts.map((ref) => [ref, store.reads.get(ref) ?? 0])).toEqual(contactParts.map((ref) => [ref, 1]));
    expect(h.invocations).toBeGreaterThanOrEqual(20);
    const pushed = h.log.filter((p) => p.itemType === 'contacts').map((p) => p.id);
    expect(pushed).toHaveLength(CONTACTS);
    expect(new Set(pushed).size).toBe(CONTACTS);
  }, 120_000);
});
