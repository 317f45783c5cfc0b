/**
 * Async iterators over Intercom's paging styles (shared/docs/intercom-api.md §4). A pager is plain
 * data ({@link Pager}); {@link iteratePages} walks it through a {@link PagingClient}. Every page
 * carries a JSON-serialisable {@link Cursor} from which iteration resumes exactly after that page,
 * and items are validated one by one: a bad item is reported in `invalid`, never dropped silently.
 */
import { z } from 'zod';
import { IntercomNetworkError, IntercomNotFoundError, IntercomRequestError, IntercomSchemaError, IntercomServerError } from './errors';
import { PagingGuard } from './paging-guard';

/** URL query parameters. */
export type Query = Record<string, string | number | boolean | undefined>;

interface PagerBase<T> {
  /** The object kind, for error messages (`contact`, `company`...). */
  kind: string;
  path: string;
  /** The response field holding the items (`data`, `admins`, `conversations`...). */
  itemsKey: string;
  /** Validates ONE item. Use loose objects (`z.looseObject`) so unknown fields pass through. */
  itemSchema: z.ZodType<T>;
  /** Extra URL query parameters. */
  params?: Query;
}

/** The whole list in one response (`GET /admins`, `/teams`, `/tags`). */
export interface ListPager<T> extends PagerBase<T> {
  style: 'list';
}

/** GET with `per_page` / `starting_after`; next from `pages.next.starting_after` (`GET /contacts`, `/conversations`). */
export interface CursorPager<T> extends PagerBase<T> {
  style: 'cursor';
  perPage?: number;
}

/** POST search with body `{ query, pagination: { per_page, starting_after }, sort? }`. */
export interface SearchPager<T> extends PagerBase<T> {
  style: 'search';
  /** Intercom's search query object, sent verbatim. */
  query: unknown;
  sort?: { field: string; order: 'ascending' | 'descending' };
  perPage?: number;
}

/** Page numbers `page` / `per_page`; ends on `pages.next` null or `pages.total_pages` reached. */
export interface PageNumberPager<T> extends PagerBase<T> {
  style: 'page';
  perPage?: number;
}

/** `GET /companies/scroll`: `scroll_param`, ends on an empty page. One open scroll per app. */
export interface ScrollPager<T> extends PagerBase<T> {
  style: 'scroll';
  /** Waiting out "scroll already exists": pause per try (default 15 s) and number of tries (default 6). */
  existingScrollWait?: { pauseMs?: number; maxWaits?: number };
  /** Restarts after a 5xx, a network failure or an expired scroll before giving up. Default 5. */
  maxRestarts?: number;
}

/** A description of one paged listing. */
export type Pager<T> = ListPager<T> | CursorPager<T> | SearchPager<T> | PageNumberPager<T> | ScrollPager<T>;

/** Where to resume: after a cursor, at a page number, or inside a scroll. JSON-serialisable. */
export type Cursor =
  | { style: 'cursor'; startingAfter: string }
  | { style: 'page'; page: number }
  | { style: 'scroll'; scrollParam: string; read: number };

/** An item that failed validation: its id when it had one, and why. */
export interface InvalidItem {
  id?: string;
  error: IntercomSchemaError;
}

/** One page of a listing. */
export interface Page<T> {
  items: T[];
  invalid: InvalidItem[];
  /** Resume point after this page; null on the last page. */
  next: Cursor | null;
  /** `total_count` of the response, when Intercom sent one. */
  totalCount?: number;
  /** Scroll only: the scroll was restarted from the beginning before this page; items may repeat. */
  restarted?: boolean;
}

/** What a pager needs from the client: raw JSON requests (typed errors thrown) and pauses. */
export interface PagingClient {
  requestJson(request: {
    method: 'GET' | 'POST';
    path: string;
    query?: Query;
    body?: unknown;
    /** May a 5xx or network failure be retried in place? Default: GET yes, POST no. */
    idempotent?: boolean;
  }): Promise<unknown>;
  /** Sleeps `ms`, or throws IntercomDelayRequired when the caller cannot wait that long. */
  pause(ms: number, why: string): Promise<void>;
  /** Back-off before the n-th (1-based) retry when no header says how long. */
  backoffMs(attempt: number): number;
}

export const DEFAULT_PER_PAGE = 50;

/** Validates a cursor read back from saved state. */
export const CursorSchema: z.ZodType<Cursor> = z.discriminatedUnion('style', [
  z.object({ style: z.literal('cursor'), startingAfter: z.string().min(1) }),
  z.object({ style: z.literal('page'), page: z.number().int().min(1) }),
  z.object({ style: z.literal('scroll'), scrollParam: z.string().min(1), read: z.number().int().min(0) }),
]);

/** Walks `pager` from the start, or from `from` (a `next` of an earlier page). */
export async function* iteratePages<T>(client: PagingClient, pager: Pager<T>, from?: Cursor | null): AsyncGenerator<Page<T>> {
  if (from !== undefined && from !== null) {
    const checked = CursorSchema.safeParse(from);
    if (!checked.success) {
      throw new Error(`Cannot resume ${pager.kind} listing: the saved cursor ${JSON.stringify(from).slice(0, 200)} is not a cursor of this client (${checked.error.issues[0]?.message})`);
    }
  }
  const expected = pager.style === 'search' ? 'cursor' : pager.style;
  if (from && (pager.style === 'list' || from.style !== expected)) {
    throw new Error(`Cannot resume ${pager.kind} listing (${pager.style} paging) from a ${from.style} cursor`);
  }
  switch (pager.style) {
    case 'list':
      yield* listPages(client, pager);
      return;
    case 'cursor':
    case 'search':
      yield* cursorPages(client, pager, from?.style === 'cursor' ? from.startingAfter : undefined);
      return;
    case 'page':
      yield* numberedPages(client, pager, from?.style === 'page' ? from.page : 1);
      return;
    case 'scroll':
      yield* scrollPages(client, pager, from?.style === 'scroll' ? from : undefined);
      return;
  }
}

async function* listPages<T>(client: PagingClient, pager: ListPager<T>): AsyncGenerator<Page<T>> {
  const response = await client.requestJson({ method: 'GET', path: pager.path, query: pager.params });
  const { rawCount: _count, ...page } = readPage(pager, response);
  yield { ...page, next: null };
}

async function* cursorPages<T>(client: PagingClient, pager: CursorPager<T> | SearchPager<T>, startingAfter: string | undefined): AsyncGenerator<Page<T>> {
  const perPage = pager.perPage ?? DEFAULT_PER_PAGE;
  const guard = new PagingGuard({ method: pager.style === 'search' ? 'POST' : 'GET', path: pager.path });
  let after = startingAfter;
  if (after !== undefined) guard.cursorPage(1, after);
  for (;;) {
    const response =
      pager.style === 'search'
        ? await client.requestJson({
            method: 'POST',
            path: pager.path,
            query: pager.params,
            body: {
              query: pager.query,
              pagination: after === undefined ? { per_page: perPage } : { per_page: perPage, starting_after: after },
              ...(pager.sort ? { sort: pager.sort } : {}),
            },
            idempotent: true, // a search changes nothing
          })
        : await client.requestJson({ method: 'GET', path: pager.path, query: { ...pager.params, per_page: perPage, starting_after: after } });
    const { rawCount, ...page } = readPage(pager, response);
    const nextAfter = nextStartingAfter(response);
    // A cursor pointing at itself has always ended the listing (Intercom's last page may do that).
    const next: Cursor | null = nextAfter !== undefined && nextAfter !== after ? { style: 'cursor', startingAfter: nextAfter } : null;
    guard.cursorPage(rawCount, next?.startingAfter);
    yield { ...page, next };
    if (!next) return;
    after = next.startingAfter;
  }
}

async function* numberedPages<T>(client: PagingClient, pager: PageNumberPager<T>, firstPage: number): AsyncGenerator<Page<T>> {
  const perPage = pager.perPage ?? DEFAULT_PER_PAGE;
  const guard = new PagingGuard({ method: 'GET', path: pager.path });
  for (let page = firstPage; ; page += 1) {
    const response = await client.requestJson({ method: 'GET', path: pager.path, query: { ...pager.params, page, per_page: perPage } });
    const { rawCount, ...read } = readPage(pager, response);
    guard.numberedPage(page, rawIds(pager, response));
    const more = rawCount > 0 && hasNextPage(response, page);
    yield { ...read, next: more ? { style: 'page', page: page + 1 } : null };
    if (!more) return;
  }
}

async function* scrollPages<T>(client: PagingClient, pager: ScrollPager<T>, from: { scrollParam: string; read: number } | undefined): AsyncGenerator<Page<T>> {
  const pauseMs = pager.existingScrollWait?.pauseMs ?? 15_000;
  const maxWaits = pager.existingScrollWait?.maxWaits ?? 6;
  const maxRestarts = pager.maxRestarts ?? 5;
  let scrollParam = from?.scrollParam;
  let read = from?.read ?? 0;
  let waits = 0;
  let restarts = 0;
  let restarted = false;

  for (;;) {
    let response: unknown;
    try {
      response = await client.requestJson({
        method: 'GET',
        path: pager.path,
        query: { ...pager.params, scroll_param: scrollParam },
        // Each call advances the scroll on Intercom's side: after a 5xx, a timeout or a broken body
        // a replay would skip a page, so only a 429 is retried in place; the rest restarts (below).
        idempotent: false,
      });
    } catch (error) {
      if (scrollParam === undefined && isScrollAlreadyOpen(error)) {
        waits += 1;
        if (waits > maxWaits) throw error;
        await client.pause(pauseMs, 'another scroll of this app is still open');
        continue;
      }
      const broken =
        error instanceof IntercomServerError || error instanceof IntercomNetworkError || (scrollParam !== undefined && isExpiredScroll(error));
      if (!broken) throw error;
      restarts += 1;
      if (restarts > maxRestarts) throw error;
      await client.pause(client.backoffMs(restarts), `restarting the ${pager.kind} scroll`);
      scrollParam = undefined;
      read = 0;
      restarted = true;
      continue;
    }
    const page = readPage(pager, response);
    if (page.rawCount === 0) return;
    const param = (response as Record<string, unknown>).scroll_param;
    if (typeof param !== 'string' || param === '') {
      throw new IntercomSchemaError(`${pager.kind} scroll page`, undefined, [{ path: 'scroll_param', message: 'expected a non-empty string' }], {
        method: 'GET',
        path: pager.path,
      });
    }
    scrollParam = param;
    read += page.rawCount;
    yield {
      items: page.items,
      invalid: page.invalid,
      ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
      next: { style: 'scroll', scrollParam, read },
      ...(restarted ? { restarted: true } : {}),
    };
    restarted = false;
  }
}

/** Intercom's answer when the app already has an open scroll (one per app; spec of /companies/scroll). */
export function isScrollAlreadyOpen(error: unknown): boolean {
  if (!(error instanceof IntercomRequestError)) return false;
  const text = `${error.code ?? ''} ${error.intercomMessage ?? ''}`;
  return /scroll/i.test(text) && /(already|exist|open)/i.test(text);
}

/** A scroll_param that no longer works (expired after a minute idle, or ended). */
function isExpiredScroll(error: unknown): boolean {
  return error instanceof IntercomNotFoundError || (error instanceof IntercomRequestError && !isScrollAlreadyOpen(error));
}

function readPage<T>(pager: Pager<T>, response: unknown): Omit<Page<T>, 'next'> & { rawCount: number } {
  const envelopeError = (message: string, path = '') =>
    new IntercomSchemaError(`${pager.kind} page`, undefined, [{ path, message }], { method: pager.style === 'search' ? 'POST' : 'GET', path: pager.path });
  if (typeof response !== 'object' || response === null || Array.isArray(response)) throw envelopeError('expected a JSON object');
  const record = response as Record<string, unknown>;
  const raw = record[pager.itemsKey];
  if (raw === undefined || raw === null) {
    return { items: [], invalid: [], rawCount: 0, ...totalCountOf(record) };
  }
  if (!Array.isArray(raw)) throw envelopeError('expected an array', pager.itemsKey);
  const items: T[] = [];
  const invalid: InvalidItem[] = [];
  raw.forEach((item: unknown, index) => {
    const parsed = pager.itemSchema.safeParse(item);
    if (parsed.success) {
      items.push(parsed.data);
      return;
    }
    const id = idOf(item);
    const error = IntercomSchemaError.fromZod(pager.kind, id, parsed.error, { path: pager.path }, `item ${index} of the page`);
    invalid.push(id === undefined ? { error } : { id, error });
  });
  return { items, invalid, rawCount: raw.length, ...totalCountOf(record) };
}

/** The ids of a page's raw items, valid or not (for loop detection). */
function rawIds(pager: Pager<unknown>, response: unknown): string[] {
  const raw = (response as Record<string, unknown>)[pager.itemsKey];
  return Array.isArray(raw) ? raw.map((item, i) => idOf(item) ?? `#${i}`) : [];
}

function idOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const id = (item as Record<string, unknown>).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function totalCountOf(record: Record<string, unknown>): { totalCount?: number } {
  return typeof record.total_count === 'number' ? { totalCount: record.total_count } : {};
}

function pagesOf(response: unknown): Record<string, unknown> | undefined {
  const pages = (response as Record<string, unknown>).pages;
  return typeof pages === 'object' && pages !== null ? (pages as Record<string, unknown>) : undefined;
}

/** `pages.next.starting_after`, or the `starting_after` of a `pages.next` URL. */
function nextStartingAfter(response: unknown): string | undefined {
  const next = pagesOf(response)?.next;
  if (typeof next === 'object' && next !== null) {
    const after = (next as Record<string, unknown>).starting_after;
    return typeof after === 'string' && after !== '' ? after : undefined;
  }
  if (typeof next === 'string' && next !== '') {
    try {
      return new URL(next, 'http://placeholder').searchParams.get('starting_after') ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function hasNextPage(response: unknown, page: number): boolean {
  const pages = pagesOf(response);
  if (!pages) return false;
  if (typeof pages.total_pages === 'number' && page >= pages.total_pages) return false;
  if ('next' in pages) return pages.next !== null && pages.next !== undefined && pages.next !== '';
  return typeof pages.total_pages === 'number';
}

/** Builds a pager, so callers write `pagers.cursor({...})` instead of a `style` literal. */
export const pagers = {
  list: <T>(p: Omit<ListPager<T>, 'style'>): ListPager<T> => ({ ...p, style: 'list' }),
  cursor: <T>(p: Omit<CursorPager<T>, 'style'>): CursorPager<T> => ({ ...p, style: 'cursor' }),
  search: <T>(p: Omit<SearchPager<T>, 'style'>): SearchPager<T> => ({ ...p, style: 'search' }),
  page: <T>(p: Omit<PageNumberPager<T>, 'style'>): PageNumberPager<T> => ({ ...p, style: 'page' }),
  scroll: <T>(p: Omit<ScrollPager<T>, 'style'>): ScrollPager<T> => ({ ...p, style: 'scroll' }),
};

