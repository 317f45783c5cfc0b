/**
 * Issue 10 §10: a server whose paging never ends (a cursor cycle A→B→A, empty pages with fresh
 * cursors, page numbers it ignores) stops the listing with an error naming the endpoint and the
 * cursor, instead of looping until the hard timeout.
 */
import { z } from 'zod';
import { IntercomPagingError, pagers, type Page } from '../../src/intercom';
import { makeClient, startScriptedServer, type Handler } from './helpers';
import { installNockHooks } from './nock-hooks';

installNockHooks();

const Item = z.looseObject({ id: z.string() });
type Item = z.infer<typeof Item>;

/** Requests a looping server may answer before the test calls it an endless loop. */
const LOOP_GUARD = 60;

/** Iterates until the pager stops (or the guard trips): returns the pages read and the error it ended with. */
async function walk(pages: AsyncIterable<Page<Item>>): Promise<{ read: number; error: unknown }> {
  let read = 0;
  try {
    for await (const _page of pages) {
      read += 1;
      if (read > LOOP_GUARD) return { read, error: new Error('still paging: endless loop') };
    }
    return { read, error: undefined };
  } catch (error) {
    return { read, error };
  }
}

function answer(body: (url: URL, reqBody: string) => unknown): Handler {
  return (req, res, reqBody) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body(new URL(req.url ?? '/', 'http://x'), reqBody)));
  };
}

describe('paging loops are detected', () => {
  it('a cursor cycle A→B→A on GET paging stops with an error naming the endpoint and the cursor', async () => {
    const next: Record<string, string> = { '': 'A', A: 'B', B: 'A' };
    const server = await startScriptedServer([
      answer((url) => {
        const after = url.searchParams.get('starting_after') ?? '';
        return { type: 'list', data: [{ id: `after-${after}` }], pages: { next: { starting_after: next[after] } } };
      }),
    ]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, local: true });
      const { read, error } = await walk(client.paginate(pagers.cursor({ kind: 'contact', path: '/contacts', itemsKey: 'data', itemSchema: Item })));
      expect(error).toBeInstanceOf(IntercomPagingError);
      expect((error as Error).message).toContain('GET /contacts');
      expect((error as Error).message).toContain('"A"');
      // Stops before handing out the page that points back: its cursor would resume into the cycle.
      expect(read).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('a cycle in a search (POST body paging) is caught the same way', async () => {
    const server = await startScriptedServer([
      answer((_url, body) => {
        const after = (JSON.parse(body) as { pagination: { starting_after?: string } }).pagination.starting_after;
        return { type: 'list', data: [{ id: `x${after ?? ''}` }], pages: { next: { starting_after: after === 'P' ? 'Q' : 'P' } } };
      }),
    ]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, local: true });
      const { error } = await walk(client.paginate(pagers.search({ kind: 'conversation', path: '/conversations/search', itemsKey: 'conversations', itemSchema: Item, query: {} })));
      expect(error).toBeInstanceOf(IntercomPagingError);
      expect((error as Error).message).toMatch(/POST \/conversations\/search.*"P"/);
    } finally {
      await server.close();
    }
  });

  it('empty pages with ever fresh cursors stop after a few, naming the endpoint and the last cursor', async () => {
    let n = 0;
    const server = await startScriptedServer([
      answer(() => {
        n += 1;
        return { type: 'list', data: [], pages: { next: { starting_after: `fresh-${n}` } } };
      }),
    ]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, local: true });
      const { read, error } = await walk(client.paginate(pagers.cursor({ kind: 'contact', path: '/contacts', itemsKey: 'data', itemSchema: Item })));
      expect(error).toBeInstanceOf(IntercomPagingError);
      expect((error as Error).message).toMatch(/GET \/contacts.*"fresh-\d+".*empty pages/);
      expect(read).toBeLessThanOrEqual(5);
    } finally {
      await server.close();
    }
  });

  it('numbered pages the server ignores (the same items again) stop with an error naming the page', async () => {
    const server = await startScriptedServer([
      answer(() => ({ type: 'list', data: [{ id: '1' }, { id: '2' }], pages: { page: 1, next: 'http://x/articles?page=2', total_pages: 1000 } })),
    ]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, local: true });
      const { read, error } = await walk(client.paginate(pagers.page({ kind: 'article', path: '/articles', itemsKey: 'data', itemSchema: Item })));
      expect(error).toBeInstanceOf(IntercomPagingError);
      expect((error as Error).message).toMatch(/GET \/articles.*page 2/);
      expect(read).toBe(1);
    } finally {
      await server.close();
    }
  });
});
