/**
 * Spooled downloads: the bytes come back whole with their exact count, the upload body measures that
 * count without the file on disk, and no temporary file outlives the call, whether the stream is read,
 * dropped, or the download fails half-way.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import FormData from 'form-data';
import { spool } from '../../src/extraction/spool';

const BYTES = Buffer.from('0123456789'.repeat(7000)); // 70,000 bytes, written by hand

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('spool', () => {
  let tmp: string;
  // A temp folder of this test's own, so that other tests' files cannot be mistaken for ours.
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-test-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('hands back the bytes and their count, with nothing left in the temp folder even before the stream is read', async () => {
    const { data, size } = await spool(Readable.from([BYTES.subarray(0, 30000), BYTES.subarray(30000)]), tmp);
    expect(size).toBe(70000);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect((await readAll(data)).equals(BYTES)).toBe(true);
  });

  it('gives the upload body its exact length without reading the (already removed) file', async () => {
    const { data } = await spool(Readable.from([BYTES]), tmp);
    const form = new FormData();
    form.append('file', data);
    const length = await new Promise<number>((resolve, reject) => form.getLength((err, n) => (err ? reject(err) : resolve(n))));
    const overhead = await new Promise<number>((resolve, reject) => {
      const empty = new FormData();
      empty.append('file', Buffer.alloc(0), { filename: path.basename(data.path as string) });
      empty.getLength((err, n) => (err ? reject(err) : resolve(n)));
    });
    expect(length - overhead).toBe(70000);
    data.destroy();
  });

  it('leaves nothing when a stream is dropped unread', async () => {
    const { data } = await spool(Readable.from([BYTES]), tmp);
    data.destroy();
    await new Promise<void>((resolve) => data.once('close', () => resolve()));
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('leaves nothing when the download fails half-way, even at once (before the file was opened)', async () => {
    // A body failing at its first read ended the pipeline before the write stream's own open, which
    // then created the file after the spool had removed it: 22 of these 50 were left behind.
    for (let i = 0; i < 50; i++) {
      const failing = new Readable({
        read() {
          this.push(BYTES.subarray(0, 1000));
          this.destroy(new Error('connection reset'));
        },
      });
      await expect(spool(failing, tmp)).rejects.toThrow('connection reset');
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('spools an empty body as 0 bytes', async () => {
    const { data, size } = await spool(Readable.from([]), tmp);
    expect(size).toBe(0);
    expect((await readAll(data)).length).toBe(0);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});
