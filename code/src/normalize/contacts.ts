import type { IntercomContact } from '../intercom/schemas';
import { customAttributeFields, normalizeCustomAttributes } from './custom-attributes';
import { bool, enumOf, itemUrl, many, ref, text, timestamp } from './fields';
import { contactUrl } from './links';
import type { CustomAttributeDefinition, NormalizeContext, NormalizedItem, RecordTypeDefinition } from './types';
import { boolOrNull, itemDates, refList, refOrNull, textOrNull, toRfc3339 } from './values';

/** Record type `contacts` (users and leads → DevRev rev users), with the contact custom attributes. */
export function contactRecordType(customAttributes: CustomAttributeDefinition[] = []): RecordTypeDefinition {
  return {
    name: 'Contact',
    description: 'An Intercom contact: a user or a lead',
    fields: {
      role: enumOf('Role', [['user', 'User'], ['lead', 'Lead']], { is_required: true }),
      name: text('Name'),
      email: text('Email', { is_identifier: true }),
      phone: text('Phone'),
      external_id: text('External ID (Intercom user_id)'),
      external_ref: text('Reference ID', {
        is_required: true,
        description: 'Value of the contact custom attribute chosen as "Contact reference ID", or the Intercom id',
      }),
      external_ref_is_fallback: bool('Reference ID fell back to the Intercom id', {
        description: 'True when the chosen reference attribute had no value on this contact',
      }),
      owner_id: ref('Owner', ['admins']),
      company_ids: many(ref('Companies', ['companies'])),
      companies_has_more: bool('More companies than listed', {
        description: 'Intercom previews at most 10 companies inline',
      }),
      tag_ids: many(ref('Tags', ['tags'])),
      tags_has_more: bool('More tags than listed'),
      avatar_url: text('Avatar URL'),
      email_domain: text('Email domain'),
      location_country: text('Country'),
      location_region: text('Region'),
      location_city: text('City'),
      language_override: text('Language'),
      browser: text('Browser'),
      os: text('Operating system'),
      signed_up_at: timestamp('Signed up'),
      last_seen_at: timestamp('Last seen'),
      last_replied_at: timestamp('Last replied'),
      last_contacted_at: timestamp('Last contacted'),
      unsubscribed_from_emails: bool('Unsubscribed from emails'),
      has_hard_bounced: bool('Email hard bounced'),
      marked_email_as_spam: bool('Marked email as spam'),
      item_url_field: itemUrl(),
      ...customAttributeFields(customAttributes),
    },
  };
}

/**
 * The contact's reference: with `ctx.contactReferenceField` set, that custom attribute's value (as a
 * string); when the attribute has no value, or the option is empty, the Intercom id.
 */
export function contactReference(contact: IntercomContact, field: string | undefined): { ref: string; fallback: boolean } {
  if (!field) return { ref: contact.id, fallback: false };
  const value = contact.custom_attributes?.[field];
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value).trim() : '';
  return text === '' ? { ref: contact.id, fallback: true } : { ref: text, fallback: false };
}

/** Contact → item. Throws (→ skipped by normalizeBatch) when `role` is neither user nor lead. */
export function normalizeContact(contact: IntercomContact, ctx: NormalizeContext): NormalizedItem {
  if (contact.role !== 'user' && contact.role !== 'lead') {
    throw new Error(`role must be "user" or "lead", got ${JSON.stringify(contact.role)}`);
  }
  const reference = contactReference(contact, ctx.contactReferenceField);
  const avatar = typeof contact.avatar === 'string' ? contact.avatar : (contact.avatar?.image_url ?? null);
  return {
    id: contact.id, ...itemDates(contact),
    data: {
      role: contact.role,
      name: textOrNull(contact.name),
      email: textOrNull(contact.email),
      phone: textOrNull(contact.phone),
      external_id: textOrNull(contact.external_id),
      external_ref: reference.ref,
      external_ref_is_fallback: reference.fallback,
      owner_id: refOrNull(contact.owner_id),
      company_ids: refList(contact.companies?.data.map((c) => c.id)),
      companies_has_more: contact.companies?.has_more === true,
      tag_ids: refList(contact.tags?.data.map((t) => t.id)),
      tags_has_more: contact.tags?.has_more === true,
      avatar_url: textOrNull(avatar),
      email_domain: textOrNull(contact.email_domain),
      location_country: textOrNull(contact.location?.country),
      location_region: textOrNull(contact.location?.region),
      location_city: textOrNull(contact.location?.city),
      language_override: textOrNull(contact.language_override),
      browser: textOrNull(contact.browser),
      os: textOrNull(contact.os),
      signed_up_at: toRfc3339(contact.signed_up_at),
      last_seen_at: toRfc3339(contact.last_seen_at),
      last_replied_at: toRfc3339(contact.last_replied_at),
      last_contacted_at: toRfc3339(contact.last_contacted_at),
      unsubscribed_from_emails: boolOrNull(contact.unsubscribed_from_emails),
      has_hard_bounced: boolOrNull(contact.has_hard_bounced),
      marked_email_as_spam: boolOrNull(contact.marked_email_as_spam),
      item_url_field: contactUrl(ctx, contact.id),
      ...normalizeCustomAttributes(contact.custom_attributes, ctx.customAttributes?.contacts ?? []),
    },
  };
}
