/** Paging through every list endpoint yields exactly the ground truth: no loss, no repeat. */
import { collectCursorIds, collectPageIds, sorted, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 3, edgeCases: true });
});
afterAll(async () => h.emulator.close());

const truth = () => h.emulator.workspace.truth;

/** Pages a search until the end; returns the ids in order. */
async function searchIds(path: string, listKey: string, body: object, perPage: number): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let startingAfter: string | undefined;
  do {
    const res = await h.http.post(path, { ...body, pagination: { per_page: perPage, starting_after: startingAfter } });
    expect(res.status).toBe(200);
    ids.push(...res.data[listKey].map((o: { id: string }) => o.id));
    totals.push(res.data.total_count);
    startingAfter = res.data.pages.next?.starting_after;
  } while (startingAfter);
  return { ids, totals };
}

test('unpaginated lists: admins, teams, tags', async () => {
  expect(sorted((await h.http.get('/admins')).data.admins.map((a: { id: string }) => a.id))).toEqual(sorted(truth().ids('admins')));
  expect(sorted((await h.http.get('/teams')).data.teams.map((a: { id: string }) => a.id))).toEqual(sorted(truth().ids('teams')));
  expect(sorted((await h.http.get('/tags')).data.data.map((a: { id: string }) => a.id))).toEqual(sorted(truth().ids('tags')));
});

test('GET /contacts with starting_after cursors', async () => {
  const ids = await collectCursorIds(h.http, '/contacts', 'data', 9);
  expect(ids).toEqual([...new Set(ids)]);
  expect(sorted(ids)).toEqual(sorted(truth().ids('contacts')));
});

test('GET /conversations with starting_after cursors, most recently updated first', async () => {
  const ids = await collectCursorIds(h.http, '/conversations', 'conversations', 7);
  expect(ids).toEqual([...new Set(ids)]);
  expect(sorted(ids)).toEqual(sorted(truth().ids('conversations', { allConversations: true })));
  const updatedAt = new Map(h.emulator.workspace.conversationIndex().map((c) => [c.id, c.updated_at]));
  const times = ids.map((id) => updatedAt.get(id)!);
  expect(times).toEqual([...times].sort((a, b) => b - a));
});

test('POST /conversations/search for closed conversations equals the default ground truth (closed only)', async () => {
  const { ids, totals } = await searchIds('/conversations/search', 'conversations', { query: { field: 'state', operator: '=', value: 'closed' } }, 11);
  expect(ids).toEqual([...new Set(ids)]);
  expect(sorted(ids)).toEqual(sorted(truth().ids('conversations')));
  expect(new Set(totals)).toEqual(new Set([ids.length]));
});

test('POST /contacts/search over all roles, sorted by updated_at ascending', async () => {
  const body = { query: { field: 'role', operator: 'IN', value: ['user', 'lead'] }, sort: { field: 'updated_at', order: 'ascending' } };
  const { ids } = await searchIds('/contacts/search', 'data', body, 13);
  expect(ids).toEqual([...new Set(ids)]);
  expect(sorted(ids)).toEqual(sorted(truth().ids('contacts')));
});

test('POST /conversations/search on updated_at: day-granular in the workspace timezone', async () => {
  const ws = h.emulator.workspace;
  const index = ws.conversationIndex();
  const t = [...index].sort((a, b) => a.updated_at - b.updated_at)[Math.floor(index.length / 2)].updated_at;
  // Independent oracle: compare local calendar dates as YYYY-MM-DD strings.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: ws.app.timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const localDate = (unix: number) => day.format(new Date(unix * 1000));
  const expectAfter = index.filter((c) => localDate(c.updated_at) > localDate(t)).map((c) => c.id);
  const expectSameDay = index.filter((c) => localDate(c.updated_at) === localDate(t)).map((c) => c.id);
  const after = await searchIds('/conversations/search', 'conversations', { query: { field: 'updated_at', operator: '>', value: t } }, 150);
  const sameDay = await searchIds('/conversations/search', 'conversations', { query: { field: 'updated_at', operator: '=', value: t } }, 150);
  expect(sorted(after.ids)).toEqual(sorted(expectAfter));
  expect(sorted(sameDay.ids)).toEqual(sorted(expectSameDay));
  // The instant itself is not the boundary: conversations updated later on the same day are not "> t".
  const laterSameDay = index.filter((c) => c.updated_at > t && localDate(c.updated_at) === localDate(t)).map((c) => c.id);
  for (const id of laterSameDay) expect(after.ids).not.toContain(id);
});

test('GET /companies by page number and GET /companies/scroll', async () => {
  const listed = await collectPageIds(h.http, '/companies', 'data', 4);
  expect(sorted(listed)).toEqual(sorted(truth().ids('companies')));
  const scrolled: string[] = [];
  let scrollParam: string | undefined;
  for (;;) {
    const res = await h.http.get('/companies/scroll', { params: { scroll_param: scrollParam } });
    expect(res.status).toBe(200);
    if (res.data.data.length === 0) break;
    scrolled.push(...res.data.data.map((c: { id: string }) => c.id));
    scrollParam = res.data.scroll_param;
  }
  expect(scrolled).toEqual([...new Set(scrolled)]);
  expect(sorted(scrolled)).toEqual(sorted(truth().ids('companies')));
});

test('help center collections and articles by page number', async () => {
  expect(sorted(await collectPageIds(h.http, '/help_center/collections', 'data', 3))).toEqual(sorted(truth().ids('collections')));
  const articles = await collectPageIds(h.http, '/articles', 'data', 4);
  expect(articles).toEqual([...new Set(articles)]);
  expect(sorted(articles)).toEqual(sorted(truth().ids('articles')));
});

test('GET /conversations/deleted by page number, both orders', async () => {
  for (const order of ['asc', 'desc']) {
    const ids = await collectPageIds(h.http, `/conversations/deleted?order=${order}`, 'conversations', 2);
    expect(sorted(ids)).toEqual(sorted(truth().deletedConversationIds()));
  }
});

test('a bad or foreign cursor answers 400 client_error', async () => {
  for (const cursor of ['not-a-cursor', Buffer.from('{"x":1}').toString('base64')]) {
    const res = await h.http.get('/contacts', { params: { starting_after: cursor } });
    expect(res.status).toBe(400);
    expect(res.data.errors[0].code).toBe('client_error');
  }
  const page = await h.http.get('/conversations', { params: { per_page: 1 } });
  const conversationsCursor = page.data.pages.next?.starting_after;
  expect(typeof conversationsCursor).toBe('string'); // more than one conversation: a cursor to misuse exists
  const res = await h.http.get('/contacts', { params: { starting_after: conversationsCursor } });
  expect(res.status).toBe(400);
});

test('per_page above the maximum is rejected, naming the parameter', async () => {
  const res = await h.http.get('/conversations', { params: { per_page: 151 } });
  expect(res.status).toBe(400);
  expect(res.data.errors[0].field).toBe('per_page');
});
