import { z } from 'zod';
import { IntercomId, OptionalString, OptionalUnixSeconds, ReferenceSchema, UnixSeconds } from './common';
import { PartAttachmentSchema, PartAuthorSchema } from './conversation';

/** A ticket state (`ticket_state`): its category is one of submitted, in_progress, waiting_on_customer, resolved. */
export const TicketStateSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  category: OptionalString,
  internal_label: OptionalString,
  external_label: OptionalString,
});

/** One attribute of a ticket type (`ticket_type_attribute`); `default` ones are the title and description. */
export const TicketTypeAttributeSchema = z.looseObject({
  id: IntercomId,
  name: z.string(),
  description: OptionalString,
  data_type: z.string(),
  default: z.boolean().nullish(),
  archived: z.boolean().nullish(),
});
export type IntercomTicketTypeAttribute = z.infer<typeof TicketTypeAttributeSchema>;

/** A ticket type (`GET /ticket_types` item, and embedded in each ticket). */
export const TicketTypeSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  category: OptionalString,
  name: OptionalString,
  ticket_type_attributes: z.looseObject({ ticket_type_attributes: z.array(TicketTypeAttributeSchema).default([]) }).nullish(),
});
export type IntercomTicketType = z.infer<typeof TicketTypeSchema>;

/** One ticket part: a comment, a note or an event (state change, assignment...). */
export const TicketPartSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  part_type: z.string().min(1),
  body: OptionalString,
  previous_ticket_state: OptionalString,
  ticket_state: OptionalString,
  created_at: UnixSeconds,
  updated_at: OptionalUnixSeconds,
  assigned_to: ReferenceSchema.nullish(),
  author: PartAuthorSchema.nullish(),
  attachments: z.array(PartAttachmentSchema).nullish(),
  external_id: OptionalString,
  redacted: z.boolean().nullish(),
});
export type IntercomTicketPart = z.infer<typeof TicketPartSchema>;

/**
 * A ticket as search and `GET /tickets/{id}` return it; both carry `ticket_parts` in 2.16 (the `ticket` schema and
 * the search example), validated one by one when normalized.
 */
export const TicketSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  ticket_id: OptionalString,
  category: OptionalString,
  ticket_attributes: z.record(z.string(), z.unknown()).nullish(),
  ticket_state: TicketStateSchema.nullish(),
  ticket_type: TicketTypeSchema.nullish(),
  contacts: z.looseObject({ contacts: z.array(z.looseObject({ id: IntercomId })).default([]) }).nullish(),
  // Integers with 0 = unassigned.
  admin_assignee_id: z.union([z.number(), z.string()]).nullish(),
  team_assignee_id: z.union([z.number(), z.string()]).nullish(),
  created_at: UnixSeconds,
  updated_at: UnixSeconds,
  open: z.boolean().nullish(),
  snoozed_until: OptionalUnixSeconds,
  linked_objects: z.looseObject({ data: z.array(z.looseObject({ type: z.string(), id: IntercomId })).default([]) }).nullish(),
  ticket_parts: z.looseObject({ ticket_parts: z.array(z.unknown()).default([]), total_count: z.number().nullish() }).nullish(),
  is_shared: z.boolean().nullish(),
});
export type IntercomTicket = z.infer<typeof TicketSchema>;
