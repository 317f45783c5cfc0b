/**
 * Issue 10, the bad-input corpus: every recorded answer of `code/fixtures/bad/*.json` replayed
 * through the real client against a real HTTP server. Each ends in a clear error naming the endpoint
 * or URL, in valid items kept with the bad ones reported, or in a bounded delay; none hangs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { z } from 'zod';
import { IntercomDelayRequired, pagers, type Page } from '../../src/intercom';
import { makeClient, startScriptedServer, type Handler } from './helpers';
import { installNockHooks } from './nock-hooks';

installNockHooks();

interface Case {
  what: string;
  request: string;
  answers: Array<{ status: number; headers?: Record<string, string>; body?: string; gzipBody?: string }>;
  expect: { error?: string; items?: string[]; invalid?: number; delaySeconds?: number };
}

const DIR = path.join(__dirname, '../../fixtures/bad');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const Item = z.looseObject({ id: z.string() });

const handlerOf = (answer: Case['answers'][number]): Handler => (_req, res) => {
  const body = answer.gzipBody !== undefined ? gzipSync(answer.gzipBody) : Buffer.from(answer.body ?? '');
  res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers, 'Content-Length': String(body.length) });
  res.end(body);
};

describe('bad-input corpus', () => {
  it('has the cases issue 10 asks for', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s', async (file) => {
    const c = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Case;
    const server = await startScriptedServer(c.answers.map(handlerOf));
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, localFileHosts: [new URL(server.baseUrl).host], maxRetries: 1, canWait: (ms) => ms < 5_000 });
      const [verb, route] = c.request.split(' ') as [string, string];
      let outcome: { error?: unknown; items: string[]; invalid: number } = { items: [], invalid: 0 };
      try {
        if (verb === 'DOWNLOAD') {
          const file = await client.download(`${server.baseUrl}${route}`);
          file.data.resume();
        } else {
          for await (const page of client.paginate(pagers.cursor({ kind: 'contact', path: route, itemsKey: 'data', itemSchema: Item })) as AsyncIterable<Page<{ id: string }>>) {
            outcome.items.push(...page.items.map((i) => i.id));
            outcome.invalid += page.invalid.length;
            for (const bad of page.invalid) expect(bad.error.message).toMatch(/contact/);
          }
        }
      } catch (error) {
        outcome = { ...outcome, error };
      }
      if (c.expect.error !== undefined) {
        expect(outcome.error).toBeInstanceOf(Error);
        expect((outcome.error as Error).message).toMatch(new RegExp(c.expect.error));
      }
      if (c.expect.delaySeconds !== undefined) {
        expect(outcome.error).toBeInstanceOf(IntercomDelayRequired);
        expect((outcome.error as IntercomDelayRequired).delaySeconds).toBe(c.expect.delaySeconds);
      }
      if (c.expect.items !== undefined) {
        expect(outcome.error).toBeUndefined();
        expect(outcome.items).toEqual(c.expect.items);
        expect(outcome.invalid).toBe(c.expect.invalid ?? 0);
      }
    } finally {
      await server.close();
    }
  }, 30_000);
});
