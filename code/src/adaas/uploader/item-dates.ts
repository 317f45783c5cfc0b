import { maxIso, minIso } from '../common/time-value-resolver';

/** Oldest/newest created and modified dates of a set of items (the artifact and worker_metadata fields). */
export interface ItemDateRange {
  oldest_created_date?: string;
  newest_created_date?: string;
  oldest_modified_date?: string;
  newest_modified_date?: string;
}

function validDate(value: unknown): string | undefined {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/** Widens `range` with the created/modified dates of `items`; items without dates are ignored. */
export function widenDateRange(range: ItemDateRange, items: object[]): ItemDateRange {
  const out = { ...range };
  for (const item of items) {
    const created = validDate((item as { created_date?: unknown }).created_date);
    const modified = validDate((item as { modified_date?: unknown }).modified_date);
    if (created) {
      out.oldest_created_date = minIso(out.oldest_created_date, created);
      out.newest_created_date = maxIso(out.newest_created_date, created);
    }
    if (modified) {
      out.oldest_modified_date = minIso(out.oldest_modified_date, modified);
      out.newest_modified_date = maxIso(out.newest_modified_date, modified);
    }
  }
  return out;
}
