import { createHash } from 'node:crypto';
import { errors } from './errors';

/** What an opaque `starting_after` cursor remembers. */
export interface CursorState {
  /** Which listing it belongs to (`contacts`, `conversations`, `search:<hash>` …). */
  scope: string;
  /** Id of the last item returned. */
  id: string;
  /** Sort value of the last item (keyset listings). */
  key?: number | string | null;
  /** Position after the last item (for listings in a fixed order). */
  position: number;
  /** Number of the page the cursor leads to. */
  page: number;
}

/** Encodes a cursor; it is opaque to clients and carries a checksum so that edited cursors fail. */
export function encodeCursor(state: CursorState): string {
  const body = JSON.stringify([state.scope, state.id, state.key ?? null, state.position, state.page]);
  return Buffer.from(`${checksum(body)}${body}`).toString('base64url');
}

/** Decodes a cursor of `scope`; anything else is Intercom's 400 `client_error`. */
export function decodeCursor(value: string, scope: string): CursorState {
  let decoded: unknown;
  try {
    const raw = Buffer.from(value, 'base64url').toString('utf8');
    const body = raw.slice(8);
    if (raw.slice(0, 8) !== checksum(body)) throw new Error('checksum');
    decoded = JSON.parse(body);
  } catch {
    throw errors.badCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== 5) throw errors.badCursor();
  const [cursorScope, id, key, position, page] = decoded as unknown[];
  if (cursorScope !== scope || typeof id !== 'string' || typeof position !== 'number' || typeof page !== 'number') throw errors.badCursor();
  return { scope, id, key: key as number | string | null, position, page };
}

function checksum(body: string): string {
  return createHash('sha256').update(`emulator-cursor:${body}`).digest('hex').slice(0, 8);
}

/** Reads `per_page` (query string or search body), with Intercom's default and maximum. */
export function readPerPage(raw: unknown, defaults: { default: number; max: number }): number {
  if (raw === undefined || raw === null || raw === '') return defaults.default;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > defaults.max) {
    throw errors.parameterInvalid(`per_page must be an integer between 1 and ${defaults.max}`, 'per_page');
  }
  return n;
}

/** Reads a 1-based `page` parameter. */
export function readPage(raw: unknown): number {
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw errors.parameterInvalid('page must be a positive integer', 'page');
  return n;
}

/** A page of a cursor listing and the `pages` object that describes it. */
export interface CursorPage<T> {
  items: T[];
  pages: { type: 'pages'; page: number; per_page: number; total_pages: number; next?: { per_page: number; starting_after: string } };
}

/** A listing sorted by (key, id) in one direction; the cursor resumes strictly after the last item seen. */
export function keysetPage<T>(
  sorted: T[],
  o: { scope: string; perPage: number; startingAfter?: string; keyOf: (t: T) => number | string | null; idOf: (t: T) => string; descending: boolean },
): CursorPage<T> {
  const cursor = o.startingAfter !== undefined ? decodeCursor(o.startingAfter, o.scope) : undefined;
  const after = (t: T): boolean => {
    if (!cursor) return true;
    const order = compareKeys(o.keyOf(t), cursor.key ?? null) || compareIds(o.idOf(t), cursor.id);
    return o.descending ? order < 0 : order > 0;
  };
  const start = cursor ? firstIndex(sorted, after) : 0;
  return cursorPage(sorted, start, cursor?.page ?? 1, o, (last, end) => ({ key: o.keyOf(last), id: o.idOf(last), position: end }));
}

/** A listing in a fixed order (e.g. creation order); the cursor resumes after the last id, or at its old position if it is gone. */
export function positionalPage<T>(
  ordered: T[],
  o: { scope: string; perPage: number; startingAfter?: string; idOf: (t: T) => string },
): CursorPage<T> {
  const cursor = o.startingAfter !== undefined ? decodeCursor(o.startingAfter, o.scope) : undefined;
  let start = 0;
  if (cursor) {
    const found = ordered.findIndex((t) => o.idOf(t) === cursor.id);
    start = found >= 0 ? found + 1 : Math.min(cursor.position - 1, ordered.length);
  }
  return cursorPage(ordered, start, cursor?.page ?? 1, o, (last, end) => ({ id: o.idOf(last), position: end }));
}

function cursorPage<T>(
  list: T[],
  start: number,
  page: number,
  o: { scope: string; perPage: number },
  stateOf: (last: T, end: number) => Pick<CursorState, 'id' | 'key' | 'position'>,
): CursorPage<T> {
  const items = list.slice(start, start + o.perPage);
  const end = start + items.length;
  const pages: CursorPage<T>['pages'] = {
    type: 'pages',
    page,
    per_page: o.perPage,
    total_pages: Math.max(1, Math.ceil(list.length / o.perPage)),
  };
  if (end < list.length && items.length > 0) {
    const state = { scope: o.scope, page: page + 1, ...stateOf(items[items.length - 1], end) };
    pages.next = { per_page: o.perPage, starting_after: encodeCursor(state) };
  }
  return { items, pages };
}

function firstIndex<T>(list: T[], predicate: (t: T) => boolean): number {
  const i = list.findIndex(predicate);
  return i < 0 ? list.length : i;
}

/** Orders sort values: numbers and strings naturally, null first. */
export function compareKeys(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Orders ids: numeric ids by value (shorter first), others lexically. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** `pages` of a page-number listing: `next` is the URL of the next page, or null. */
export function pageNumberPages(o: { total: number; page: number; perPage: number; nextUrl: (page: number) => string }) {
  const totalPages = Math.max(1, Math.ceil(o.total / o.perPage));
  return {
    type: 'pages' as const,
    page: o.page,
    per_page: o.perPage,
    total_pages: totalPages,
    next: o.page < totalPages ? o.nextUrl(o.page + 1) : null,
  };
}

/** Builds a next-page URL on the emulator's base URL, keeping the other query parameters. */
export function nextPageUrl(baseUrl: string, path: string, query: Record<string, unknown>, page: number, perPage: number): string {
  const url = new URL(path, baseUrl);
  for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== 'page' && k !== 'per_page') url.searchParams.set(k, String(v));
  url.searchParams.set('per_page', String(perPage));
  url.searchParams.set('page', String(page));
  return url.toString();
}
