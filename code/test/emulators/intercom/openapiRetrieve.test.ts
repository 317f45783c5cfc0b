/**
 * Single-object answers (contacts with their tag and company lists, conversations with parts,
 * articles with statistics) validated against Intercom's 2.16 description. The workspace puts its
 * guaranteed edge cases in the first objects of each kind (workspace/README.md); these tests cover
 * those and a spread of the others.
 */
import { startHarness, type Harness } from './helpers';
import { ok, okUpTo, TYPED_ATTRIBUTES, URL_NEXT } from './openapiMatchers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 7, edgeCases: true });
});
afterAll(async () => h.emulator.close());

test('GET /contacts/{id}, /contacts/{id}/tags and /contacts/{id}/companies for the edge-case contacts and a spread of others', async () => {
  for (const id of h.emulator.workspace.contactIds().filter((_, i) => i < 10 || i % 50 === 0)) {
    ok(await h.http.get(`/contacts/${id}`));
    ok(await h.http.get(`/contacts/${id}/tags`));
    okUpTo(await h.http.get(`/contacts/${id}/companies`), 'contact_attached_companies', [TYPED_ATTRIBUTES]);
  }
});

test('GET /conversations/{id} for the edge-case conversations and a spread of others, and as plaintext', async () => {
  const index = h.emulator.workspace.conversationIndex();
  const chosen = index.filter((_, i) => i < 14 || i % 25 === 0);
  for (const { id } of chosen) ok(await h.http.get(`/conversations/${id}`));
  const first = h.emulator.workspace.conversationIndex()[0].id;
  ok(await h.http.get(`/conversations/${first}`, { params: { display_as: 'plaintext' } }));
});

test('GET /articles, and GET /articles/{id} for the edge-case articles and a spread of others', async () => {
  okUpTo(await h.http.get('/articles', { params: { per_page: 3 } }), 'article_list', [URL_NEXT]);
  for (const id of h.emulator.workspace.articleIds().filter((_, i) => i < 8 || i % 10 === 0)) ok(await h.http.get(`/articles/${id}`));
});
