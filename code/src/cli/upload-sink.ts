/**
 * Where `estimate`'s probe downloads go on to, as the import's go on to the platform: a loopback
 * HTTP server that, per file, answers a request for an upload URL, stores the upload in a temporary
 * file (removed at once) and answers its confirmation: the three requests the platform layer makes
 * per file (the SDK's processAttachment). The probe's rate then includes more of what the import's
 * attachments phase pays besides the download (on 2 cores its downloads had come at 0.7–0.8 × the
 * rate of downloads written straight to disk; the rest: `IMPORT_OVER_PROBE_PER_BYTE`).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SPOOL_FILE_PREFIX } from '../extraction/spool';

export interface UploadSink {
  /** Sends `body` (with its exact length when known, else chunked); resolves to the bytes stored. */
  upload(body: Readable, length?: number): Promise<number>;
  close(): Promise<void>;
}

export async function startUploadSink(): Promise<UploadSink> {
  const server = http.createServer((req, res) => {
    if (req.url !== '/upload') {
      req.resume().on('end', () => res.setHeader('content-type', 'application/json').end(JSON.stringify({ artifact_id: randomUUID() })));
      return;
    }
    const file = path.join(os.tmpdir(), `${SPOOL_FILE_PREFIX}probe-${randomUUID()}`);
    // Opened before the pipeline, as spool.ts does: a failed upload must not create it after the removal.
    pipeline(req, fs.createWriteStream(file, { fd: fs.openSync(file, 'wx', 0o600) }))
      .then(() => res.end(String(fs.statSync(file).size)))
      .catch(() => res.destroy())
      .finally(() => fs.rmSync(file, { force: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true });
  const send = (route: string, body: Readable, length?: number) =>
    new Promise<string>((resolve, reject) => {
      const headers = length === undefined ? {} : { 'content-length': String(length) };
      const req = http.request({ host: '127.0.0.1', port, path: route, method: 'POST', agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(text)).on('error', reject);
      });
      pipeline(body, req).catch(reject);
    });
  return {
    upload: async (body, length) => {
      await send('/prepare', Readable.from([JSON.stringify({ file_size: length })]));
      const stored = Number(await send('/upload', body, length));
      await send('/confirm', Readable.from([JSON.stringify({ stored })]));
      return stored;
    },
    close: async () => {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
