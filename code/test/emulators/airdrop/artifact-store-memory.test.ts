/**
 * The platform emulator's memory does not grow with the files an attachments invocation uploads:
 * what it knows of a confirmed artifact waits on disk until an ssor_attachment files it.
 */
import { Readable } from 'node:stream';
import { ArtifactStore } from '../../../src/emulators/airdrop/artifact-store';
import { OutputLayout } from '../../../src/emulators/airdrop/layout';
import { tempDir } from './helpers/setup';
import { memoryInUse } from '../../../src/cli/bench/memory-in-use';

/** Uploads and confirms one-byte files `from`..`to` the way the attachments phase does; returns the first id. */
async function uploadFiles(store: ArtifactStore, from: number, to: number): Promise<string> {
  let first = '';
  for (let n = from; n < to; n++) {
    const record = store.prepare({ fileName: `screenshot-${n}.png`, fileType: 'image/png', declaredSize: 1, requestId: `request-${n}` });
    await store.receive(record.id, Readable.from([Buffer.from('x')]));
    expect(await store.confirm(record.id)).toBe(true);
    first ||= record.id;
  }
  return first;
}

describe('artifact store memory', () => {
  it('holds 5,000 confirmed, not yet filed uploads in about the memory of 500, and still knows each', async () => {
    const layout = new OutputLayout(tempDir('artifact-store-memory-'));
    layout.ensure();
    const store = new ArtifactStore(layout);
    const since = Date.now();
    const first = await uploadFiles(store, 0, 500);
    const at500 = await memoryInUse();
    const sample = await uploadFiles(store, 500, 5_000);
    const at5k = await memoryInUse();
    // Records held in memory took ~530 bytes each (4.6 MB for 9,000): 4,500 more, ~2.3 MB.
    expect((at5k - at500) / 2 ** 20).toBeLessThan(0.8);
    expect(store.get(sample)).toMatchObject({ id: sample, fileName: 'screenshot-500.png', fileType: 'image/png', size: 1, confirmed: true });
    expect(store.uploadedSince(since)).toHaveLength(5_000);
    store.forget(first);
    expect(store.get(first)).toBeUndefined();
    expect(store.uploadedSince(since)).toHaveLength(4_999);
  });
});
