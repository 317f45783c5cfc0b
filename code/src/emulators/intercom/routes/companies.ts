import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { IntercomHttpError, errors } from '../http/errors';
import { compareIds, nextPageUrl, pageNumberPages, readPage, readPerPage } from '../http/paging';
import type { JsonObject } from '../workspace/types';
import { found, param, queryOf } from './shared';

/** Companies per scroll page (not configurable in Intercom's API). */
export const SCROLL_PAGE_SIZE = 100;

/** `GET /companies` (page numbers), `/companies/{id}`, `/companies/{id}/contacts` and the scroll. */
export function registerCompanyRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const ws = () => ctx.workspace;
  const companies = (ids: string[]) => ids.map((id) => ws().company(id)).filter((c): c is JsonObject => c !== undefined);

  app.get('/companies', async (req) => {
    const q = queryOf(req);
    if (q.company_id !== undefined || q.name !== undefined) {
      const match = companies(ws().companyIds()).find((c) => (q.company_id !== undefined ? c.company_id === q.company_id : c.name === q.name));
      return found(match, 'company_not_found', 'Company Not Found');
    }
    const page = readPage(q.page);
    const perPage = readPerPage(q.per_page, { default: 15, max: 60 });
    let ids = ws().companyIds();
    if (q.tag_id !== undefined) ids = ids.filter((id) => tagIdsOf(ws().company(id)).includes(String(q.tag_id)));
    if (q.segment_id !== undefined) ids = [];
    return {
      type: 'list',
      data: companies(ids.slice((page - 1) * perPage, page * perPage)),
      total_count: ids.length,
      pages: pageNumberPages({ total: ids.length, page, perPage, nextUrl: (n) => nextPageUrl(ctx.baseUrl, '/companies', q, n, perPage) }),
    };
  });

  // The official client's `companies.list()`: page numbers in the query, only companies with contacts
  // (as the spec says), most recently requested first unless `order=asc`.
  app.post('/companies/list', async (req) => {
    const q = queryOf(req);
    const page = readPage(q.page);
    const perPage = readPerPage(q.per_page, { default: 15, max: 60 });
    const order = q.order ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw errors.parameterInvalid(`order must be asc or desc, not '${order}'`, 'order');
    const listed = companies(ws().companyIds()).filter((c) => Number(c.user_count) > 0);
    const byRequest = (c: JsonObject) => Number(c.last_request_at ?? 0);
    listed.sort((a, b) => (order === 'asc' ? 1 : -1) * (byRequest(a) - byRequest(b) || compareIds(String(a.id), String(b.id))));
    return {
      type: 'list',
      data: listed.slice((page - 1) * perPage, page * perPage),
      total_count: listed.length,
      pages: pageNumberPages({ total: listed.length, page, perPage, nextUrl: (n) => nextPageUrl(ctx.baseUrl, '/companies/list', { ...q, order }, n, perPage) }),
    };
  });

  app.get('/companies/scroll', async (req) => {
    const appKey = req.intercom.token ?? '';
    const scrollParam = queryOf(req).scroll_param;
    const scroll =
      scrollParam === undefined || scrollParam === ''
        ? ctx.scrolls.start(appKey, ws().companyIds())
        : ctx.scrolls.resume(appKey, scrollParam);
    if (!scroll) {
      throw scrollParam
        ? errors.badRequest('scroll_param is invalid or has expired; start a new scroll', 'scroll_param')
        : errors.badRequest('scroll already exists for this app');
    }
    scroll.pages += 1;
    if (ctx.faults.scrollPageFails(scroll.pages)) {
      ctx.scrolls.end(appKey);
      req.intercom.fault = 'scroll_error';
      throw new IntercomHttpError(500, 'server_error', 'Request failed due to an internal network error. Please restart the scroll operation.');
    }
    const pageIds = scroll.ids.slice(scroll.position, scroll.position + SCROLL_PAGE_SIZE);
    scroll.position += pageIds.length;
    if (pageIds.length === 0) {
      // The end: the scroll expires, so the empty page carries no scroll_param to follow.
      ctx.scrolls.end(appKey);
      return { type: 'list', data: [], pages: null, total_count: null };
    }
    return { type: 'list', data: companies(pageIds), pages: null, total_count: null, scroll_param: scroll.param };
  });

  app.get('/companies/:id', async (req) => found(ws().company(param(req, 'id')), 'company_not_found', 'Company Not Found'));

  app.get('/companies/:id/contacts', async (req) => {
    const id = param(req, 'id');
    found(ws().company(id), 'company_not_found', 'Company Not Found');
    const q = queryOf(req);
    const page = readPage(q.page);
    const perPage = readPerPage(q.per_page, { default: 50, max: 150 });
    const ids = ws().companyContactIds(id);
    const data = ids.slice((page - 1) * perPage, page * perPage).map((c) => ws().contact(c)).filter((c) => c !== undefined);
    return {
      type: 'list',
      data,
      total_count: ids.length,
      pages: pageNumberPages({ total: ids.length, page, perPage, nextUrl: (n) => nextPageUrl(ctx.baseUrl, `/companies/${id}/contacts`, q, n, perPage) }),
    };
  });
}

function tagIdsOf(company: JsonObject | undefined): string[] {
  const tags = (company?.tags as { tags?: Array<{ id: unknown }> } | undefined)?.tags ?? [];
  return tags.map((t) => String(t.id));
}
