/**
 * The time window of an incremental sync, as pure functions (unix seconds, Intercom's clock).
 *
 * The bookmark is the time the last completed run STARTED (never the newest updated_at seen: an
 * object changed while the run was reading would otherwise fall between two syncs).
 *
 * Intercom's search compares dates by calendar day in the workspace's time zone, and `>` means
 * "from the start of the next day" (intercom-api.md §6.1), so the server-side filter asks for two
 * days more than needed; the client then keeps objects with `updated_at >= bookmark − overlap`.
 * Stamps have one-second resolution, so the comparison is never a strict `>`.
 */

/** Server-side search margin: covers time-zone offsets and the next-day rule of `>`. */
export const SEARCH_MARGIN_SECONDS = 2 * 24 * 60 * 60;
/** Client-side overlap: covers clock skew between the run's start stamp and Intercom's writes. */
export const OVERLAP_SECONDS = 5 * 60;

/** The value for the search filter `updated_at > value`. */
export function searchFloor(bookmark: number): number {
  return bookmark - SEARCH_MARGIN_SECONDS;
}

/** The lowest `updated_at` kept client-side in an incremental run. */
export function windowStartFor(bookmark: number): number {
  return bookmark - OVERLAP_SECONDS;
}

/** True when an object stamped `updatedAt` belongs to the run whose window starts at `windowStart`. */
export function inWindow(updatedAt: number | null | undefined, windowStart: number | null): boolean {
  if (windowStart === null) return true;
  if (updatedAt === null || updatedAt === undefined || !Number.isFinite(updatedAt)) return true; // unknown: keep
  return updatedAt >= windowStart;
}
