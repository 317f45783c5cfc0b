/** Reading one page of any paging style: items validated one by one, totals, the next cursor or page. */
import { IntercomSchemaError } from './errors';
import type { InvalidItem, Page, Pager } from './pagers';

/** The items of one page, each validated on its own (a bad item goes to `invalid`), its raw count and `total_count`. */
export function readPage<T>(pager: Pager<T>, response: unknown): Omit<Page<T>, 'next'> & { rawCount: number } {
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
export function rawIds(pager: Pager<unknown>, response: unknown): string[] {
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
export function nextStartingAfter(response: unknown): string | undefined {
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

/** Whether a numbered page has a successor (`pages.next`, or `total_pages` not reached). */
export function hasNextPage(response: unknown, page: number): boolean {
  const pages = pagesOf(response);
  if (!pages) return false;
  if (typeof pages.total_pages === 'number' && page >= pages.total_pages) return false;
  if ('next' in pages) return pages.next !== null && pages.next !== undefined && pages.next !== '';
  return typeof pages.total_pages === 'number';
}
