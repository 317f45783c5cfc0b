import type { IntercomTicketPart } from '../intercom/schemas';
import { authorRefs, PART_MESSAGE_FIELDS, partFiles } from './conversation-parts';
import { eventText, MESSAGE_PART_TYPES } from './event-text';
import { enumOf, itemUrl, ref, text } from './fields';
import { htmlToRichText } from './rich-text';
import type { NormalizeContext, NormalizedAttachment, NormalizedItem, RecordTypeDefinition, RichText } from './types';
import { refOrNull, textOrNull, toRfc3339 } from './values';

/**
 * Ticket parts → comments on their ticket (`ticket_parts`), by the rules of conversation parts:
 * notes are internal, events keep the timeline as readable text (`is_event`), comments are
 * customer-visible, except on tickets not shared with the customer (back-office, trackers).
 */

export const TICKET_STATE_CATEGORIES = ['submitted', 'in_progress', 'waiting_on_customer', 'resolved'] as const;
const STATE_WORDS: Record<string, string> = {
  submitted: 'Submitted', in_progress: 'In progress', waiting_on_customer: 'Waiting on customer', resolved: 'Resolved',
};
const stateOrNull = (s: string | null | undefined) => (TICKET_STATE_CATEGORIES as readonly string[]).includes(s ?? '') ? s! : null;

/** Record type `ticket_parts` (→ DevRev comment on the ticket). */
export const ticketPartRecordType: RecordTypeDefinition = {
  name: 'Ticket part',
  description: 'A comment, note or timeline event of an Intercom ticket',
  fields: {
    ticket_id: ref('Ticket', ['tickets'], { is_required: true, reference_type: 'parent' }),
    part_type: text('Part type', { is_required: true }),
    ...PART_MESSAGE_FIELDS,
    assigned_to_admin_id: ref('Assigned to teammate', ['admins']),
    assigned_to_team_id: ref('Assigned to team', ['teams']),
    previous_state: enumOf('Ticket state before this part', [...TICKET_STATE_CATEGORIES]),
    state: enumOf('Ticket state after this part', [...TICKET_STATE_CATEGORIES]),
    external_id: text('External ID'),
    item_url_field: itemUrl(),
  },
};

/** One ticket part → its item and files. */
export function normalizeTicketPart(
  part: IntercomTicketPart,
  ticket: { id: string; shared: boolean; url: string },
  ctx: NormalizeContext,
): { item: NormalizedItem; attachments: NormalizedAttachment[] } {
  const created = toRfc3339(part.created_at)!;
  const modified = toRfc3339(part.updated_at) ?? created;
  const isEvent = !MESSAGE_PART_TYPES.has(part.part_type);
  const authors = authorRefs(part.author);
  const rich = htmlToRichText(part.body, {
    owner: { kind: 'ticket-part', id: part.id },
    parentId: part.id,
    authorId: authors.author_id ?? undefined,
    helpCenterUrls: ctx.helpCenterUrls,
    fileHosts: ctx.fileHosts,
    adminNames: ctx.adminNames,
  });
  const evText = isEvent ? ticketEventText(part, ctx) : null;
  let body: RichText | null = rich.richText.length > 0 ? rich.richText : null;
  if (body === null && evText !== null) body = [evText];
  const assigned = isEvent ? part.assigned_to ?? null : null;
  const internal = part.part_type === 'note' || (isEvent && rich.richText.length === 0) || !ticket.shared;
  const files = partFiles(part.attachments, { itemId: part.id, idPrefix: 'ticket-part', created, modified, authorId: authors.author_id });
  const inline = rich.attachments.map((a) => ({ ...a, created_date: created, modified_date: modified }));
  return {
    item: {
      id: part.id,
      created_date: created,
      modified_date: modified,
      data: {
        ticket_id: ticket.id,
        part_type: part.part_type,
        body,
        visibility: internal ? 'internal' : 'external',
        is_event: isEvent,
        event_text: evText,
        is_redacted: part.redacted === true,
        ...authors,
        assigned_to_admin_id: assigned?.type === 'admin' ? refOrNull(assigned.id) : null,
        assigned_to_team_id: assigned?.type === 'team' ? refOrNull(assigned.id) : null,
        previous_state: stateOrNull(part.previous_ticket_state),
        state: stateOrNull(part.ticket_state),
        external_id: textOrNull(part.external_id),
        item_url_field: ticket.url,
      },
    },
    attachments: [...files, ...inline].map((a) => ({ ...a, grand_parent_id: ticket.id })),
  };
}

function ticketEventText(part: IntercomTicketPart, ctx: NormalizeContext): string {
  if (part.part_type === 'ticket_state_updated_by_admin') {
    const by = textOrNull(part.author?.name) ?? (part.author?.id != null ? ctx.adminNames?.[String(part.author.id)] : undefined) ?? 'a teammate';
    const from = STATE_WORDS[part.previous_ticket_state ?? ''];
    const to = STATE_WORDS[part.ticket_state ?? ''] ?? part.ticket_state ?? 'an unknown state';
    return from ? `State changed from ${from} to ${to} by ${by}` : `State changed to ${to} by ${by}`;
  }
  // Assignments and the other events read like their conversation counterparts.
  return eventText(part, ctx);
}
