/**
 * Async iterators over Intercom's paging styles (shared/docs/intercom-api.md §4). A pager is plain
 * data ({@link Pager}); {@link iteratePages} walks it through a {@link PagingClient}. Every page
 * carries a JSON-serialisable {@link Cursor} from which iteration resumes exactly after that page,
 * and items are validated one by one: a bad item is reported in `invalid`, never dropped silently.
 */
import { z } from 'zod';
import type { IntercomSchemaError } from './errors';
import { hasNextPage, nextStartingAfter, rawIds, readPage } from './page-reading';
import { PagingGuard } from './paging-guard';
import { scrollPages } from './scroll-pages';

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

/** Builds a pager, so callers write `pagers.cursor({...})` instead of a `style` literal. */
export const pagers = {
  list: <T>(p: Omit<ListPager<T>, 'style'>): ListPager<T> => ({ ...p, style: 'list' }),
  cursor: <T>(p: Omit<CursorPager<T>, 'style'>): CursorPager<T> => ({ ...p, style: 'cursor' }),
  search: <T>(p: Omit<SearchPager<T>, 'style'>): SearchPager<T> => ({ ...p, style: 'search' }),
  page: <T>(p: Omit<PageNumberPager<T>, 'style'>): PageNumberPager<T> => ({ ...p, style: 'page' }),
  scroll: <T>(p: Omit<ScrollPager<T>, 'style'>): ScrollPager<T> => ({ ...p, style: 'scroll' }),
};

