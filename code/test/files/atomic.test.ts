/** The atomic writes every file writer goes through: the old content or the whole new one, never half, no temporary left. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { replaceFileAtomic, STREAM_WRITE_BATCH_BYTES, streamToFileAtomic, writeFileAtomic } from '../../src/files/atomic';
import { tempDir } from '../temp-dir';

describe('atomic writes', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir('atomic-');
    file = path.join(dir, 'sub', 'data.txt');
  });

  it('writes whole, piece by piece and streamed, creating the folder', async () => {
    writeFileAtomic(file, 'one');
    expect(fs.readFileSync(file, 'utf8')).toBe('one');
    replaceFileAtomic(file, (fd) => {
      fs.writeSync(fd, 'tw');
      fs.writeSync(fd, 'o');
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    await streamToFileAtomic(file, Readable.from([Buffer.from('thr'), Buffer.from('ee')]));
    expect(fs.readFileSync(file, 'utf8')).toBe('three');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['data.txt']);
  });

  it('keeps the old content and leaves no temporary file when writing fails half-way', async () => {
    writeFileAtomic(file, 'old');
    expect(() =>
      replaceFileAtomic(file, (fd) => {
        fs.writeSync(fd, 'half');
        throw new Error('disk gone');
      }),
    ).toThrow('disk gone');
    const broken = new Readable({ read() {} });
    broken.push('half of an upload');
    setImmediate(() => broken.destroy(new Error('connection reset')));
    await expect(streamToFileAtomic(file, broken)).rejects.toThrow('connection reset');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['data.txt']);
  });

  it('writes a stream arriving in small chunks in a few large writes, byte for byte', async () => {
    // An upload arrives as a socket delivers it: 100 chunks of 4 KiB, one per turn of the event loop.
    const chunks = Array.from({ length: 100 }, (_, i) => Buffer.alloc(4096, i));
    const body = new Readable({ read() {} });
    let next = 0;
    const feed = () => {
      if (next === chunks.length) return body.push(null);
      body.push(chunks[next++]);
      setImmediate(feed);
    };
    feed();
    // The module object itself (the `import *` namespace is read-only), whose calls the writer makes.
    const nodeFs = jest.requireActual<typeof fs>('node:fs');
    const write = jest.spyOn(nodeFs, 'write');
    const writev = jest.spyOn(nodeFs, 'writev');
    try {
      expect(await streamToFileAtomic(file, body)).toBe(409_600);
      // 409,600 bytes in batches of 256 KiB: two writes, where one write per chunk made 100.
      expect(STREAM_WRITE_BATCH_BYTES).toBe(256 * 1024);
      expect(write.mock.calls.length + writev.mock.calls.length).toBe(2);
    } finally {
      write.mockRestore();
      writev.mockRestore();
    }
    expect(fs.readFileSync(file).equals(Buffer.concat(chunks))).toBe(true);
  });
});
