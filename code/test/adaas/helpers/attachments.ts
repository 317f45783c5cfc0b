import axios from 'axios';
import { createHash, randomBytes } from 'crypto';
import { gzipSync } from 'zlib';
import type { ExternalSystemAttachmentStreamingFunction, NormalizedAttachment } from '../../../src/adaas';
import type { PlatformServer } from './platform-server';

/** A file the fake external system serves. */
export interface ExternalFile {
  id: string;
  bytes: Buffer;
  contentType: string;
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Files of assorted sizes and types, random content. */
export function makeFiles(): ExternalFile[] {
  return [
    { id: 'att-1', bytes: randomBytes(3 * 1024 * 1024 + 17), contentType: 'image/png' },
    { id: 'att-2', bytes: Buffer.from('hello, attachment\n'), contentType: 'text/plain' },
    { id: 'att-3', bytes: randomBytes(70_000), contentType: 'application/pdf' },
  ];
}

/** Serves each file at /ext/<id> and returns the NormalizedAttachment list pointing at them. */
export function serveFiles(server: PlatformServer, files: ExternalFile[]): NormalizedAttachment[] {
  for (const f of files) {
    server.route('GET', `/ext/${f.id}`, (_req, res) => {
      res.writeHead(200, { 'content-type': f.contentType, 'content-length': String(f.bytes.length) });
      res.end(f.bytes);
    });
  }
  return files.map((f, i) => ({
    id: f.id,
    url: `${server.baseUrl}/ext/${f.id}`,
    file_name: `${f.id}.bin`,
    parent_id: `conv-${i}`,
    author_id: `admin-${i}`,
    ...(i === 0 ? { inline: true } : {}),
  }));
}

/** Stores an `attachments` artifact (gzip JSONL) on the server and returns its id. */
export function putAttachmentsArtifact(server: PlatformServer, id: string, list: NormalizedAttachment[]): string {
  server.putArtifact(id, gzipSync(Buffer.from(list.map((a) => JSON.stringify(a)).join('\n'))));
  return id;
}

/** The connector-side stream function: a plain axios GET with a response stream. */
export const streamFromUrl: ExternalSystemAttachmentStreamingFunction = async ({ item }) => ({
  httpStream: await axios.get(item.url, { responseType: 'stream' }),
});

/** Uploaded attachment files keyed by external attachment id (via the upload-url file_name). */
export function uploadedByFileName(server: PlatformServer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const u of server.uploads.values()) {
    if (u.file && u.file.filename && !u.file.filename.endsWith('.jsonl.gz')) out.set(u.file.filename, u.file.data);
  }
  return out;
}
