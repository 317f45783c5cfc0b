/**
 * `conversation_parts` loader: a DevRev comment on an imported conversation becomes an admin reply
 * on that Intercom conversation (a `comment` only when it is customer-visible, else a `note`). Intercom
 * cannot edit a part once posted, so an update is reported skipped with that reason.
 */
import { z } from 'zod';
import type { AirdropEvent, ExternalSystemItem } from '../adaas';
import type { ItemTypeToLoad, Mappers } from './sdk-types';
import { dataOf, idField, ItemDataError, loadOne, type LoadContext } from './context';
import { earlierAttempt } from './earlier-reply';
import { richTextToHtml } from './rich-text-html';

export const COMMENTS_ITEM_TYPE = 'conversation_parts';

const IdSchema = z.union([z.string(), z.number()]).transform(String);
const MeSchema = z.looseObject({ id: IdSchema });
const AdminsSchema = z.looseObject({ admins: z.array(z.looseObject({ id: IdSchema })) });
const RepliedSchema = z.looseObject({
  id: IdSchema,
  conversation_parts: z.looseObject({
    conversation_parts: z.array(z.looseObject({
      id: IdSchema,
      part_type: z.string().nullish(),
      author: z.looseObject({ id: IdSchema.nullish() }).nullish(),
    })),
  }).nullish(),
});

/**
 * `comment` (a reply Intercom emails to the customer) only for a comment the mapping says is
 * customer-visible (`visibility: external`, mapped from DevRev's Visibility_EXTERNAL/PUBLIC);
 * everything else, a missing or unknown visibility included, becomes an internal `note`.
 */
export function messageTypeOf(data: Record<string, unknown>): 'note' | 'comment' {
  return data.visibility === 'external' ? 'comment' : 'note';
}

/** The comment's author when that is an Intercom admin, else the connection's own admin. */
async function replyingAdmin(ctx: LoadContext, authorId: string | undefined): Promise<string> {
  if (authorId !== undefined) {
    ctx.state.adminIds ??= (await ctx.client.get('/admins', { schema: AdminsSchema, kind: 'admins list' })).admins.map((a) => a.id);
    if (ctx.state.adminIds.includes(authorId)) return authorId;
  }
  ctx.state.meAdminId ??= (await ctx.client.get('/me', { schema: MeSchema, kind: 'me' })).id;
  return ctx.state.meAdminId;
}

async function postReply(ctx: LoadContext, item: ExternalSystemItem, mappers: Mappers, event: AirdropEvent) {
  const data = dataOf(item);
  const conversationId = idField(data, 'conversation_id');
  if (!conversationId) throw new ItemDataError('conversation_id is missing (the comment is not on an imported conversation)');
  const body = richTextToHtml(data.body);
  if (body === '') {
    return { error: ctx.ledger.skipped({ itemType: COMMENTS_ITEM_TYPE, id: item.id.devrev, reason: 'the comment has no text; Intercom does not accept an empty reply' }) };
  }
  const messageType = messageTypeOf(data);
  const adminId = await replyingAdmin(ctx, idField(data, 'author_id'));
  const planned = { conversationId, adminId, messageType, body, createdDate: item.created_date };
  const earlier = await earlierAttempt(ctx, mappers, event.payload.event_context.sync_unit, planned);
  if (earlier !== undefined) return { id: earlier };
  const conversation = await ctx.client.post(
    `/conversations/${encodeURIComponent(conversationId)}/reply`,
    { type: 'admin', admin_id: adminId, message_type: messageType, body },
    { schema: RepliedSchema, kind: 'conversation' },
  );
  const parts = conversation.conversation_parts?.conversation_parts ?? [];
  const ours = parts.filter((p) => p.part_type === messageType && p.author?.id === adminId);
  const part = ours[ours.length - 1] ?? parts[parts.length - 1];
  // The reply is posted; without a part id the mapper record still needs an external id.
  return { id: part ? part.id : `${conversationId}-reply` };
}

/** The `conversation_parts` entry of `loadItemTypes`. */
export function commentsLoader(ctx: LoadContext): ItemTypeToLoad {
  const conversationOf = (item: ExternalSystemItem) => {
    const data = item?.data as Record<string, unknown> | undefined;
    return `conversation ${data ? idField(data, 'conversation_id') ?? '?' : '?'}`;
  };
  return {
    itemType: COMMENTS_ITEM_TYPE,
    create: ({ item, mappers, event }) => loadOne(ctx, COMMENTS_ITEM_TYPE, item, () => postReply(ctx, item, mappers, event), () => conversationOf(item)),
    update: async ({ item }) => ({
      error: ctx.ledger.skipped({
        itemType: COMMENTS_ITEM_TYPE,
        id: item.id.devrev,
        reason: `already posted to Intercom${item.id.external ? ` as part ${item.id.external}` : ''}; Intercom cannot edit a conversation part, so the change is not loaded`,
      }),
    }),
  };
}
