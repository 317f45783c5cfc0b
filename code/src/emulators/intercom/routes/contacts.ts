import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { IntercomHttpError, errors } from '../http/errors';
import { nextPageUrl, pageNumberPages, positionalPage, readPage, readPerPage } from '../http/paging';
import { contactFields } from '../search/fields';
import { searchWorkspace } from '../search/runSearch';
import { bodyObject, found, param, queryOf, requiredString } from './shared';

const CONTACT_NOT_FOUND = ['not_found', 'User Not Found'] as const;

/** Contacts: list (cursor), search, retrieve, the lists behind the previews, and the reverse-sync writes. */
export function registerContactRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const ws = () => ctx.workspace;
  const contact = (id: string) => found(ws().contact(id), ...CONTACT_NOT_FOUND);

  app.get('/contacts', async (req) => {
    const q = queryOf(req);
    const perPage = readPerPage(q.per_page, { default: 50, max: 150 });
    const ids = ws().contactIds();
    const page = positionalPage(ids, { scope: 'contacts', perPage, startingAfter: q.starting_after, idOf: (id) => id });
    return {
      type: 'list',
      data: page.items.map((id) => ws().contact(id)).filter((c) => c !== undefined),
      total_count: ids.length,
      pages: page.pages,
    };
  });

  app.post('/contacts/search', async (req) => {
    const body = bodyObject(req);
    const sort = readSort(body.sort);
    const fields = contactFields((c) => ws().contactTags(String(c.id)).map((t) => String(t.id)));
    const result = searchWorkspace(ws(), {
      kind: 'contacts',
      body,
      catalog: fields,
      records: function* () {
        for (const id of ws().contactIds()) {
          const c = ws().contact(id);
          if (c) yield c;
        }
      },
      sort,
      perPageDefault: 50,
    });
    return {
      type: 'list',
      data: result.items.map((h) => ws().contact(h.id)).filter((c) => c !== undefined),
      total_count: result.total,
      pages: result.pages,
    };
  });

  app.get('/contacts/:id', async (req) => contact(param(req, 'id')));

  app.get('/contacts/:id/tags', async (req) => {
    const id = param(req, 'id');
    contact(id);
    return { type: 'list', data: ws().contactTags(id) };
  });

  app.get('/contacts/:id/companies', async (req) => {
    const id = param(req, 'id');
    contact(id);
    const q = queryOf(req);
    const page = readPage(q.page);
    const perPage = readPerPage(q.per_page, { default: 50, max: 150 });
    const all = ws().contactCompanies(id);
    return {
      type: 'list',
      companies: all.slice((page - 1) * perPage, page * perPage),
      total_count: all.length,
      pages: pageNumberPages({ total: all.length, page, perPage, nextUrl: (n) => nextPageUrl(ctx.baseUrl, `/contacts/${id}/companies`, q, n, perPage) }),
    };
  });

  app.post('/contacts/:id/tags', async (req) => {
    const id = param(req, 'id');
    contact(id);
    const tagId = requiredString(bodyObject(req), 'id');
    found(ws().tag(tagId), 'tag_not_found', 'Tag not found');
    return ws().mutate.tagContact(id, tagId);
  });

  app.put('/contacts/:id', async (req) => {
    const id = param(req, 'id');
    contact(id);
    const patch = bodyObject(req);
    for (const key of ['id', 'type', 'workspace_id', 'created_at', 'updated_at']) {
      if (key in patch) throw errors.parameterInvalid(`${key} cannot be updated`, key);
    }
    if (patch.custom_attributes !== undefined && (typeof patch.custom_attributes !== 'object' || patch.custom_attributes === null || Array.isArray(patch.custom_attributes))) {
      throw errors.parameterInvalid('custom_attributes must be an object', 'custom_attributes');
    }
    ws().mutate.updateContact(id, patch);
    return contact(id);
  });
}

/** `sort` of a contact search; default `created_at` descending. */
function readSort(raw: unknown): { field: string; descending: boolean } {
  if (raw === undefined || raw === null) return { field: 'created_at', descending: true };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw errors.parameterInvalid('sort must be an object', 'sort');
  const { field = 'created_at', order = 'descending' } = raw as { field?: unknown; order?: unknown };
  if (order !== 'ascending' && order !== 'descending') {
    throw new IntercomHttpError(400, 'invalid_sort_order', `Invalid sort order '${String(order)}'. Must be one of: ascending, descending`, 'sort.order');
  }
  if (typeof field !== 'string') throw errors.parameterInvalid('sort.field must be a string', 'sort.field');
  return { field, descending: order === 'descending' };
}
