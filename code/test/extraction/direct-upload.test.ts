/**
 * A download whose exact length is declared goes on to the upload as it arrives (no spool), in a
 * body whose length the official SDK's upload (form-data, appended without a length) can measure.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { PassThrough, type Readable } from 'stream';
import FormData from 'form-data';
import { IntercomClient } from '../../src/intercom';
import { streamFunction } from '../../src/extraction/attachment-stream';
import { initialConnectorState } from '../../src/extraction/state';
import type { NormalizedAttachment } from '../../src/adaas';

const noEmptyFiles = async (): Promise<void> => {
  throw new Error('unexpected empty file');
};

/** A file host that sends the first half of `body` at once and the rest only when `release` is called. */
async function halfThenWait(body: Buffer) {
  let release = () => {};
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(body.length) });
    res.write(body.subarray(0, body.length / 2));
    release = () => {
      release = () => {};
      res.end(body.subarray(body.length / 2));
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { host, release: () => release(), close: () => new Promise((resolve) => server.close(resolve)) };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

jest.setTimeout(20_000);

describe('a download of exact length', () => {
  const body = Buffer.from('%PDF-1.4 '.repeat(20_000)); // 180,000 bytes
  it('is handed to the upload before it has all arrived, and its bytes are the file', async () => {
    const files = await halfThenWait(body);
    try {
      const client = new IntercomClient({ token: 't', baseUrl: `http://${files.host}`, local: true, localFileHosts: [files.host] });
      const item = { id: 'part-1-att-0', url: `http://${files.host}/downloads/a.pdf`, file_name: 'a.pdf', parent_id: '1' } as NormalizedAttachment;
      // Before, the stream function kept the download to itself until its last byte (here never: the test hangs).
      const result = await streamFunction(client, initialConnectorState(), noEmptyFiles)({ item, event: {} as never });
      const http = result.httpStream as unknown as { data: Readable; headers: Record<string, string> };
      expect(http.headers['content-length']).toBe('180000');
      // The official SDK appends the stream without a length: form-data must still know the body's.
      const form = new FormData();
      form.append('file', http.data);
      const declared = await new Promise<number>((resolve, reject) => form.getLength((error, length) => (error ? reject(error) : resolve(length))));
      files.release();
      const sent = await bytesOf(form.pipe(new PassThrough())); // form-data is an old-style stream
      expect(declared).toBe(sent.length);
      expect(sent.includes(body)).toBe(true);
    } finally {
      files.release();
      await files.close();
    }
  });
});
