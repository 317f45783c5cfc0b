/**
 * Every endpoint's answers, over a workspace with every edge case on, validated against Intercom's
 * published 2.16 OpenAPI description (jest-openapi on real axios responses).
 */
import type { AxiosResponse } from 'axios';
import { startHarness, type Harness } from './helpers';
import { ok, okUpTo, TYPED_ATTRIBUTES, URL_NEXT } from './openapiMatchers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 7, edgeCases: true });
});
afterAll(async () => h.emulator.close());

/** GETs every cursor page of a listing, validating each. */
async function everyCursorPage(path: string, perPage: number): Promise<AxiosResponse[]> {
  const pages: AxiosResponse[] = [];
  let startingAfter: string | undefined;
  do {
    const res = ok(await h.http.get(path, { params: { per_page: perPage, starting_after: startingAfter } }));
    pages.push(res);
    startingAfter = res.data.pages?.next?.starting_after;
  } while (startingAfter);
  return pages;
}

describe('directory endpoints', () => {
  test('GET /me', async () => {
    const res = ok(await h.http.get('/me'));
    expect(res.data.app.id_code).toBe(h.emulator.workspace.app.id_code);
  });
  test('GET /admins and every GET /admins/{id}', async () => {
    const res = ok(await h.http.get('/admins'));
    expect(res.data.admins.length).toBeGreaterThan(0);
    for (const admin of res.data.admins) ok(await h.http.get(`/admins/${admin.id}`));
  });
  test('GET /teams and every GET /teams/{id}', async () => {
    const res = ok(await h.http.get('/teams'));
    for (const team of res.data.teams) ok(await h.http.get(`/teams/${team.id}`));
  });
  test('GET /tags and GET /tags/{id}', async () => {
    const res = ok(await h.http.get('/tags'));
    for (const tag of res.data.data.slice(0, 5)) ok(await h.http.get(`/tags/${tag.id}`));
  });
  test('GET /data_attributes for contacts and companies; GET /conversations/attributes', async () => {
    for (const model of ['contact', 'company']) ok(await h.http.get('/data_attributes', { params: { model } }));
    ok(await h.http.get('/data_attributes'));
    ok(await h.http.get('/conversations/attributes'));
  });
  test('GET /data_attributes?model=conversation answers 422 on 2.16, as documented', async () => {
    const res = await h.http.get('/data_attributes', { params: { model: 'conversation' } });
    expect(res.status).toBe(422);
    expect(res).toSatisfyApiSpec();
  });
});

describe('companies', () => {
  test('GET /companies (page numbers) and GET /companies/{id}', async () => {
    const res = okUpTo(await h.http.get('/companies', { params: { per_page: 2 } }), 'company_list', [URL_NEXT, TYPED_ATTRIBUTES]);
    expect(typeof res.data.pages.next).toBe('string');
    for (const company of res.data.data) okUpTo(await h.http.get(`/companies/${company.id}`), 'company', [TYPED_ATTRIBUTES]);
  });
  test('POST /companies/list (the official client\'s list call)', async () => {
    const res = okUpTo(await h.http.post('/companies/list', undefined, { params: { per_page: 2, order: 'asc' } }), 'company_list', [URL_NEXT, TYPED_ATTRIBUTES]);
    expect(res.data.data.length).toBe(2);
  });
  test('GET /companies/scroll, every page', async () => {
    let scrollParam: string | undefined;
    let pages = 0;
    for (;;) {
      const res = okUpTo(await h.http.get('/companies/scroll', { params: { scroll_param: scrollParam } }), 'company_scroll', [TYPED_ATTRIBUTES]);
      pages += 1;
      if (res.data.data.length === 0) break;
      scrollParam = res.data.scroll_param;
    }
    expect(pages).toBeGreaterThan(0);
  });
  test('GET /companies/{id}/contacts', async () => {
    const id = h.emulator.workspace.companyIds().find((c) => h.emulator.workspace.companyContactIds(c).length > 0);
    expect(id).toBeDefined(); // the generated workspace has companies with contacts: a test without one would prove nothing
    const res = ok(await h.http.get(`/companies/${id}/contacts`));
    expect(res.data.data.length).toBeGreaterThan(0);
  });
});

describe('contacts', () => {
  test('GET /contacts, every page', async () => {
    const pages = await everyCursorPage('/contacts', 150);
    expect(pages[0].data.data.length).toBeGreaterThan(0);
  });
  test('POST /contacts/search', async () => {
    const res = ok(
      await h.http.post('/contacts/search', {
        query: { operator: 'AND', value: [{ field: 'updated_at', operator: '>', value: 0 }, { field: 'role', operator: 'IN', value: ['user', 'lead'] }] },
        sort: { field: 'updated_at', order: 'ascending' },
        pagination: { per_page: 150 },
      }),
    );
    expect(res.data.total_count).toBeGreaterThan(0);
  });
});

describe('conversations', () => {
  test('GET /conversations, every page', async () => {
    const pages = await everyCursorPage('/conversations', 150);
    expect(pages[0].data.conversations.length).toBeGreaterThan(0);
  });
  test('POST /conversations/search', async () => {
    ok(
      await h.http.post('/conversations/search', {
        query: { operator: 'OR', value: [{ field: 'state', operator: '=', value: 'closed' }, { operator: 'AND', value: [{ field: 'open', operator: '=', value: true }, { field: 'created_at', operator: '<', value: 2_000_000_000 }] }] },
        pagination: { per_page: 150 },
      }),
    );
  });
  test('GET /conversations/deleted', async () => {
    const res = ok(await h.http.get('/conversations/deleted', { params: { per_page: 2, order: 'desc' } }));
    expect(res.data.pages.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/conversations\/deleted\?/);
  });
  test('GET /conversations/deleted on 2.15 answers 400 intercom_version_invalid', async () => {
    const res = await h.http.get('/conversations/deleted', { headers: { 'Intercom-Version': '2.15' } });
    expect(res.status).toBe(400);
    expect(res.data.errors[0].code).toBe('intercom_version_invalid');
    expect(res).toSatisfyApiSpec();
  });
  test('GET /conversations/{id} of an unknown id answers 404', async () => {
    const res = await h.http.get('/conversations/999999999');
    expect(res.status).toBe(404);
    expect(res).toSatisfyApiSpec();
  });
});

describe('help center', () => {
  test('GET /help_center/help_centers and /help_center/help_centers/{id}', async () => {
    const res = ok(await h.http.get('/help_center/help_centers'));
    expect(res.data.data.length).toBeGreaterThan(0);
    for (const hc of res.data.data) ok(await h.http.get(`/help_center/help_centers/${hc.id}`));
  });
  test('GET /help_center/collections and /help_center/collections/{id}', async () => {
    const res = okUpTo(await h.http.get('/help_center/collections', { params: { per_page: 3 } }), 'collection_list', [URL_NEXT]);
    for (const c of res.data.data) ok(await h.http.get(`/help_center/collections/${c.id}`));
  });
});

describe('tickets', () => {
  test('GET /ticket_types, GET /ticket_types/{id} and GET /ticket_states', async () => {
    const types = ok(await h.http.get('/ticket_types'));
    expect(types.data.data.map((t: { category: string }) => t.category).sort()).toEqual(['Back-office', 'Customer', 'Tracker']);
    for (const t of types.data.data) ok(await h.http.get(`/ticket_types/${t.id}`));
    expect(ok(await h.http.get('/ticket_states')).data.data.length).toBe(4);
  });
  test('POST /tickets/search, every page, and GET /tickets/{id} of every ticket (parts, files, links)', async () => {
    const ids: string[] = [];
    let startingAfter: string | undefined;
    do {
      const res = ok(await h.http.post('/tickets/search', { query: { field: 'updated_at', operator: '>', value: 0 }, pagination: { per_page: 5, starting_after: startingAfter } }));
      ids.push(...res.data.tickets.map((t: { id: string }) => t.id));
      startingAfter = res.data.pages?.next?.starting_after;
    } while (startingAfter);
    expect(ids.sort()).toEqual(h.emulator.workspace.ticketIds().sort());
    const parts: Array<{ attachments: unknown[] }> = [];
    for (const id of ids) parts.push(...ok(await h.http.get(`/tickets/${id}`)).data.ticket_parts.ticket_parts);
    expect(parts.some((p) => p.attachments.length > 0)).toBe(true);
  });
  test('GET /tickets/{id} of an unknown id answers 404 with an error list (the spec lists no 404 here)', async () => {
    const res = await h.http.get('/tickets/1');
    expect(res.status).toBe(404);
    expect(res.data).toSatisfySchemaInApiSpec('error');
  });
});

describe('errors', () => {
  test('401 without a token, with Intercom body and no rate-limit headers', async () => {
    const res = await h.anonymous.get('/admins');
    expect(res.status).toBe(401);
    expect(res.data.errors[0]).toEqual({ code: 'unauthorized', message: 'Access Token Invalid' });
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    expect(res).toSatisfyApiSpec();
  });
  test('404 for an unknown admin', async () => {
    const res = await h.http.get('/admins/1');
    expect(res.status).toBe(404);
    expect(res.data.errors[0].code).toBe('admin_not_found');
    expect(res).toSatisfyApiSpec();
  });
});

describe('writes for reverse sync', () => {
  test('POST /tags creates a tag; POST /contacts/{id}/tags and /conversations/{id}/tags apply it', async () => {
    const created = ok(await h.http.post('/tags', { name: 'emulator-openapi-tag' }));
    expect(created.data.name).toBe('emulator-openapi-tag');
    const contactId = h.emulator.workspace.contactIds()[0];
    ok(await h.http.post(`/contacts/${contactId}/tags`, { id: created.data.id }));
    const conversationId = h.emulator.workspace.conversationIndex()[0].id;
    const adminId = String((h.emulator.workspace.admins()[0] as { id: string }).id);
    ok(await h.http.post(`/conversations/${conversationId}/tags`, { id: created.data.id, admin_id: adminId }));
    const tags = await h.http.get(`/contacts/${contactId}/tags`);
    expect(tags.data.data.map((t: { id: string }) => t.id)).toContain(created.data.id);
  });
  test('POST /conversations/{id}/reply as a comment and as a note', async () => {
    const conversationId = h.emulator.workspace.conversationIndex()[0].id;
    const adminId = String((h.emulator.workspace.admins()[0] as { id: string }).id);
    for (const messageType of ['comment', 'note']) {
      const res = ok(await h.http.post(`/conversations/${conversationId}/reply`, { type: 'admin', message_type: messageType, admin_id: adminId, body: `<p>${messageType} from the test</p>` }));
      const parts = res.data.conversation_parts.conversation_parts;
      expect(parts[parts.length - 1]).toMatchObject({ part_type: messageType, body: `<p>${messageType} from the test</p>` });
    }
  });
  test('PUT /contacts/{id}', async () => {
    const contactId = h.emulator.workspace.contactIds()[0];
    const res = ok(await h.http.put(`/contacts/${contactId}`, { name: 'Renamed By Test' }));
    expect(res.data.name).toBe('Renamed By Test');
  });
});
