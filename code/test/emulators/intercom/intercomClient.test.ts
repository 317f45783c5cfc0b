/**
 * Intercom's official Node client, pointed at the emulator: every list call it offers for the kinds
 * the snap-in imports pages through the whole kind (ids compared with the workspace's ground truth).
 */
import { IntercomClient } from 'intercom-client';
import { sorted, startHarness, type Harness } from './helpers';

let h: Harness;
let client: IntercomClient;
beforeAll(async () => {
  h = await startHarness({ seed: 5 });
  client = new IntercomClient({ token: h.emulator.token, baseUrl: h.emulator.baseUrl, maxRetries: 0 });
});
afterAll(async () => h.emulator.close());

/** Every item of a client paginator, in the order it yields them. */
async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of pages) out.push(item);
  return out;
}

const idsOf = (items: Array<{ id?: unknown } | undefined>) => items.map((x) => String(x?.id));

test('admins.list returns the workspace admins', async () => {
  const list = await client.admins.list();
  expect(sorted(idsOf(list.admins ?? []))).toEqual(sorted(h.emulator.workspace.truth.ids('admins')));
});

test('teams.list and tags.list return every team and tag', async () => {
  expect(sorted(idsOf((await client.teams.list()).teams ?? []))).toEqual(sorted(h.emulator.workspace.truth.ids('teams')));
  expect(sorted(idsOf((await client.tags.list()).data ?? []))).toEqual(sorted(h.emulator.workspace.truth.ids('tags')));
});

test('companies.list (POST /companies/list) pages through every company with a contact', async () => {
  const ws = h.emulator.workspace;
  const withContacts = ws.truth.ids('companies').filter((id) => ws.companyContactIds(id).length > 0);
  expect(withContacts.length).toBeGreaterThan(3);
  const ids = idsOf(await all(await client.companies.list({ per_page: 3 })));
  expect(ids).toEqual([...new Set(ids)]);
  expect(sorted(ids)).toEqual(sorted(withContacts));
});

test('companies.scroll walks every company and ends without an error', async () => {
  const ids = idsOf(await all(await client.companies.scroll()));
  expect(sorted(ids)).toEqual(sorted(h.emulator.workspace.truth.ids('companies')));
});

test('contacts.list pages through every contact with the client paginator', async () => {
  const ids = idsOf(await all(await client.contacts.list({ per_page: 7 })));
  expect(ids).toEqual([...new Set(ids)]);
  expect(sorted(ids)).toEqual(sorted(h.emulator.workspace.truth.ids('contacts')));
});

test('conversations.list pages through every conversation', async () => {
  const ids = idsOf(await all(await client.conversations.list({ per_page: 9 })));
  expect(sorted(ids)).toEqual(sorted(h.emulator.workspace.truth.ids('conversations', { allConversations: true })));
});

test('helpCenters.list, helpCenters.collections.list and articles.list page through everything', async () => {
  const ws = h.emulator.workspace;
  expect(sorted(idsOf(await all(await client.helpCenters.list({ per_page: 1 }))))).toEqual(sorted(idsOf(ws.helpCenters())));
  expect(sorted(idsOf(await all(await client.helpCenters.collections.list({ per_page: 4 }))))).toEqual(sorted(ws.truth.ids('collections')));
  expect(sorted(idsOf(await all(await client.articles.list({ per_page: 6 }))))).toEqual(sorted(ws.truth.ids('articles')));
});

test('ticketTypes.list, ticketStates.listTicketStates and tickets.search return every ticket type, state and ticket', async () => {
  const ws = h.emulator.workspace;
  const types = await client.ticketTypes.list();
  expect(sorted(idsOf(types.data ?? []))).toEqual(sorted(idsOf(ws.ticketTypes())));
  expect(new Set((types.data ?? []).map((t) => t?.category))).toEqual(new Set(['Customer', 'Back-office', 'Tracker']));
  const states = await client.ticketStates.listTicketStates();
  expect(sorted(idsOf(states.data ?? []))).toEqual(sorted(idsOf(ws.ticketStates())));
  const tickets = await all(await client.tickets.search({
    query: { field: 'created_at', operator: '>', value: '0' },
    pagination: { per_page: 4 },
  }));
  const ids = idsOf(tickets);
  expect(ids).toEqual([...new Set(ids)]);
  expect(sorted(ids)).toEqual(sorted(ws.truth.ids('tickets')));
});

test('the client sees Intercom errors from the emulator (401 with a bad token)', async () => {
  const bad = new IntercomClient({ token: 'not-a-token', baseUrl: h.emulator.baseUrl, maxRetries: 0 });
  await expect(bad.admins.list()).rejects.toMatchObject({ statusCode: 401 });
});
