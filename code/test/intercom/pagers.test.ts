import nock from 'nock';
import { z } from 'zod';
import {
  IntercomDelayRequired,
  IntercomSchemaError,
  IntercomServerError,
  pagers,
  type Cursor,
  type Page,
  type Pager,
  type ScrollPager,
} from '../../src/intercom';
import { API, errorList, makeClient } from './helpers';
import { installNockHooks } from './nock-hooks';

installNockHooks();

const Item = z.looseObject({ id: z.string(), name: z.string() });
type Item = z.infer<typeof Item>;
const item = (id: string) => ({ id, name: `name ${id}`, extra: true });

async function collect(pages: AsyncIterable<Page<Item>>): Promise<Array<Page<Item>>> {
  const out: Array<Page<Item>> = [];
  for await (const page of pages) out.push(page);
  return out;
}
const ids = (pages: Array<Page<Item>>) => pages.map((p) => p.items.map((i) => i.id));

describe('list pager', () => {
  it('yields one page, keeps unknown fields, and reports a bad item with its id and cause', async () => {
    const { client } = makeClient();
    nock(API)
      .get('/admins')
      .reply(200, { type: 'admin.list', admins: [item('1'), { id: '2', name: null }, item('3'), { name: 'numeric id', id: 5 }, { name: 'no id at all' }] });
    const pages = await collect(client.paginate(pagers.list({ kind: 'admin', path: '/admins', itemsKey: 'admins', itemSchema: Item })));
    expect(pages).toHaveLength(1);
    expect(ids(pages)).toEqual([['1', '3']]);
    expect(pages[0].items[0]).toEqual(item('1'));
    expect(Object.keys(pages[0]).sort()).toEqual(['invalid', 'items', 'next']);
    expect(pages[0].next).toBeNull();
    expect(pages[0].invalid.map((i) => i.id)).toEqual(['2', '5', undefined]);
    expect(pages[0].invalid[1].error.message).toMatch(/^Invalid admin 5 from Intercom: id: /);
    expect(pages[0].invalid[2].error.message).toMatch(/^Invalid admin \(item 4 of the page\) from Intercom: id: /);
    expect(pages[0].invalid[2].error.id).toBeUndefined();
    const [bad] = pages[0].invalid;
    expect(bad.error).toBeInstanceOf(IntercomSchemaError);
    expect(bad.error.kind).toBe('admin');
    expect(bad.error.issues[0].path).toBe('name');
    expect(bad.error.message).toMatch(/^Invalid admin 2 from Intercom: name: /);
  });

  it('throws IntercomSchemaError when the items field is not an array', async () => {
    const { client } = makeClient();
    nock(API).get('/tags').reply(200, { type: 'list', data: { oops: true } });
    const pager = pagers.list({ kind: 'tag', path: '/tags', itemsKey: 'data', itemSchema: Item });
    await expect(collect(client.paginate(pager))).rejects.toThrow(/Invalid tag page from Intercom: data: expected an array/);
  });
});

describe('cursor pager (GET per_page / starting_after)', () => {
  const pager: Pager<Item> = pagers.cursor({ kind: 'contact', path: '/contacts', itemsKey: 'data', itemSchema: Item, perPage: 2 });
  const nextOf = (after: string | null) => ({ type: 'pages', per_page: 2, ...(after ? { next: { per_page: 2, starting_after: after } } : {}) });

  function script(): void {
    nock(API)
      .get('/contacts')
      .query({ per_page: '2' })
      .reply(200, { type: 'list', data: [item('a'), item('b')], total_count: 5, pages: nextOf('CUR1') })
      .get('/contacts')
      .query({ per_page: '2', starting_after: 'CUR1' })
      .reply(200, { type: 'list', data: [item('c'), item('d')], total_count: 5, pages: nextOf('CUR2') })
      .get('/contacts')
      .query({ per_page: '2', starting_after: 'CUR2' })
      .reply(200, { type: 'list', data: [item('e')], total_count: 5, pages: nextOf(null) });
  }

  it('follows pages.next.starting_after to the end', async () => {
    const { client } = makeClient();
    script();
    const pages = await collect(client.paginate(pager));
    expect(ids(pages)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(pages.map((p) => p.next)).toEqual([
      { style: 'cursor', startingAfter: 'CUR1' },
      { style: 'cursor', startingAfter: 'CUR2' },
      null,
    ]);
    expect(pages[0].totalCount).toBe(5);
    expect(nock.isDone()).toBe(true);
  });

  it('resumes exactly after a page from its (JSON round-tripped) next', async () => {
    const { client } = makeClient();
    script();
    const first = await client.paginate(pager).next();
    const saved = JSON.parse(JSON.stringify((first.value as Page<Item>).next)) as Cursor;
    const rest = await collect(client.paginate(pager, saved));
    expect(ids(rest)).toEqual([['c', 'd'], ['e']]);
  });

  it('refuses a cursor of another paging style, or a damaged one', async () => {
    const { client } = makeClient();
    await expect(collect(client.paginate(pager, { startingAfter: 'x' } as unknown as Cursor))).rejects.toThrow(
      /Cannot resume contact listing: the saved cursor \{"startingAfter":"x"\} is not a cursor of this client/,
    );
    await expect(collect(client.paginate(pager, { style: 'page', page: 2 }))).rejects.toThrow(/Cannot resume contact listing \(cursor paging\) from a page cursor/);
  });
});

describe('search pager (POST pagination in the body)', () => {
  const query = { field: 'updated_at', operator: '>', value: 1734480000 };
  const pager = pagers.search({
    kind: 'contact',
    path: '/contacts/search',
    itemsKey: 'data',
    itemSchema: Item,
    query,
    sort: { field: 'updated_at', order: 'ascending' },
    perPage: 2,
  });

  it('sends query, sort and pagination; follows starting_after; resumes from next; retries a 500 (search is idempotent)', async () => {
    const { client } = makeClient();
    const bodies: unknown[] = [];
    const record = (status: number, body: object) =>
      function (this: nock.ReplyFnContext, _uri: string, requestBody: nock.Body) {
        bodies.push(requestBody);
        return [status, body] as [number, object];
      };
    nock(API)
      .post('/contacts/search')
      .reply(record(200, { type: 'list', data: [item('a'), item('b')], total_count: 3, pages: { next: { per_page: 2, starting_after: 'S1' } } }))
      .post('/contacts/search')
      .reply(record(500, errorList('server_error', 'boom')))
      .post('/contacts/search')
      .reply(record(200, { type: 'list', data: [item('c')], total_count: 3, pages: { next: null } }));
    const pages = await collect(client.paginate(pager));
    expect(ids(pages)).toEqual([['a', 'b'], ['c']]);
    expect(bodies[0]).toEqual({ query, pagination: { per_page: 2 }, sort: { field: 'updated_at', order: 'ascending' } });
    expect(bodies[1]).toEqual({ query, pagination: { per_page: 2, starting_after: 'S1' }, sort: { field: 'updated_at', order: 'ascending' } });
    expect(bodies[2]).toEqual(bodies[1]);

    nock(API)
      .post('/contacts/search', (body: { pagination: { starting_after?: string } }) => body.pagination.starting_after === 'S1')
      .reply(200, { type: 'list', data: [item('c')], pages: {} });
    expect(ids(await collect(client.paginate(pager, pages[0].next)))).toEqual([['c']]);
  });
});

describe('page-number pager', () => {
  const pager = pagers.page({ kind: 'article', path: '/articles', itemsKey: 'data', itemSchema: Item, perPage: 2 });
  const pagesField = (page: number, total: number) => ({
    type: 'pages',
    page,
    per_page: 2,
    total_pages: total,
    next: page < total ? `https://api.intercom.io/articles?page=${page + 1}&per_page=2` : null,
  });

  it('walks page numbers until pages.next is null, and resumes at a page', async () => {
    const { client } = makeClient();
    for (const [page, data] of [
      [1, [item('1'), item('2')]],
      [2, [item('3'), item('4')]],
      [3, [item('5')]],
    ] as const) {
      nock(API).get('/articles').query({ page: String(page), per_page: '2' }).reply(200, { type: 'list', data, total_count: 5, pages: pagesField(page, 3) });
    }
    const pages = await collect(client.paginate(pager));
    expect(ids(pages)).toEqual([['1', '2'], ['3', '4'], ['5']]);
    expect(pages.map((p) => p.next)).toEqual([{ style: 'page', page: 2 }, { style: 'page', page: 3 }, null]);

    nock(API).get('/articles').query({ page: '3', per_page: '2' }).reply(200, { type: 'list', data: [item('5')], pages: pagesField(3, 3) });
    expect(ids(await collect(client.paginate(pager, { style: 'page', page: 3 })))).toEqual([['5']]);
  });

  it('stops at total_pages when pages.next is absent', async () => {
    const { client } = makeClient();
    nock(API)
      .get('/articles')
      .query(true)
      .reply(200, { data: [item('1'), item('2')], pages: { page: 1, total_pages: 2 } })
      .get('/articles')
      .query(true)
      .reply(200, { data: [item('3')], pages: { page: 2, total_pages: 2 } });
    const pages = await collect(client.paginate(pager));
    expect(ids(pages)).toEqual([['1', '2'], ['3']]);
    expect(nock.isDone()).toBe(true);
  });
});

describe('scroll pager', () => {
  const scroll = (overrides: Partial<Omit<ScrollPager<Item>, 'style'>> = {}) =>
    pagers.scroll<Item>({ kind: 'company', path: '/companies/scroll', itemsKey: 'data', itemSchema: Item, ...overrides });
  const answer = (data: object[], param: string) => ({ type: 'list', data, pages: null, total_count: null, scroll_param: param });
  /** Intercom answering GET /companies/scroll in this order; a step's `param` is the scroll_param it expects (none: a fresh scroll). */
  type Step = { param?: string; status?: number; body: object | string };
  const serve = (...steps: Step[]) =>
    steps.reduce((scope, { param, status = 200, body }) => {
      const get = scope.get('/companies/scroll');
      return (param === undefined ? get : get.query({ scroll_param: param })).reply(status, body);
    }, nock(API));

  it('follows scroll_param until an empty page, with resumable cursors counting items read', async () => {
    const { client } = makeClient();
    serve({ body: answer([item('a'), item('b')], 's1') }, { param: 's1', body: answer([item('c')], 's2') }, { param: 's2', body: answer([], 's3') });
    const pages = await collect(client.paginate(scroll()));
    expect(ids(pages)).toEqual([['a', 'b'], ['c']]);
    expect(pages.map((p) => p.next)).toEqual([
      { style: 'scroll', scrollParam: 's1', read: 2 },
      { style: 'scroll', scrollParam: 's2', read: 3 },
    ]);
    expect(nock.isDone()).toBe(true);

    serve({ param: 's1', body: answer([item('c')], 's2') }, { param: 's2', body: answer([], 's3') });
    const resumed = await collect(client.paginate(scroll(), pages[0].next));
    expect(ids(resumed)).toEqual([['c']]);
    expect(resumed[0].next).toEqual({ style: 'scroll', scrollParam: 's2', read: 3 });
  });

  it('restarts from the beginning after a 500 mid-scroll (never retrying it in place)', async () => {
    const { client } = makeClient();
    serve(
      { body: answer([item('a'), item('b')], 's1') },
      { param: 's1', status: 500, body: errorList('server_error', 'Request failed due to an internal network error. Please restart the scroll operation.') },
      { body: answer([item('a'), item('b')], 'n1') },
      { param: 'n1', body: answer([item('c')], 'n2') },
      { param: 'n2', body: answer([], 'n3') },
    );
    const pages = await collect(client.paginate(scroll()));
    expect(ids(pages)).toEqual([['a', 'b'], ['a', 'b'], ['c']]);
    expect(pages.map((p) => p.restarted ?? false)).toEqual([false, true, false]);
    expect(pages[1].next).toEqual({ style: 'scroll', scrollParam: 'n1', read: 2 });
    expect(nock.isDone()).toBe(true);
    expect(client.stats()).toMatchObject({ serverErrors: 1, retries: 0 });
  });

  it('restarts (never replays) after a broken body mid-scroll: a replay would skip the page Intercom already served', async () => {
    const { client } = makeClient();
    serve(
      { body: answer([item('a')], 's1') },
      { param: 's1', body: '{"type":"list","data":[{"id":"b"' },
      { body: answer([item('a')], 't1') },
      { param: 't1', body: answer([item('b')], 't2') },
      { param: 't2', body: answer([], 't3') },
    );
    const pages = await collect(client.paginate(scroll()));
    expect(ids(pages)).toEqual([['a'], ['a'], ['b']]);
    expect(pages[1].restarted).toBe(true);
    expect(nock.isDone()).toBe(true);
    expect(client.stats().retries).toBe(0);
  });

  it('gives up with IntercomServerError after too many restarts', async () => {
    const { client } = makeClient();
    nock(API).get('/companies/scroll').times(2).reply(500, errorList('server_error', 'internal network error'));
    await expect(collect(client.paginate(scroll({ maxRestarts: 1 })))).rejects.toBeInstanceOf(IntercomServerError);
    expect(nock.isDone()).toBe(true);
  });

  it('restarts when a saved scroll_param has expired', async () => {
    const { client } = makeClient();
    serve(
      { param: 'old', status: 404, body: errorList('not_found', 'scroll parameter not found') },
      { body: answer([item('a')], 'p1') },
      { param: 'p1', body: answer([], 'p2') },
    );
    const pages = await collect(client.paginate(scroll(), { style: 'scroll', scrollParam: 'old', read: 40 }));
    expect(ids(pages)).toEqual([['a']]);
    expect(pages[0]).toMatchObject({ restarted: true, next: { style: 'scroll', scrollParam: 'p1', read: 1 } });
  });

  it('waits out "scroll already exists", and asks canWait before a long pause', async () => {
    const exists = errorList('scroll_exists', 'scroll already exists for this workspace');
    const { client } = makeClient();
    serve({ status: 400, body: exists }, { status: 400, body: exists }, { body: answer([item('a')], 'q1') }, { param: 'q1', body: answer([], 'q2') });
    const pages = await collect(client.paginate(scroll({ existingScrollWait: { pauseMs: 20, maxWaits: 3 } })));
    expect(ids(pages)).toEqual([['a']]);
    expect(nock.isDone()).toBe(true);

    const asked: number[] = [];
    const impatient = makeClient({ canWait: (ms) => (asked.push(ms), false) }).client;
    nock(API).get('/companies/scroll').reply(400, exists);
    const error = await collect(impatient.paginate(scroll({ existingScrollWait: { pauseMs: 30_000 } }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntercomDelayRequired);
    expect((error as IntercomDelayRequired).delaySeconds).toBe(30);
    expect(asked).toEqual([30_000]);
  });

  it('gives up on "scroll already exists" after the bounded number of waits', async () => {
    const { client } = makeClient();
    nock(API).get('/companies/scroll').times(3).reply(400, errorList('bad_request', 'Scroll already exists'));
    await expect(collect(client.paginate(scroll({ existingScrollWait: { pauseMs: 5, maxWaits: 2 } })))).rejects.toThrow(/Scroll already exists/);
    expect(nock.isDone()).toBe(true);
  });
});
