/**
 * Presigned uploads need the exact byte length up front, and a download's `content-length` is not
 * it: a gzip answer declares the compressed length, a chunked one none, and a wrapped stream cannot be
 * measured at all (both SDKs then upload chunked). So each download is written to a temporary file
 * first (bounded memory, any size) and handed on as a file stream with its real length, which the
 * SDK's form-data measures with `stat`. The file is removed once the stream closes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

let spoolDir: string | undefined;

function freshPath(): string {
  spoolDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-airdrop-spool-'));
  return path.join(spoolDir, `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
}

/** The body's bytes as a file stream, and their count. */
export async function spool(body: Readable): Promise<{ data: fs.ReadStream; size: number }> {
  const file = freshPath();
  try {
    await pipeline(body, fs.createWriteStream(file));
    const size = fs.statSync(file).size;
    const data = fs.createReadStream(file);
    data.once('close', () => fs.rm(file, { force: true }, () => undefined));
    return { data, size };
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
}
