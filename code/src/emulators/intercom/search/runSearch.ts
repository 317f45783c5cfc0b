import { createHash } from 'node:crypto';
import { errors } from '../http/errors';
import { compareIds, compareKeys, keysetPage, readPerPage, type CursorPage } from '../http/paging';
import type { JsonObject, Workspace } from '../workspace/types';
import { matches, parseQuery, type FieldCatalog } from './query';

/** One hit: its id and the value it is sorted by. */
export interface SearchHit {
  id: string;
  key: number | string | null;
}

/** A search over records of one kind: parse, filter, sort, then one keyset page of hits. */
export interface SearchRequest<R> {
  /** Listing name for cursors (`contacts`, `conversations`). */
  kind: string;
  body: Record<string, unknown>;
  catalog: FieldCatalog<R>;
  /** The records to filter, produced only when the result is not cached. */
  records: (fieldsNeeded: string[]) => Iterable<R>;
  idOf: (r: R) => string;
  sort: { field: string; descending: boolean };
  timeZone: string;
  perPage: { default: number; max: number };
  /** Results are cached per owner (the workspace) and query until `version` changes (the workspace clock moves on every mutation). */
  cacheOwner: object;
  version: number;
}

interface CachedResult {
  version: number;
  hits: SearchHit[];
}

const caches = new WeakMap<object, Map<string, CachedResult>>();
const CACHE_SIZE = 32;

/**
 * A search over the workspace's records (`POST /contacts|conversations|tickets/search`): ids from `id`, dates in
 * the app's time zone, at most 150 per page, cached until the workspace's clock moves; sorted by `updated_at`
 * ascending unless the request says otherwise.
 */
export function searchWorkspace(
  ws: Workspace,
  request: Pick<SearchRequest<JsonObject>, 'kind' | 'body' | 'catalog' | 'records'> & {
    sort?: SearchRequest<JsonObject>['sort'];
    perPageDefault: number;
  },
): CursorPage<SearchHit> & { total: number } {
  return runSearch<JsonObject>({
    kind: request.kind,
    body: request.body,
    catalog: request.catalog,
    records: request.records,
    idOf: (r) => String(r.id),
    sort: request.sort ?? { field: 'updated_at', descending: false },
    timeZone: ws.app.timezone,
    perPage: { default: request.perPageDefault, max: 150 },
    cacheOwner: ws,
    version: ws.now(),
  });
}

/** Runs a search request; answers a page of hits and the total count. */
export function runSearch<R>(request: SearchRequest<R>): CursorPage<SearchHit> & { total: number } {
  const { body, catalog } = request;
  if (body.query === undefined) throw errors.parameterInvalid('query is required', 'query');
  const filter = parseQuery(body.query, catalog);
  const sortField = catalog(request.sort.field);
  if (!sortField) throw errors.parameterInvalid(`Cannot sort by ${request.sort.field}`, 'sort');
  const pagination = (body.pagination ?? {}) as Record<string, unknown>;
  if (typeof pagination !== 'object' || Array.isArray(pagination)) throw errors.parameterInvalid('pagination must be an object', 'pagination');
  const perPage = readPerPage(pagination.per_page, request.perPage);
  const startingAfter = pagination.starting_after ?? undefined;
  if (startingAfter !== undefined && typeof startingAfter !== 'string') throw errors.badCursor();

  const fingerprint = createHash('sha256').update(JSON.stringify([request.kind, body.query, request.sort])).digest('hex').slice(0, 16);
  const cacheKey = `${request.kind}:${fingerprint}:${request.timeZone}`;
  const cache = caches.get(request.cacheOwner) ?? new Map<string, CachedResult>();
  caches.set(request.cacheOwner, cache);
  let cached = cache.get(cacheKey);
  if (!cached || cached.version !== request.version) {
    const hits: SearchHit[] = [];
    const needed = [...fieldsOfQuery(body.query), request.sort.field];
    for (const record of request.records(needed)) {
      if (!matches(filter, record, request.timeZone)) continue;
      const key = sortField.values(record).find((v) => v !== undefined && v !== null);
      hits.push({ id: request.idOf(record), key: typeof key === 'number' || typeof key === 'string' ? key : null });
    }
    const direction = request.sort.descending ? -1 : 1;
    hits.sort((a, b) => direction * (compareKeys(a.key, b.key) || compareIds(a.id, b.id)));
    cached = { version: request.version, hits };
    cache.delete(cacheKey);
    cache.set(cacheKey, cached);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  const page = keysetPage(cached.hits, {
    scope: `${request.kind}-search:${fingerprint}`,
    perPage,
    startingAfter,
    keyOf: (h) => h.key,
    idOf: (h) => h.id,
    descending: request.sort.descending,
  });
  return { ...page, total: cached.hits.length };
}

function fieldsOfQuery(query: unknown): string[] {
  if (query === null || typeof query !== 'object') return [];
  const q = query as { field?: unknown; value?: unknown };
  if (typeof q.field === 'string') return [q.field];
  return Array.isArray(q.value) ? q.value.flatMap(fieldsOfQuery) : [];
}
