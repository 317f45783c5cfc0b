/**
 * A listed contact previews at most 10 companies and 10 tags (`has_more` says when there are more;
 * intercom-api.md §7.10). Where a preview is cut short, the full lists are read from
 * `/contacts/{id}/companies` (page-number paging) and `/contacts/{id}/tags`, so no link is lost.
 * Contacts with short previews cost no request.
 */
import type { DetailClient } from './types';

type Raw = Record<string, unknown>;
interface Preview { data?: Array<{ id?: unknown }>; has_more?: boolean; total_count?: number }
interface CompaniesPage { companies?: Array<{ id?: unknown }>; pages?: { next?: unknown; total_pages?: number } | null }

const PER_PAGE = 150;
const refsOf = (type: string, list: Array<{ id?: unknown }> | undefined) =>
  (list ?? []).filter((x) => x.id != null).map((x) => ({ type, id: String(x.id) }));

/** The contact with complete `companies` and `tags` lists. */
export async function completeContactRelations(client: DetailClient, listed: Raw): Promise<Raw> {
  const id = encodeURIComponent(String(listed.id));
  const companies = listed.companies as Preview | null | undefined;
  const tags = listed.tags as Preview | null | undefined;
  let contact = listed;
  if (companies?.has_more) {
    const all: Array<{ type: string; id: string }> = [];
    for (let page = 1; ; page++) {
      const res = (await client.get(`/contacts/${id}/companies`, { query: { page, per_page: PER_PAGE }, kind: 'contact companies' })) as CompaniesPage;
      const got = refsOf('company', res.companies);
      all.push(...got);
      if (got.length === 0 || !res.pages?.next || (res.pages.total_pages ?? page) <= page) break;
    }
    contact = { ...contact, companies: { ...companies, data: all, has_more: false, total_count: all.length } };
  }
  if (tags?.has_more) {
    const res = (await client.get(`/contacts/${id}/tags`, { kind: 'contact tags' })) as { data?: Array<{ id?: unknown }> };
    const all = refsOf('tag', res.data);
    contact = { ...contact, tags: { ...tags, data: all, has_more: false, total_count: all.length } };
  }
  return contact;
}
