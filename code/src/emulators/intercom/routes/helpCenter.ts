import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { compareIds, nextPageUrl, pageNumberPages, readPage, readPerPage } from '../http/paging';
import type { JsonObject } from '../workspace/types';
import { found, param, queryOf } from './shared';

/** Help centers, collections (and sections) and articles; lists by page number, most recently updated first. */
export function registerHelpCenterRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const ws = () => ctx.workspace;

  // Page numbers, as the official client sends them (it stops at the first empty page).
  app.get('/help_center/help_centers', async (req) => {
    const q = queryOf(req);
    const page = readPage(q.page);
    const perPage = readPerPage(q.per_page, { default: 20, max: 150 });
    return { type: 'list', data: ws().helpCenters().slice((page - 1) * perPage, page * perPage) };
  });
  app.get('/help_center/help_centers/:id', async (req) =>
    found(ws().helpCenters().find((h) => String(h.id) === param(req, 'id')), 'not_found', 'Resource Not Found'),
  );

  app.get('/help_center/collections', async (req) => pageOf(req, '/help_center/collections', ws().collections(), 20));
  app.get('/help_center/collections/:id', async (req) => found(ws().collection(param(req, 'id')), 'not_found', 'Resource Not Found'));

  app.get('/articles', async (req) => {
    const articles = ws().articleIds().map((id) => ws().article(id, { withStatistics: false })).filter((a): a is JsonObject => a !== undefined);
    return pageOf(req, '/articles', articles, 25);
  });
  app.get('/articles/:id', async (req) => found(ws().article(param(req, 'id'), { withStatistics: true }), 'article_not_found', 'Article not found'));

  /** One page of `items`, sorted by `updated_at` descending. */
  function pageOf(req: Parameters<typeof queryOf>[0], path: string, items: JsonObject[], defaultPerPage: number) {
    const q = queryOf(req);
    const page = readPage(q.page);
    const perPage = readPerPage(q.per_page, { default: defaultPerPage, max: 150 });
    const sorted = [...items].sort((a, b) => Number(b.updated_at) - Number(a.updated_at) || compareIds(String(b.id), String(a.id)));
    return {
      type: 'list',
      data: sorted.slice((page - 1) * perPage, page * perPage),
      total_count: sorted.length,
      pages: pageNumberPages({ total: sorted.length, page, perPage, nextUrl: (n) => nextPageUrl(ctx.baseUrl, path, q, n, perPage) }),
    };
  }
}
