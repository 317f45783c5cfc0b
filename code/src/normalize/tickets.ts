import { TicketPartSchema, type IntercomTicket } from '../intercom/schemas';
import { customAttributeFields, normalizeCustomAttributes } from './custom-attributes';
import { bool, enumOf, int, itemUrl, many, ref, richText, text, timestamp } from './fields';
import { conversationUrl } from './links';
import { normalizeParts } from './parts';
import { htmlToRichText } from './rich-text';
import { normalizeTicketPart, TICKET_STATE_CATEGORIES } from './ticket-parts';
import type { CustomAttributeDefinition, NormalizeContext, NormalizedAttachment, NormalizedItem, RecordTypeDefinition } from './types';
import { boolOrNull, itemDates, refList, refOrNull, textOrNull, toRfc3339 } from './values';

/**
 * Intercom tickets → `tickets` (DevRev tickets). The title and description are the default
 * attributes `_default_title_` and `_default_description_`; every other ticket attribute is a
 * custom attribute of its ticket type (`custom_*`, key rule of custom-attributes.ts). Intercom 2.16
 * tickets name no company: DevRev reaches the account through the ticket's contacts.
 */

const CATEGORIES = ['Customer', 'Back-office', 'Tracker'] as const;
export const DEFAULT_TICKET_ATTRIBUTES = ['_default_title_', '_default_description_'];

/** Record type `tickets` (→ DevRev ticket), with the custom attributes of every ticket type. */
export function ticketRecordType(customAttributes: CustomAttributeDefinition[] = []): RecordTypeDefinition {
  return {
    name: 'Ticket',
    description: 'An Intercom ticket (customer, back-office or tracker); its comments, notes and events are ticket_parts',
    fields: {
      title: text('Title', { is_required: true }),
      description: richText('Description'),
      ticket_number: text('Ticket number in the Intercom inbox'),
      category: enumOf('Category', [['Customer', 'Customer'], ['Back-office', 'Back-office'], ['Tracker', 'Tracker']]),
      ticket_type_id: text('Ticket type ID'),
      ticket_type: text('Ticket type'),
      state: enumOf('State', [...TICKET_STATE_CATEGORIES], { is_required: true }),
      state_label: text('State (as teammates see it)'),
      state_external_label: text('State (as customers see it)'),
      open: bool('Open'),
      is_shared: bool('Shared with the customer'),
      snoozed_until: timestamp('Snoozed until'),
      admin_assignee_id: ref('Assignee', ['admins']),
      team_assignee_id: ref('Team', ['teams']),
      contact_ids: many(ref('Contacts', ['contacts'])),
      linked_conversation_ids: many(ref('Linked conversations', ['conversations'])),
      linked_ticket_ids: many(ref('Linked tickets', ['tickets'])),
      parts_total: int('Parts in Intercom'),
      item_url_field: itemUrl(),
      ...customAttributeFields(customAttributes),
    },
  };
}

/** What one ticket turns into. */
export interface NormalizedTicket {
  ticket: NormalizedItem;
  parts: NormalizedItem[];
  attachments: NormalizedAttachment[];
  /** Parts that failed validation or normalization: reported, not dropped silently. */
  skipped: Array<{ id: string | null; reason: string }>;
  truncation?: { returned: number; total: number };
}

/** A ticket (retrieve shape; a search item yields the ticket without parts). */
export function normalizeTicket(t: IntercomTicket, ctx: NormalizeContext): NormalizedTicket {
  const dates = itemDates(t);
  const url = conversationUrl(ctx, t.id);
  const attributes = (t.ticket_attributes ?? {}) as Record<string, unknown>;
  const shared = t.is_shared === true;
  const parts: NormalizedItem[] = [];
  const attachments: NormalizedAttachment[] = [];
  const skipped: NormalizedTicket['skipped'] = [];

  const rawParts = t.ticket_parts?.ticket_parts ?? [];
  normalizeParts(rawParts, TicketPartSchema, 'ticket part', (part) => normalizeTicketPart(part, { id: t.id, shared, url }, ctx), { parts, attachments, skipped });

  const description = typeof attributes._default_description_ === 'string' ? attributes._default_description_ : null;
  const rich = htmlToRichText(description, {
    owner: { kind: 'ticket-part', id: `${t.id}-description` }, parentId: t.id, helpCenterUrls: ctx.helpCenterUrls, fileHosts: ctx.fileHosts,
    adminNames: ctx.adminNames,
  });
  attachments.push(...rich.attachments.map((a) => ({ ...a, ...dates, grand_parent_id: t.id })));
  const custom = Object.fromEntries(Object.entries(attributes).filter(([name]) => !DEFAULT_TICKET_ATTRIBUTES.includes(name)));
  const links = t.linked_objects?.data ?? [];
  const total = Math.max(rawParts.length, t.ticket_parts?.total_count ?? 0);
  const title = typeof attributes._default_title_ === 'string' && attributes._default_title_.trim() !== '' ? attributes._default_title_ : null;

  const ticket: NormalizedItem = {
    id: t.id, ...dates,
    data: {
      title: title ?? `Intercom ticket ${t.ticket_id ?? t.id}`,
      description: rich.richText.length > 0 ? rich.richText : null,
      ticket_number: textOrNull(t.ticket_id),
      category: CATEGORIES.find((c) => c === t.category) ?? null,
      ticket_type_id: refOrNull(t.ticket_type?.id),
      ticket_type: textOrNull(t.ticket_type?.name),
      state: (TICKET_STATE_CATEGORIES as readonly string[]).includes(t.ticket_state?.category ?? '') ? t.ticket_state!.category : null,
      state_label: textOrNull(t.ticket_state?.internal_label),
      state_external_label: textOrNull(t.ticket_state?.external_label),
      open: boolOrNull(t.open),
      is_shared: boolOrNull(t.is_shared),
      snoozed_until: toRfc3339(t.snoozed_until),
      admin_assignee_id: refOrNull(t.admin_assignee_id),
      team_assignee_id: refOrNull(t.team_assignee_id),
      contact_ids: refList(t.contacts?.contacts.map((c) => c.id)),
      linked_conversation_ids: refList(links.filter((l) => l.type === 'conversation').map((l) => l.id)),
      linked_ticket_ids: refList(links.filter((l) => l.type === 'ticket').map((l) => l.id)),
      parts_total: t.ticket_parts != null ? total : null,
      item_url_field: url,
      ...normalizeCustomAttributes(custom, ctx.customAttributes?.tickets ?? []),
    },
  };
  const result: NormalizedTicket = { ticket, parts, attachments, skipped };
  if (t.ticket_parts != null && total > rawParts.length) result.truncation = { returned: rawParts.length, total };
  return result;
}
