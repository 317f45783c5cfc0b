/**
 * Contacts carry only a preview of their companies and tags (at most 10 each, `has_more` when there
 * are more). Such a contact is read again whole, with the lists behind the previews, in a pass after
 * the listings (`extraction/completion-pass.ts`), so the listing never waits for it.
 */
import { ContactCompaniesPageSchema, ContactSchema, ContactTagsSchema, type IntercomContact } from '../intercom/schemas';
import type { DetailClient } from './types';

/** Companies per page of `GET /contacts/{id}/companies` (Intercom's maximum). */
const COMPANIES_PER_PAGE = 150;

/** True when the contact's companies or tags preview leaves some out. */
export function hasPartialRelations(contact: IntercomContact): boolean {
  return contact.companies?.has_more === true || contact.tags?.has_more === true;
}

/** The contact as `GET /contacts/{id}` answers it, its previews replaced by the complete lists. */
export async function readContactWithRelations(client: DetailClient, id: string): Promise<IntercomContact> {
  const path = `/contacts/${encodeURIComponent(id)}`;
  const contact = await client.get(path, { schema: ContactSchema, kind: 'contact' });
  // Companies and tags at once: neither waits for the other's latency.
  const [companies, tags] = await Promise.all([
    contact.companies?.has_more ? allCompanies(client, path) : contact.companies?.data,
    contact.tags?.has_more ? client.get(`${path}/tags`, { schema: ContactTagsSchema, kind: 'contact tags' }).then((t) => t.data) : contact.tags?.data,
  ]);
  return {
    ...contact,
    ...(contact.companies && companies && { companies: complete(contact.companies, companies) }),
    ...(contact.tags && tags && { tags: complete(contact.tags, tags) }),
  };
}

function complete<P extends { data: unknown[] }>(preview: P, items: Array<{ id: string }>): P {
  return { ...preview, data: items.map((i) => ({ type: (i as { type?: string }).type, id: i.id })), total_count: items.length, has_more: false };
}

async function allCompanies(client: DetailClient, contactPath: string): Promise<Array<{ id: string }>> {
  const all: Array<{ id: string }> = [];
  for (let page = 1; ; page++) {
    const answer = await client.get(`${contactPath}/companies`, {
      query: { page, per_page: COMPANIES_PER_PAGE }, schema: ContactCompaniesPageSchema, kind: 'contact companies',
    });
    all.push(...answer.companies);
    const totalPages = answer.pages?.total_pages ?? 1;
    if (page >= totalPages || answer.companies.length === 0) return all;
  }
}
