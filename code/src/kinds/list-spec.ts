/**
 * How a kind is listed: a pager of the Intercom client (plain data: endpoint, paging style, item
 * schema), plus helpers to build Intercom search queries.
 */
import type { Pager } from '../intercom/pagers';

/** A listing of raw Intercom objects. */
export type ListSpec = Pager<Record<string, unknown>>;

/** A node of Intercom's search query language. */
export type SearchQuery =
  | { field: string; operator: string; value: unknown }
  | { operator: 'AND' | 'OR'; value: SearchQuery[] };

/** `updated_at > floor`, AND-ed with more conditions when given. */
export function updatedSince(floor: number, ...more: SearchQuery[]): SearchQuery {
  const byDate: SearchQuery = { field: 'updated_at', operator: '>', value: floor };
  return more.length === 0 ? byDate : { operator: 'AND', value: [byDate, ...more] };
}

/** Conversations in the `closed` state. */
export const CLOSED_ONLY: SearchQuery = { field: 'state', operator: '=', value: 'closed' };
