/**
 * The one home for atomic file writes (readers see the old content or the new, never half: a temporary
 * file and a rename), whole, piece by piece or streamed, shared by the platform emulator and the CLI;
 * and JSON reads that tell a missing file from a broken one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Bytes of a stream gathered before one write. An upload arrives in a socket's small chunks, and a
 * file write stream writes each at once (one trip to libuv's thread pool per chunk, the platform
 * emulator's largest CPU cost per MB); batched, a typical attachment is one or two writes. Memory
 * held per stream is at most this and one chunk.
 */
export const STREAM_WRITE_BATCH_BYTES = 256 * 1024;

/**
 * Writes `data` to `file` through `<file>.tmp` and a rename. On failure the temporary file is removed,
 * the old file stays intact and the error is rethrown (the caller names the cause for its user).
 */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  replaceFileAtomic(file, (fd) => fs.writeFileSync(fd, data));
}

/**
 * Like writeFileAtomic for content written piece by piece: `fill` writes to the open `<file>.tmp`
 * (e.g. `fs.writeSync(fd, …)`), then the rename replaces `file`.
 */
export function replaceFileAtomic(file: string, fill: (fd: number) => void): void {
  const tmp = `${file}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(tmp, 'w');
    try {
      fill(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Like writeFileAtomic for a stream (an upload): `source` is piped into `<file>.tmp`, then renamed;
 * returns the bytes written. The rename and clean-up are asynchronous (a server receiving many uploads
 * at once keeps its event loop free); the folder is made before the pipe is attached, so that
 * `source` is never left without an error listener.
 */
export async function streamToFileAtomic(file: string, source: Readable): Promise<number> {
  const tmp = `${file}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const out = new BatchedFileWriter(tmp);
    await pipeline(source, out);
    await fs.promises.rename(tmp, file);
    return out.bytesWritten;
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}

/** A file write stream that writes its chunks in batches of STREAM_WRITE_BATCH_BYTES (the last one at the end). */
class BatchedFileWriter extends Writable {
  bytesWritten = 0;
  private fd: number | undefined;
  private batch: Buffer[] = [];
  private batched = 0;

  constructor(private readonly file: string) {
    super();
  }

  override _construct(done: (error?: Error | null) => void): void {
    fs.open(this.file, 'w', (error, fd) => {
      this.fd = fd;
      done(error);
    });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.batch.push(chunk);
    this.batched += chunk.length;
    if (this.batched < STREAM_WRITE_BATCH_BYTES) return done();
    this.flush(done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.flush(done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    if (this.fd === undefined) return done(error);
    fs.close(this.fd, (closeError) => done(error ?? closeError));
    this.fd = undefined;
  }

  private flush(done: (error?: Error | null) => void): void {
    if (this.batched === 0) return done();
    const chunks = this.batch;
    const length = this.batched;
    this.batch = [];
    this.batched = 0;
    writeAll(this.fd as number, chunks, length, (error) => {
      if (!error) this.bytesWritten += length;
      done(error);
    });
  }
}

/** Writes `length` bytes of `chunks` at the file's position, again from where a short write stopped. */
function writeAll(fd: number, chunks: Buffer[], length: number, done: (error: Error | null) => void): void {
  fs.writev(fd, chunks, (error, written) => {
    if (error || written === length) return done(error);
    const rest = Buffer.concat(chunks).subarray(written);
    writeAll(fd, [rest], rest.length, done);
  });
}

/** What `read` returns, or undefined when the file it reads does not exist (any other failure is thrown). */
export function unlessMissing<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Reads and parses a JSON file, or returns undefined when it does not exist; invalid JSON is an error naming the file. */
export function readJsonIfExists<T = unknown>(file: string): T | undefined {
  const text = unlessMissing(() => fs.readFileSync(file, 'utf8'));
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message})`);
  }
}
