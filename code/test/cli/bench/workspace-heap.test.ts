/**
 * The bench's figure for the Intercom emulator workspace's memory is what the workspace holds, not
 * what a garbage collection during its creation happened to free: garbage left before the
 * measurement made it print negative values.
 */
import { workspaceHeapMb } from '../../../src/cli/bench/workspace-heap';

/** Leaves ~`mb` MB of garbage in the old generation (small objects kept alive through scavenges, then dropped). */
function leaveGarbage(mb: number): void {
  let junk: Array<{ n: number; s: string }> | null = [];
  for (let n = 0; n < mb * 10_000; n++) junk.push({ n, s: `garbage ${n}` });
  for (let round = 0; round < 20; round++) junk.push(...Array.from({ length: 1_000 }, (_, n) => ({ n, s: `young ${n}` })));
  junk = null;
}

describe('workspaceHeapMb', () => {
  it('is positive and the same with garbage left on the heap before it as without', async () => {
    const clean = await workspaceHeapMb();
    leaveGarbage(100);
    const afterGarbage = await workspaceHeapMb();
    console.log(`workspace of 50,000 conversations: ${clean.toFixed(1)} MB; after garbage: ${afterGarbage.toFixed(1)} MB`);
    expect(clean).toBeGreaterThan(0.5);
    expect(afterGarbage).toBeGreaterThan(0.5);
    expect(Math.abs(afterGarbage - clean)).toBeLessThan(Math.max(2, clean * 0.25));
  }, 120_000);
});
