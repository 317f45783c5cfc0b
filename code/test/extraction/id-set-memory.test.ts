/**
 * Deletions of a kind of any size are found within a small heap: the comparison read both id sets
 * whole into arrays and a Set of strings (300,000 ids: ~40 MB of heap), which grows with the kind
 * and would run the data worker (64 MB heap) out of memory for a large workspace. Now the sets are
 * read a part at a time and this listing's ids kept as digests outside the heap: 300,000 ids in a
 * process capped at 20 MB (the old comparison died there with signal 6).
 */
import * as path from 'node:path';
import { runUnderHeapCap } from '../small-heap';

describe('comparing two spilled id sets of 300,000 ids', () => {
  it('runs in a process whose heap is capped at 20 MB and reports the three ids that are gone', () => {
    const run = runUnderHeapCap(path.join(__dirname, 'compare-large-id-sets.ts'), 300_000, 20);
    expect({ status: run.status, signal: run.signal, stderr: run.stderr.slice(-300) }).toEqual({ status: 0, signal: null, stderr: '' });
    const result = JSON.parse(run.stdout) as { count: number; ids: string[] };
    expect(result.count).toBe(3);
    // sha1 of "7", "123456" and "299999", first 24 hex digits (the script's ids), sorted.
    expect(result.ids).toEqual(['7c4a8d09ca3762af61e59520', '902ba3cda1883801594b6e1b', 'd0abbf7bee3413072e93351e']);
  }, 300_000);
});
