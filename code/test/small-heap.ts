/**
 * Runs a test script in a child process whose V8 heap is capped, so that a test can show a job fits a
 * small heap (the CLI caps each heap at 64 MB): a structure that grows with the input dies there with
 * signal 6. The script gets a temporary folder (removed with the test file's others) and `count`.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { tempDir } from './temp-dir';

export function runUnderHeapCap(script: string, count: number, heapMb: number): SpawnSyncReturns<string> {
  const dir = tempDir('heap-cap-');
  const flags = [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=2', '--import', 'tsx'];
  return spawnSync(process.execPath, [...flags, script, dir, String(count)], { encoding: 'utf8' });
}
