/** Cursor helpers: opaque, tamper-evident cursors that survive changes between pages. */
import { decodeCursor, encodeCursor, keysetPage, pageNumberPages, positionalPage } from '../../../src/emulators/intercom/http/paging';
import { IntercomHttpError } from '../../../src/emulators/intercom/http/errors';

test('a cursor round-trips; an edited or foreign cursor is a 400 client_error', () => {
  const cursor = encodeCursor({ scope: 'contacts', id: 'abc', position: 3, page: 2 });
  expect(decodeCursor(cursor, 'contacts')).toEqual({ scope: 'contacts', id: 'abc', key: null, position: 3, page: 2 });
  const edited = Buffer.from(Buffer.from(cursor, 'base64url').toString().replace('abc', 'abd')).toString('base64url');
  for (const [value, scope] of [[edited, 'contacts'], [cursor, 'conversations'], ['%%%', 'contacts']]) {
    try {
      decodeCursor(value, scope);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(IntercomHttpError);
      expect((e as IntercomHttpError).code).toBe('client_error');
    }
  }
});

test('positional paging continues after the last id even when items before it were deleted', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  const first = positionalPage(ids, { scope: 's', perPage: 2, idOf: (x) => x });
  expect(first.items).toEqual(['a', 'b']);
  const afterDeletion = ids.filter((x) => x !== 'a');
  const second = positionalPage(afterDeletion, { scope: 's', perPage: 2, idOf: (x) => x, startingAfter: first.pages.next!.starting_after });
  expect(second.items).toEqual(['c', 'd']);
  expect(second.pages.page).toBe(2);
  // The last id itself deleted: continue at its old position.
  const lastGone = ids.filter((x) => x !== 'b');
  expect(positionalPage(lastGone, { scope: 's', perPage: 2, idOf: (x) => x, startingAfter: first.pages.next!.starting_after }).items).toEqual(['c', 'd']);
});

test('keyset paging resumes strictly after (key, id), so an insert at the front does not repeat items', () => {
  const rows = [{ id: '5', t: 50 }, { id: '4', t: 40 }, { id: '3', t: 40 }, { id: '2', t: 20 }, { id: '1', t: 10 }];
  const o = { scope: 'k', perPage: 2, keyOf: (r: { t: number }) => r.t, idOf: (r: { id: string }) => r.id, descending: true };
  const first = keysetPage(rows, o);
  expect(first.items.map((r) => r.id)).toEqual(['5', '4']);
  const grown = [{ id: '6', t: 60 }, ...rows];
  const second = keysetPage(grown, { ...o, startingAfter: first.pages.next!.starting_after });
  expect(second.items.map((r) => r.id)).toEqual(['3', '2']);
  const third = keysetPage(grown, { ...o, startingAfter: second.pages.next!.starting_after });
  expect(third.items.map((r) => r.id)).toEqual(['1']);
  expect(third.pages.next).toBeUndefined();
});

test('page-number pages: next URL until the last page, then null', () => {
  const nextUrl = (n: number) => `http://x/articles?page=${n}`;
  expect(pageNumberPages({ total: 5, page: 1, perPage: 2, nextUrl })).toEqual({ type: 'pages', page: 1, per_page: 2, total_pages: 3, next: 'http://x/articles?page=2' });
  expect(pageNumberPages({ total: 5, page: 3, perPage: 2, nextUrl }).next).toBeNull();
  expect(pageNumberPages({ total: 0, page: 1, perPage: 2, nextUrl })).toMatchObject({ total_pages: 1, next: null });
});
