/**
 * `npm start` and `npm run airdrop` bound every V8 heap of the snap-in side (main thread and each
 * worker the platform layer spawns), and the bench starts its snap-in processes with those settings.
 */
import { execFileSync } from 'node:child_process';
import { airdropLaunch } from '../../src/cli/bench/airdrop-launch';

/** Heap limits (MB) of a node process started with `flags`, and of a worker thread it starts. */
function heapLimitsMb(flags: string[]): { main: number; worker: number } {
  const script = `
    const { Worker } = require('node:worker_threads');
    const limit = () => require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20;
    new Worker("require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20)", { eval: true })
      .on('message', (worker) => { console.log(JSON.stringify({ main: limit(), worker })); process.exit(0); });`;
  return JSON.parse(execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' })) as { main: number; worker: number };
}

it('npm start and npm run airdrop start the CLI with the same settings', () => {
  expect(airdropLaunch('start')).toEqual(airdropLaunch('airdrop'));
});

it("caps each isolate's heap near 64 MB (V8's default here is in the GB), workers included", () => {
  const limits = heapLimitsMb(airdropLaunch().nodeFlags);
  expect(limits.main).toBeLessThan(100);
  expect(limits.worker).toBeLessThan(100);
  expect(limits.main).toBeGreaterThan(48); // live heaps of the data worker reach ~30 MB
});
