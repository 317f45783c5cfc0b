/**
 * Stops a listing that would never end: a server that sends a cursor it already sent (a cycle
 * A→B→A, not only A→A), empty pages with ever new cursors, or the same items for every page
 * number (it ignores `page`). Each is an {@link IntercomPagingError} naming the endpoint and cursor.
 */
import { IntercomError } from './errors';

/** Empty pages in a row, each with a next cursor, before the listing counts as endless. */
export const MAX_EMPTY_PAGES_IN_A_ROW = 3;

/** A listing whose paging loops; `cursor` is the repeated or last cursor (or page number). */
export class IntercomPagingError extends IntercomError {
  readonly cursor: string;
  constructor(endpoint: { method: string; path: string }, cursor: string, why: string) {
    super(`Intercom ${endpoint.method} ${endpoint.path}: paging stopped at cursor ${JSON.stringify(cursor)}: ${why}`, endpoint);
    this.cursor = cursor;
  }
}

/** Watches one walk of a listing; call {@link next} for every page with its cursor to follow. */
export class PagingGuard {
  private readonly followed = new Set<string>();
  private emptyInARow = 0;
  private previousIds?: string;

  constructor(private readonly endpoint: { method: string; path: string }) {}

  /** A cursor page: `items` read from it, `next` the cursor it points to (undefined at the end). */
  cursorPage(itemCount: number, next: string | undefined): void {
    if (next === undefined) return;
    if (this.followed.has(next)) {
      throw new IntercomPagingError(this.endpoint, next, 'the server sent this cursor before (a paging cycle)');
    }
    this.followed.add(next);
    this.emptyInARow = itemCount === 0 ? this.emptyInARow + 1 : 0;
    if (this.emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
      throw new IntercomPagingError(this.endpoint, next, `${this.emptyInARow} empty pages in a row, each with a new cursor`);
    }
  }

  /** A numbered page: the ids it held; the same non-empty ids as the page before mean `page` is ignored. */
  numberedPage(page: number, ids: string[]): void {
    const key = JSON.stringify(ids);
    if (ids.length > 0 && key === this.previousIds) {
      throw new IntercomPagingError(this.endpoint, `page ${page}`, `page ${page} holds the same items as page ${page - 1} (the server ignores the page number)`);
    }
    this.previousIds = key;
  }
}
