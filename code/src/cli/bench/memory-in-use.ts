/** Memory still in use after full collections: heap plus buffers (typed arrays and Buffers count in `external`). */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { setImmediate as nextTurn } from 'node:timers/promises';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const SETTLED_BYTES = 256 * 1024;
const MAX_ROUNDS = 10;

/**
 * Collects until two readings agree: what one collection frees can lag it (finalizers, buffers released on the
 * next turn, objects a weak map held until its key died), and a single reading in a test worker swung by 6 MB
 * with what the files before it had left.
 */
export async function memoryInUse(): Promise<number> {
  let previous = readAfterCollection();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await nextTurn();
    const current = readAfterCollection();
    if (Math.abs(current - previous) < SETTLED_BYTES) return current;
    previous = current;
  }
  return previous;
}

function readAfterCollection(): number {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}
