/**
 * Finding a reply an earlier attempt already posted. A reply POST whose answer was lost (a timeout or
 * a reset after Intercom stored it) leaves the DevRev comment without a mapper record, so the next
 * run would post it again and the customer would get it twice. Before posting, the conversation's
 * parts are read: a part of the same type by the same admin, with the same text, created no earlier
 * than the DevRev comment (less clock skew), that no other DevRev item claims through the sync
 * mapper, is that earlier attempt; its id is the comment's external id and nothing is posted.
 */
import { parse } from 'node-html-parser';
import { z } from 'zod';
import { SyncMapperRecordTargetType } from '../adaas';
import type { LoadContext } from './context';
import type { Mappers } from './sdk-types';

/** How much earlier than the DevRev comment Intercom's clock may date the part. */
const CLOCK_SKEW_SECONDS = 300;

const IdSchema = z.union([z.string(), z.number()]).transform(String);
const ConversationPartsSchema = z.looseObject({
  conversation_parts: z.looseObject({
    conversation_parts: z.array(z.looseObject({
      id: IdSchema,
      part_type: z.string().nullish(),
      body: z.string().nullish(),
      created_at: z.number().nullish(),
      author: z.looseObject({ id: IdSchema.nullish() }).nullish(),
    })),
  }).nullish(),
});

/** What the reply about to be posted looks like. */
export interface PlannedReply {
  conversationId: string;
  adminId: string;
  messageType: 'note' | 'comment';
  body: string;
  /** The DevRev comment's creation time (RFC 3339). */
  createdDate: string;
}

/** A body's visible text, whitespace collapsed (Intercom may reformat the markup it stores). */
function textOf(html: string): string {
  return parse(html).textContent.replace(/\s+/g, ' ').trim();
}

/** True when a sync mapper record already links external id `partId` to some DevRev object. */
async function isClaimed(mappers: Mappers, syncUnit: string, partId: string): Promise<boolean> {
  try {
    await mappers.getByExternalId({ sync_unit: syncUnit, external_id: partId, target_type: SyncMapperRecordTargetType.TIMELINE_COMMENT });
    return true;
  } catch (error) {
    if ((error as { response?: { status?: number } }).response?.status === 404) return false;
    throw error;
  }
}

/** The id of the part an earlier attempt of `reply` left in the conversation, or undefined. */
export async function earlierAttempt(ctx: LoadContext, mappers: Mappers, syncUnit: string, reply: PlannedReply): Promise<string | undefined> {
  const conversation = await ctx.client.get(`/conversations/${encodeURIComponent(reply.conversationId)}`, {
    schema: ConversationPartsSchema,
    kind: 'conversation',
  });
  const notBefore = Math.floor(Date.parse(reply.createdDate) / 1000) - CLOCK_SKEW_SECONDS;
  const text = textOf(reply.body);
  const candidates = (conversation.conversation_parts?.conversation_parts ?? []).filter((p) =>
    p.part_type === reply.messageType &&
    p.author?.id === reply.adminId &&
    (Number.isNaN(notBefore) || (p.created_at ?? 0) >= notBefore) &&
    textOf(p.body ?? '') === text);
  for (const part of candidates) {
    if (!(await isClaimed(mappers, syncUnit, part.id))) return part.id;
  }
  return undefined;
}
