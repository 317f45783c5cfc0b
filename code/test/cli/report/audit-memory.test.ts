/**
 * The report's audit of a large store fits a small heap: it held the id of every stored item as a
 * string (about 100 bytes each; a 50,000-conversation import stores about a million), which at the
 * CLI's 64 MB heap cap ran the report out of memory. 300,000 parts under a 20 MB heap: the old audit
 * died (signal 6 at 24 MB), the digests take ~4 MB outside the heap.
 */
import * as path from 'node:path';
import { runUnderHeapCap } from '../../small-heap';
import { IdDigestSet } from '../../../src/extraction/id-digest-set';

describe('the audit of a store of 300,000 parts', () => {
  it('runs in a process whose heap is capped at 20 MB, and resolves every mention', () => {
    const run = runUnderHeapCap(path.join(__dirname, 'audit-large-store.ts'), 300_000, 20);
    expect({ status: run.status, signal: run.signal, stderr: run.stderr.slice(-300) }).toEqual({ status: 0, signal: null, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({ mentions: { checked: 300_000, unresolved: 0, sample: [] }, badLines: 0 });
  }, 300_000);
});

describe('IdDigestSet', () => {
  it('knows the ids added, past its first capacity, and no others', () => {
    const set = new IdDigestSet();
    for (let n = 0; n < 5_000; n++) set.add(`id-${n}`);
    set.add('id-7');
    expect(set.size).toBe(5_000);
    expect(['id-0', 'id-4999', 'id-2500'].map((id) => set.has(id))).toEqual([true, true, true]);
    expect(['id-5000', 'id--1', '', 'ID-1'].map((id) => set.has(id))).toEqual([false, false, false, false]);
  });
});
