import { ConversationPartSchema, type IntercomConversation } from '../intercom/schemas';
import { normalizePartInput, type NormalizedPart, type PartInput } from './conversation-parts';
import { customAttributeFields, normalizeCustomAttributes } from './custom-attributes';
import { bool, enumOf, int, itemUrl, many, ref, text, timestamp } from './fields';
import { conversationUrl } from './links';
import { normalizeParts } from './parts';
import type { CustomAttributeDefinition, NormalizeContext, NormalizedAttachment, NormalizedItem, RecordTypeDefinition } from './types';
import { boolOrNull, itemDates, numberOrNull, refList, refOrNull, textOrNull, toRfc3339 } from './values';

/** Intercom returns at most this many parts per conversation (the most recent ones). */
export const PART_CAP = 500;

const STATES = ['open', 'closed', 'snoozed'] as const;
const PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent', 'priority', 'not_priority'] as const;

/** Record type `conversations` (→ DevRev conversation), with the conversation custom attributes. */
export function conversationRecordType(customAttributes: CustomAttributeDefinition[] = []): RecordTypeDefinition {
  return {
    name: 'Conversation',
    description: 'An Intercom conversation; its messages, notes and events are conversation_parts',
    fields: {
      title: text('Title'),
      state: enumOf('State', [['open', 'Open'], ['closed', 'Closed'], ['snoozed', 'Snoozed']], { is_required: true }),
      open: bool('Open'),
      read: bool('Read'),
      priority: enumOf('Priority', [
        ['none', 'None'], ['low', 'Low'], ['medium', 'Medium'], ['high', 'High'], ['urgent', 'Urgent'],
        ['priority', 'Priority (before 2.16)'], ['not_priority', 'Not priority (before 2.16)'],
      ]),
      admin_assignee_id: ref('Assignee', ['admins']),
      team_assignee_id: ref('Team', ['teams']),
      contact_ids: many(ref('Contacts', ['contacts'])),
      teammate_ids: many(ref('Teammates', ['admins', 'bots'])),
      company_id: ref('Company', ['companies']),
      tag_ids: many(ref('Tags', ['tags'])),
      waiting_since: timestamp('Waiting since'),
      snoozed_until: timestamp('Snoozed until'),
      source_type: text('Channel'),
      delivered_as: text('Delivered as'),
      source_url: text('Page the conversation started on'),
      rating: int('Rating'),
      rating_remark: text('Rating remark'),
      parts_returned: int('Parts returned by Intercom'),
      parts_total: int('Parts in Intercom'),
      parts_truncated: bool('Older parts missing', { description: 'Intercom returns only the 500 most recent parts' }),
      item_url_field: itemUrl(),
      ...customAttributeFields(customAttributes),
    },
  };
}

/** Set when Intercom holds more parts than it returned (the 500-part cap). */
export interface PartsTruncation {
  conversation_id: string;
  returned: number;
  total: number;
}

/** What one conversation turns into. */
export interface NormalizedConversation {
  conversation: NormalizedItem;
  /** The source first (`<id>-source`), then the parts in Intercom's order. */
  parts: NormalizedItem[];
  attachments: NormalizedAttachment[];
  truncation?: PartsTruncation;
  /** Parts that failed validation or normalization: reported, not dropped silently. */
  skipped: Array<{ id: string | null; reason: string }>;
}

/** Conversation (retrieve shape; a list/search item works too and yields only the source) → items. */
export function normalizeConversation(conv: IntercomConversation, ctx: NormalizeContext): NormalizedConversation {
  const dates = itemDates(conv);
  const url = conversationUrl(ctx, conv.id);
  const parts: NormalizedItem[] = [];
  const attachments: NormalizedAttachment[] = [];
  const skipped: NormalizedConversation['skipped'] = [];

  if (conv.source) {
    const sourceId = `${conv.id}-source`;
    try {
      const source = normalizeSource(conv, sourceId, { created: dates.created_date, modified: dates.modified_date, url }, ctx);
      parts.push(source.item);
      attachments.push(...source.attachments);
    } catch (err) {
      // The conversation is still worth importing without its first message; say why it is missing.
      skipped.push({ id: sourceId, reason: `conversation source ${sourceId}: ${(err as Error).message}` });
    }
  }

  const rawParts = conv.conversation_parts?.conversation_parts ?? [];
  normalizeParts(rawParts, ConversationPartSchema, 'conversation part', (part) => {
    const { created_date: created, modified_date: modified } = itemDates(part);
    const input = { itemId: part.id, partType: part.part_type, body: part.body, author: part.author, attachments: part.attachments,
      created, modified, redacted: part.redacted === true, raw: part };
    return normalizePartInput(input, conv.id, url, ctx);
  }, { parts, attachments, skipped });

  const returned = rawParts.length;
  // The list's own total_count is authoritative. statistics.count_conversation_parts is only a
  // fallback: whether it counts the source message is not documented, and counting it would
  // report every conversation as truncated by one.
  const total = Math.max(
    returned,
    conv.conversation_parts?.total_count ?? conv.statistics?.count_conversation_parts ?? 0,
  );
  const truncated = conv.conversation_parts != null && total > returned;
  // Older payloads may lack `state`; `open` still tells open from closed.
  const state = STATES.find((s) => s === conv.state) ?? (conv.open === true ? 'open' : conv.open === false ? 'closed' : null);
  const priority = PRIORITIES.find((p) => p === conv.priority) ?? null;

  const conversation: NormalizedItem = {
    id: conv.id, ...dates,
    data: {
      title: textOrNull(conv.title),
      state,
      open: boolOrNull(conv.open),
      read: boolOrNull(conv.read),
      priority,
      admin_assignee_id: refOrNull(conv.admin_assignee_id),
      team_assignee_id: refOrNull(conv.team_assignee_id),
      contact_ids: refList(conv.contacts?.contacts.map((c) => c.id)),
      teammate_ids: refList(conv.teammates?.teammates.map((t) => t.id)),
      company_id: refOrNull(conv.company?.id),
      tag_ids: refList(conv.tags?.tags.map((t) => t.id)),
      waiting_since: toRfc3339(conv.waiting_since),
      snoozed_until: toRfc3339(conv.snoozed_until),
      source_type: textOrNull(conv.source?.type),
      delivered_as: textOrNull(conv.source?.delivered_as),
      source_url: textOrNull(conv.source?.url),
      rating: numberOrNull(conv.conversation_rating?.rating),
      rating_remark: textOrNull(conv.conversation_rating?.remark),
      parts_returned: conv.conversation_parts != null ? returned : null,
      parts_total: conv.conversation_parts != null ? total : null,
      parts_truncated: truncated,
      item_url_field: url,
      ...normalizeCustomAttributes(conv.custom_attributes, ctx.customAttributes?.conversations ?? []),
    },
  };

  const result: NormalizedConversation = { conversation, parts, attachments, skipped };
  if (truncated) result.truncation = { conversation_id: conv.id, returned, total };
  return result;
}

/** The source message as part #1 (it has no dates of its own: the conversation's are used). */
function normalizeSource(
  conv: IntercomConversation,
  itemId: string,
  at: { created: string; modified: string; url: string },
  ctx: NormalizeContext,
): NormalizedPart {
  const source = conv.source!;
  const input: PartInput = {
    itemId,
    partType: 'source',
    body: source.body,
    author: source.author,
    attachments: source.attachments,
    created: at.created,
    modified: at.modified,
    redacted: source.redacted === true,
    subject: source.subject,
  };
  return normalizePartInput(input, conv.id, at.url, ctx);
}
