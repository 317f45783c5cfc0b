/** The atomic writes every file writer goes through: the old content or the whole new one, never half, no temporary left. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { replaceFileAtomic, streamToFileAtomic, writeFileAtomic } from '../../src/files/atomic';
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
});
