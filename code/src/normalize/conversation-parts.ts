import type { IntercomConversationPart, IntercomPartAttachment, IntercomPartAuthor } from '../intercom/schemas';
import { partAttachmentId } from './attachment-ids';
import { eventText, MESSAGE_PART_TYPES } from './event-text';
import { bool, enumOf, itemUrl, many, ref, richText, text, timestamp } from './fields';
import { contentTypeFromName, fileNameFromUrl, mimeTypeOrNull } from './files';
import { escapeMarkdown } from '../text/escape';
import { htmlToRichText } from './rich-text';
import type { NormalizeContext, NormalizedAttachment, NormalizedItem, RecordTypeDefinition, RichText } from './types';
import { refList, refOrNull, textOrNull, toRfc3339 } from './values';

/**
 * Conversation parts, and the source message as part #1 (`<conversation id>-source`).
 *
 * Authors: `admin` → `author_id` references admins; `user`/`lead`/`contact` → contacts; `bot` (Fin,
 * Operator, workflows: their ids are not in /admins) → bots (`bots.ts`). A `team` author gets
 * `author_id: null` and `author_team_id` (a teams reference); any other type gets `author_id: null`.
 * Every part keeps `author_type` and `author_name`, so the loader can show who wrote it.
 */

/** Data of a `conversation_parts` item. */
export type ConversationPartData = {
  conversation_id: string;
  is_source: boolean;
  part_type: string;
  body: RichText | null;
  visibility: 'external' | 'internal';
  is_event: boolean;
  event_text: string | null;
  is_redacted: boolean;
  author_id: string | null;
  author_type: string | null;
  author_name: string | null;
  author_team_id: string | null;
  from_ai_agent: boolean;
  assigned_to_admin_id: string | null;
  assigned_to_team_id: string | null;
  state: string | null;
  subject: string | null;
  tag_ids: string[];
  notified_at: string | null;
  external_id: string | null;
  item_url_field: string;
};

/** The fields of every part, of a conversation or a ticket: its body, visibility, timeline event and author. */
export const PART_MESSAGE_FIELDS = {
  body: richText('Body'),
  visibility: enumOf('Visibility', [['external', 'Customer-visible'], ['internal', 'Internal']], { is_required: true }),
  is_event: bool('Is a timeline event'),
  event_text: text('Event'),
  is_redacted: bool('Redacted'),
  author_id: ref('Author', ['admins', 'contacts', 'bots']),
  author_type: text('Author type'),
  author_name: text('Author name'),
  author_team_id: ref('Author team', ['teams']),
} satisfies RecordTypeDefinition['fields'];

/** Record type `conversation_parts` (→ DevRev comment). */
export const conversationPartRecordType: RecordTypeDefinition = {
  name: 'Conversation part',
  description: 'A message, note or timeline event of an Intercom conversation; the first message is the source',
  is_loadable: true,
  fields: {
    conversation_id: ref('Conversation', ['conversations'], { is_required: true, reference_type: 'parent' }),
    is_source: bool('Is the first message'),
    part_type: text('Part type', { is_required: true }),
    ...PART_MESSAGE_FIELDS,
    from_ai_agent: bool('Written by the AI agent'),
    assigned_to_admin_id: ref('Assigned to teammate', ['admins']),
    assigned_to_team_id: ref('Assigned to team', ['teams']),
    state: enumOf('Conversation state after this part', ['open', 'closed', 'snoozed']),
    subject: text('Subject'),
    tag_ids: many(ref('Tags', ['tags'])),
    notified_at: timestamp('Notified'),
    external_id: text('External ID'),
    item_url_field: itemUrl(),
  },
};

/** What one part (or the source) turns into. */
export interface NormalizedPart {
  item: NormalizedItem<ConversationPartData>;
  attachments: NormalizedAttachment[];
}

/** Everything a part carries that the source shares; the source is adapted to this shape. */
export interface PartInput {
  itemId: string;
  partType: string;
  body: string | null | undefined;
  author: IntercomPartAuthor | null | undefined;
  attachments: IntercomPartAttachment[] | null | undefined;
  created: string;
  modified: string;
  redacted: boolean;
  subject?: string | null;
  raw?: IntercomConversationPart;
}

/** The reference fields of an author (see the module comment). */
export function authorRefs(author: IntercomPartAuthor | null | undefined) {
  const id = refOrNull(author?.id);
  const type = author?.type ?? null;
  const isAdmin = type === 'admin';
  const isContact = type === 'user' || type === 'lead' || type === 'contact';
  return {
    author_id: isAdmin || isContact || type === 'bot' ? id : null,
    author_type: type,
    author_name: textOrNull(author?.name),
    author_team_id: type === 'team' ? id : null,
  };
}

/** The `attachments` of a part (conversation or ticket part) as attachment references (contract §1 ids). */
export function partFiles(
  attachments: IntercomPartAttachment[] | null | undefined,
  o: { itemId: string; idPrefix: 'part' | 'ticket-part'; created: string; modified: string; authorId?: string | null },
): NormalizedAttachment[] {
  return (attachments ?? []).map((att, index): NormalizedAttachment => {
    const fileName = textOrNull(att.name) ?? fileNameFromUrl(att.url) ?? `attachment-${index}`;
    const out: NormalizedAttachment = {
      id: partAttachmentId(o.itemId, index, o.idPrefix),
      url: att.url,
      file_name: fileName,
      parent_id: o.itemId,
      created_date: o.created,
      modified_date: o.modified,
    };
    // Intercom's content_type ends up in a multipart header of the upload: only a well-formed MIME type is kept.
    const type = mimeTypeOrNull(att.content_type) ?? contentTypeFromName(fileName);
    if (type) out.content_type = type;
    if (o.authorId) out.author_id = o.authorId;
    return out;
  });
}

/** One part (or the source) → its item and attachments. */
export function normalizePartInput(input: PartInput, conversationId: string, conversationUrl: string, ctx: NormalizeContext): NormalizedPart {
  const raw = input.raw;
  const isEvent = raw !== undefined && !MESSAGE_PART_TYPES.has(input.partType);
  const authors = authorRefs(input.author);
  const authorId = authors.author_id ?? undefined;
  const rich = htmlToRichText(input.body, {
    owner: { kind: 'part', id: input.itemId },
    parentId: input.itemId,
    authorId,
    helpCenterUrls: ctx.helpCenterUrls,
    fileHosts: ctx.fileHosts,
    adminNames: ctx.adminNames,
  });
  const evText = isEvent ? eventText(raw, ctx) : null;
  let body: RichText | null = rich.richText.length > 0 ? rich.richText : null;
  // The event text holds names and attribute values as typed in Intercom: as rich text it must read
  // literally, never as markdown or HTML. `event_text` (a text field) keeps it plain.
  if (body === null && evText !== null) body = [escapeMarkdown(evText)];
  const assigned = isEvent && raw.assigned_to ? raw.assigned_to : null;
  const assignedId = refOrNull(assigned?.id);

  const files = partFiles(input.attachments, { itemId: input.itemId, idPrefix: 'part', created: input.created, modified: input.modified, authorId });
  const inline = rich.attachments.map((a) => ({ ...a, created_date: input.created, modified_date: input.modified }));

  return {
    item: {
      id: input.itemId,
      created_date: input.created,
      modified_date: input.modified,
      data: {
        conversation_id: conversationId,
        is_source: raw === undefined,
        part_type: input.partType,
        body,
        // Notes are internal; so are events without content. An event with a body (a closing
        // message) was sent to the customer.
        visibility: input.partType === 'note' || (isEvent && rich.richText.length === 0) ? 'internal' : 'external',
        is_event: isEvent,
        event_text: evText,
        is_redacted: input.redacted,
        ...authors,
        from_ai_agent: input.author?.from_ai_agent === true || input.author?.is_ai_answer === true,
        assigned_to_admin_id: assigned?.type === 'admin' ? assignedId : null,
        assigned_to_team_id: assigned?.type === 'team' ? assignedId : null,
        state: raw?.state === 'open' || raw?.state === 'closed' || raw?.state === 'snoozed' ? raw.state : null,
        subject: textOrNull(input.subject),
        tag_ids: refList(raw?.tags?.map((t) => t.id)),
        notified_at: toRfc3339(raw?.notified_at),
        external_id: textOrNull(raw?.external_id),
        item_url_field: conversationUrl,
      },
    },
    attachments: [...files, ...inline],
  };
}
