/** Search over HTTP: errors in Intercom's shape, paging while the workspace changes, related-id fields, plaintext bodies. */
import { htmlToPlaintext } from '../../../src/emulators/intercom/plaintext';
import { sorted, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 51 });
});
afterAll(async () => h.emulator.close());

test('an unknown sort order answers 400 invalid_sort_order', async () => {
  const res = await h.http.post('/contacts/search', { query: { field: 'role', operator: '=', value: 'user' }, sort: { field: 'updated_at', order: 'desc' } });
  expect(res.status).toBe(400);
  expect(res.data.errors[0]).toMatchObject({ code: 'invalid_sort_order', message: "Invalid sort order 'desc'. Must be one of: ascending, descending" });
});

test('!= on a date field answers 400 in error.list form, naming the field', async () => {
  const res = await h.http.post('/conversations/search', { query: { field: 'updated_at', operator: '!=', value: 1 } });
  expect(res.status).toBe(400);
  expect(res.data).toMatchObject({ type: 'error.list', errors: [{ field: 'updated_at' }] });
  expect(res.data.request_id).toEqual(expect.any(String));
});

test('paging a search while conversations change: nothing seen is lost, changed ones come again', async () => {
  const query = { query: { field: 'updated_at', operator: '>', value: 0 } };
  const first = await h.http.post('/conversations/search', { ...query, pagination: { per_page: 20 } });
  const seen: string[] = first.data.conversations.map((c: { id: string }) => c.id);
  const ws = h.emulator.workspace;
  const touched = seen[0];
  ws.mutate.addPart(touched);
  const created = ws.mutate.createConversation({ parts: 1 });
  let after = first.data.pages.next?.starting_after as string | undefined;
  while (after) {
    const res = await h.http.post('/conversations/search', { ...query, pagination: { per_page: 20, starting_after: after } });
    seen.push(...res.data.conversations.map((c: { id: string }) => c.id));
    after = res.data.pages.next?.starting_after;
  }
  const live = ws.conversationIndex().map((c) => c.id);
  expect(sorted([...new Set(seen)])).toEqual(sorted(live));
  expect(seen).toContain(created);
  expect(seen.filter((id) => id === touched)).toHaveLength(2); // updated_at ascending: the changed one moved to the end
});

test('contacts by tag_id use the full tag list, not the 10-item preview', async () => {
  const ws = h.emulator.workspace;
  const contact = ws.contactIds().find((id) => ws.contactTags(id).length > 0);
  if (!contact) throw new Error('the workspace has no tagged contact');
  const tagId = String(ws.contactTags(contact)[0].id);
  const expected = ws.contactIds().filter((id) => ws.contactTags(id).some((t) => String(t.id) === tagId));
  const res = await h.http.post('/contacts/search', { query: { field: 'tag_id', operator: '=', value: tagId }, pagination: { per_page: 150 } });
  expect(sorted(res.data.data.map((c: { id: string }) => c.id))).toEqual(sorted(expected));
});

test('conversations by contact_ids', async () => {
  const ws = h.emulator.workspace;
  const conversation = ws.conversation(ws.conversationIndex()[0].id, { withParts: false })!;
  const contactId = (conversation.contacts as { contacts: Array<{ id: string }> }).contacts[0].id;
  const expected = ws.conversationIndex().map((c) => ws.conversation(c.id, { withParts: false })!)
    .filter((c) => (c.contacts as { contacts: Array<{ id: string }> }).contacts.some((x) => x.id === contactId)).map((c) => String(c.id));
  const res = await h.http.post('/conversations/search', { query: { field: 'contact_ids', operator: '=', value: contactId }, pagination: { per_page: 150 } });
  expect(sorted(res.data.conversations.map((c: { id: string }) => c.id))).toEqual(sorted(expected));
});

test('display_as=plaintext renders bodies as text with links as "label (url)"', async () => {
  expect(htmlToPlaintext('<p>Hi <b>there</b>,</p><p>see <a href="https://x.test/a">the docs</a><br>bye &amp; thanks<img src="https://x.test/i.png"></p>'))
    .toBe('Hi there,\nsee the docs (https://x.test/a)\nbye & thanks');
  const id = h.emulator.workspace.conversationIndex()[0].id;
  const html = await h.http.get(`/conversations/${id}`);
  const text = await h.http.get(`/conversations/${id}`, { params: { display_as: 'plaintext' } });
  const bodies = (c: { source: { body: string }; conversation_parts: { conversation_parts: Array<{ body: string | null }> } }) =>
    [c.source.body, ...c.conversation_parts.conversation_parts.map((p) => p.body)].filter((b): b is string => typeof b === 'string');
  expect(bodies(html.data).some((b) => /<[a-z]/i.test(b))).toBe(true);
  for (const body of bodies(text.data)) expect(body).not.toMatch(/<\/?(p|br|a|img|b|i|div)\b/i);
  expect(bodies(text.data)).toHaveLength(bodies(html.data).length);
});
