/**
 * The item store's memory does not grow with the number of ids it holds (its index lives on disk):
 * a million conversation parts must not cost the platform emulator tens of MB.
 */
import * as fs from 'node:fs';
import { ItemStore } from '../../../src/emulators/airdrop/item-store';
import { OutputLayout } from '../../../src/emulators/airdrop/layout';
import { tempDir } from './helpers/setup';
import { memoryInUse } from '../../../src/cli/bench/memory-in-use';

function mergeIds(store: ItemStore, from: number, to: number): void {
  for (let start = from; start < to; start += 5_000) {
    const batch = [];
    for (let n = start; n < Math.min(to, start + 5_000); n++) batch.push({ id: `part-${n}` });
    store.merge('conversation_parts', batch);
  }
}

describe('item store memory', () => {
  it('holds 200,000 ids in about the memory it holds 20,000 in, and indexes them on disk', async () => {
    const layout = new OutputLayout(tempDir('item-store-memory-'));
    layout.ensure();
    const store = new ItemStore(layout);
    mergeIds(store, 0, 20_000);
    const at20k = await memoryInUse();
    mergeIds(store, 20_000, 200_000);
    const at200k = await memoryInUse();
    expect(store.count('conversation_parts')).toBe(200_000);
    // An in-memory index takes at least 8 bytes an id (180,000 more ids: 1.4 MB or more, 7.5 MB for the
    // former 16-byte slots at most 70 % full); what remains is allocator noise.
    expect((at200k - at20k) / 2 ** 20).toBeLessThan(1);
    // 200,000 ids × 16 bytes: the index is at least 3.2 MB, on disk.
    expect(fs.statSync(layout.itemsIndexFile('conversation_parts')).size).toBeGreaterThan(200_000 * 16);
    // Still exact: an id merged again with the same content is unchanged, a changed one updated.
    expect(store.merge('conversation_parts', [{ id: 'part-7' }, { id: 'part-199999', v: 2 } as { id: string }, { id: 'part-200000' }])).toEqual({
      received: 3,
      new: 1,
      updated: 1,
    });
  });
});
