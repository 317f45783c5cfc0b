import type { IntercomCompany } from '../intercom/schemas';
import { customAttributeFields, normalizeCustomAttributes } from './custom-attributes';
import { float, int, itemUrl, many, ref, text, timestamp } from './fields';
import { companyUrl } from './links';
import type { CustomAttributeDefinition, NormalizeContext, NormalizedItem, RecordTypeDefinition } from './types';
import { itemDates, numberOrNull, refList, textOrNull, toRfc3339 } from './values';

/** Record type `companies` (→ DevRev account), with the workspace's company custom attributes. */
export function companyRecordType(customAttributes: CustomAttributeDefinition[] = []): RecordTypeDefinition {
  return {
    name: 'Company',
    description: 'An Intercom company',
    fields: {
      name: text('Name'),
      company_id: text("Company ID (the customer's own)", { is_identifier: true }),
      plan_name: text('Plan'),
      website: text('Website'),
      industry: text('Industry'),
      size: int('Size'),
      monthly_spend: float('Monthly spend'),
      session_count: int('Sessions'),
      user_count: int('Users'),
      remote_created_at: timestamp('Created in the customer system'),
      last_request_at: timestamp('Last request'),
      tag_ids: many(ref('Tags', ['tags'])),
      segment_names: many(text('Segments')),
      item_url_field: itemUrl(),
      ...customAttributeFields(customAttributes),
    },
  };
}

/** Company → item (`id` is Intercom's id, not the customer's `company_id`). */
export function normalizeCompany(company: IntercomCompany, ctx: NormalizeContext): NormalizedItem {
  return {
    id: company.id, ...itemDates(company),
    data: {
      name: textOrNull(company.name),
      company_id: textOrNull(company.company_id),
      plan_name: textOrNull(company.plan?.name),
      website: textOrNull(company.website),
      industry: textOrNull(company.industry),
      size: numberOrNull(company.size),
      monthly_spend: numberOrNull(company.monthly_spend),
      session_count: numberOrNull(company.session_count),
      user_count: numberOrNull(company.user_count),
      remote_created_at: toRfc3339(company.remote_created_at),
      last_request_at: toRfc3339(company.last_request_at),
      tag_ids: refList(company.tags?.tags.map((t) => t.id)),
      segment_names: (company.segments?.segments ?? []).map((s) => s.name ?? s.id),
      item_url_field: companyUrl(ctx, company.id),
      ...normalizeCustomAttributes(company.custom_attributes, ctx.customAttributes?.companies ?? []),
    },
  };
}
