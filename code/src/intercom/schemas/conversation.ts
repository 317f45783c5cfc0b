import { z } from 'zod';
import { IntercomId, OptionalString, OptionalUnixSeconds, ReferenceSchema, UnixSeconds } from './common';
import { CustomAttributesSchema } from './company';
import { TagListSchema, TagSchema } from './tag';

/** A file attached to a part or to the source (`part_attachment`). */
export const PartAttachmentSchema = z.looseObject({
  type: z.string().optional(),
  name: OptionalString,
  url: z.string().min(1),
  content_type: OptionalString,
  filesize: z.number().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
});
export type IntercomPartAttachment = z.infer<typeof PartAttachmentSchema>;

/** Who wrote a part or the source. `type`: admin, bot, team, user, lead, contact...; bots/teams may not be in /admins. */
export const PartAuthorSchema = z.looseObject({
  type: z.string(),
  id: z.union([z.string(), z.number()]).nullish(),
  name: OptionalString,
  email: OptionalString,
  from_ai_agent: z.boolean().nullish(),
  is_ai_answer: z.boolean().nullish(),
});
export type IntercomPartAuthor = z.infer<typeof PartAuthorSchema>;

/** The conversation's first message (`conversation_source`). It is not a conversation part. */
export const ConversationSourceSchema = z.looseObject({
  type: OptionalString,
  id: IntercomId.nullish(),
  delivered_as: OptionalString,
  subject: OptionalString,
  body: OptionalString,
  author: PartAuthorSchema.nullish(),
  attachments: z.array(PartAttachmentSchema).nullish(),
  url: OptionalString,
  redacted: z.boolean().nullish(),
});
export type IntercomConversationSource = z.infer<typeof ConversationSourceSchema>;

/** One conversation part: a message, a note or an event (assignment, close...; events usually have `body: null`). */
export const ConversationPartSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  part_type: z.string().min(1),
  body: OptionalString,
  created_at: UnixSeconds,
  updated_at: OptionalUnixSeconds,
  notified_at: OptionalUnixSeconds,
  assigned_to: ReferenceSchema.nullish(),
  author: PartAuthorSchema.nullish(),
  attachments: z.array(PartAttachmentSchema).nullish(),
  external_id: OptionalString,
  redacted: z.boolean().nullish(),
  state: OptionalString,
  tags: z.array(TagSchema).nullish(),
  event_details: z.record(z.string(), z.unknown()).nullish(),
});
export type IntercomConversationPart = z.infer<typeof ConversationPartSchema>;

/**
 * The parts block of a retrieved conversation: at most the 500 most recent parts, `total_count` may say
 * more exist. The parts stay `unknown` here on purpose: `normalizeConversation` validates each one with
 * ConversationPartSchema, so one bad part is reported and skipped instead of losing the conversation.
 */
export const ConversationPartListSchema = z.looseObject({
  type: z.string().optional(),
  conversation_parts: z.array(z.unknown()).default([]),
  total_count: z.number().nullish(),
});

/** A conversation as list and search return it (no parts). */
export const ConversationListItemSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  title: OptionalString,
  created_at: UnixSeconds,
  updated_at: UnixSeconds,
  waiting_since: OptionalUnixSeconds,
  snoozed_until: OptionalUnixSeconds,
  open: z.boolean().nullish(),
  state: OptionalString,
  read: z.boolean().nullish(),
  priority: OptionalString,
  // Integers in 2.16 with 0 = unassigned; older versions send null.
  admin_assignee_id: z.union([z.number(), z.string()]).nullish(),
  team_assignee_id: z.union([z.number(), z.string()]).nullish(),
  company: z.looseObject({ id: IntercomId }).nullish(),
  tags: TagListSchema.nullish(),
  conversation_rating: z
    .looseObject({ rating: z.number().nullish(), remark: OptionalString, created_at: OptionalUnixSeconds })
    .nullish(),
  source: ConversationSourceSchema.nullish(),
  contacts: z
    .looseObject({ contacts: z.array(z.looseObject({ id: IntercomId, external_id: OptionalString })).default([]) })
    .nullish(),
  teammates: z.looseObject({ teammates: z.array(ReferenceSchema).default([]) }).nullish(),
  custom_attributes: CustomAttributesSchema.nullish(),
  statistics: z.looseObject({ count_conversation_parts: z.number().nullish() }).nullish(),
});
export type IntercomConversationListItem = z.infer<typeof ConversationListItemSchema>;

/** A conversation as `GET /conversations/{id}` returns it, with `conversation_parts`. */
export const ConversationSchema = ConversationListItemSchema.extend({
  conversation_parts: ConversationPartListSchema.nullish(),
});
export type IntercomConversation = z.infer<typeof ConversationSchema>;

/** An entry of `GET /conversations/deleted` (2.16). */
export const DeletedConversationSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  deleted_at: UnixSeconds,
  metrics_retained: z.boolean().nullish(),
});
export type IntercomDeletedConversation = z.infer<typeof DeletedConversationSchema>;
