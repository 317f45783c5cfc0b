/** Intercom's official Node client, pointed at the emulator, lists admins, contacts and conversations. */
import { IntercomClient } from 'intercom-client';
import { sorted, startHarness, type Harness } from './helpers';

let h: Harness;
let client: IntercomClient;
beforeAll(async () => {
  h = await startHarness({ seed: 5 });
  client = new IntercomClient({ token: h.emulator.token, baseUrl: h.emulator.baseUrl, maxRetries: 0 });
});
afterAll(async () => h.emulator.close());

test('admins.list returns the workspace admins', async () => {
  const list = await client.admins.list();
  expect(sorted((list.admins ?? []).map((a) => String(a?.id)))).toEqual(sorted(h.emulator.workspace.truth.ids('admins')));
});

test('contacts.list pages through every contact with the client paginator', async () => {
  const ids: string[] = [];
  for await (const contact of await client.contacts.list({ per_page: 7 })) ids.push(contact.id);
  expect(ids).toEqual([...new Set(ids)]);
  expect(sorted(ids)).toEqual(sorted(h.emulator.workspace.truth.ids('contacts')));
});

test('conversations.list pages through every conversation', async () => {
  const ids: string[] = [];
  for await (const conversation of await client.conversations.list({ per_page: 9 })) ids.push(conversation.id);
  expect(sorted(ids)).toEqual(sorted(h.emulator.workspace.truth.ids('conversations', { allConversations: true })));
});

test('the client sees Intercom errors from the emulator (401 with a bad token)', async () => {
  const bad = new IntercomClient({ token: 'not-a-token', baseUrl: h.emulator.baseUrl, maxRetries: 0 });
  await expect(bad.admins.list()).rejects.toMatchObject({ statusCode: 401 });
});
