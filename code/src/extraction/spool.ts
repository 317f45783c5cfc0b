/**
 * Presigned uploads need the exact byte length up front, and a download's `content-length` is not
 * it: a gzip answer declares the compressed length, a chunked one none, and a wrapped stream cannot be
 * measured at all (both SDKs then upload chunked). So each download is written to a temporary file
 * first (bounded memory, any size) and handed on as a file stream with its real length.
 *
 * The file is opened and then unlinked at once: the open descriptor keeps the bytes readable, and
 * nothing is left on disk however the stream ends (uploaded, skipped by the platform layer, or the
 * process ended at the hard timeout). A warm runtime's temp folder therefore does not fill up over
 * invocations. The stream carries its byte range, which form-data (the SDK's upload body) takes as
 * the length instead of stat-ing the unlinked path.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

export const SPOOL_FILE_PREFIX = 'intercom-airdrop-spool-';

/** The body's bytes as a file stream, and their count; `dir` is the system's temp folder but in tests. */
export async function spool(body: Readable, dir = os.tmpdir()): Promise<{ data: fs.ReadStream; size: number }> {
  // Customer bytes in a shared temp folder: readable by us only, and never through a planted link.
  const file = path.join(dir, `${SPOOL_FILE_PREFIX}${randomUUID()}`);
  let fd: number | undefined;
  try {
    // Created here, not by the write stream's own (asynchronous) open: a body that fails at once
    // ended the pipeline before that open, which then created the file after it was removed below.
    const writeFd = fs.openSync(file, 'wx', 0o600);
    await pipeline(body, fs.createWriteStream(file, { fd: writeFd }));
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const data = fs.createReadStream(file, size > 0 ? { fd, start: 0, end: size - 1 } : { fd });
    data.path = file; // Node drops it when given a descriptor; form-data names the upload's file part by it
    return { data, size };
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    throw error;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
