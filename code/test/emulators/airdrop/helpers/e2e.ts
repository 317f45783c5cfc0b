/** Shared pieces of the end-to-end tests: the fake external file server and the store checks. */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import type { AirdropEmulatorInternals, RunResult } from '../../../../src/emulators/airdrop';
import type { TestConnectorConfig } from '../connector/config';
import { readJsonl } from './setup';

/** Soft timeout per invocation. 4 s rather than 2: on a loaded 2-core machine a worker thread
 * (tsx-compiled) can take over a second just to start, and the hard timeout is only ×1.3. */
export const SOFT_TIMEOUT_MS = 4000;
const FILE_DELAY_MS = 300;
export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Deterministic, distinct bytes for file i. */
export function fileBytes(i: number): Buffer {
  const out = Buffer.alloc(1000 * (i + 1) + 17);
  for (let k = 0; k < out.length; k++) out[k] = (k * 31 + i * 7) % 251;
  return out;
}

/** The fake external system: serves /files/<i>, a little slowly, so the attachments phase spans invocations. */
export async function startFileServer(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    const match = /^\/files\/(\d+)$/.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    requests++;
    const bytes = fileBytes(Number(match[1]));
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) });
      res.end(bytes);
    }, FILE_DELAY_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Exactly `config.items` tickets and `config.attachments` files, each intact: nothing lost, nothing twice. */
export function expectCompleteStore(emulator: AirdropEmulatorInternals, config: TestConnectorConfig, result: RunResult): void {
  const { items: N, attachments: M } = config;
  const tickets = readJsonl(emulator.layout.itemsFile('tickets'));
  const ids = tickets.map((t) => t.id as string);
  expect(new Set(ids).size).toBe(N);
  expect(ids.sort()).toEqual(Array.from({ length: N }, (_, i) => `t${i}`).sort());
  expect(tickets.find((t) => t.id === 't7')).toEqual({
    id: 't7',
    created_date: '2024-01-01T00:07:00.000Z',
    modified_date: '2024-01-01T00:07:00.000Z',
    data: { title: 'Ticket 7', owner: 'u0' },
  });
  const stored = fs.readdirSync(emulator.layout.attachmentsDir).sort();
  expect(stored).toEqual(Array.from({ length: M }, (_, i) => `ticket-att-${i}`).sort());
  for (let i = 0; i < M; i++) {
    expect(sha256(fs.readFileSync(emulator.layout.attachmentFile(`ticket-att-${i}`)))).toBe(sha256(fileBytes(i)));
  }
  expect(result.attachments.bytes).toBe(Array.from({ length: M }, (_, i) => fileBytes(i).length).reduce((a, b) => a + b, 0));
}
