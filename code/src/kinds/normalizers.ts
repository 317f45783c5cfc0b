/**
 * The normalizers of `code/src/normalize/`, adapted to the one shape the extraction loop takes
 * ({@link NormalizedBatch}). Objects arrive typed by their kind's schema (`define.ts`).
 */
import type { IntercomArticle, IntercomConversation, IntercomTicket } from '../intercom/schemas';
import { normalizeArticle, normalizeConversation, normalizeTicket, type NormalizedItem as NormalizeItem } from '../normalize';
import type { NormalizedItem } from '../adaas';
import type { NormalizeContext, NormalizedBatch } from './types';
import { adminsOfArticle, adminsOfConversation, adminsOfTicket, placeholderAdmins } from './placeholders';
import { botItems, botsOfConversation, botsOfTicket } from './bots';

/** A kind whose object becomes exactly one item and no attachments. */
export function single<T>(itemType: string, fn: (obj: T, ctx: NormalizeContext) => NormalizedItem | NormalizeItem) {
  return (obj: T, ctx: NormalizeContext): NormalizedBatch => ({
    items: [{ itemType, item: fn(obj, ctx) }],
    attachments: [],
    skipped: [],
  });
}

/** A conversation: itself, its source and parts (comments), their attachments, the bots and removed teammates they name. */
export function conversation(conv: IntercomConversation, ctx: NormalizeContext): NormalizedBatch {
  const result = normalizeConversation(conv, ctx);
  const bots = botsOfConversation(conv);
  const botIds = new Set(bots.map((b) => b.id));
  return {
    items: [
      ...botItems(bots, ctx),
      // A bot among the teammates is not a removed teammate.
      ...placeholderAdmins(adminsOfConversation(conv).filter((a) => !botIds.has(a.id)), ctx),
      { itemType: 'conversations', item: result.conversation },
      ...result.parts.map((item) => ({ itemType: 'conversation_parts' as const, item })),
    ],
    // The conversation id rides along so an expired attachment URL can be refreshed from its conversation.
    attachments: result.attachments.map((a) => ({ ...a, grand_parent_id: conv.id })),
    skipped: result.skipped.map((s) => ({ itemType: 'conversation_parts' as const, id: s.id ?? `${conv.id}-?`, reason: s.reason })),
    ...(result.truncation
      ? { truncation: { id: result.truncation.conversation_id, returned: result.truncation.returned, total: result.truncation.total } }
      : {}),
  };
}

const unixOf = (rfc3339: string): number => Math.floor(Date.parse(rfc3339) / 1000);

type RawPart = { created_at?: unknown; state?: unknown };

/** Was the conversation closed at `t`? The state recorded by its last part before `t`; undefined if unknown. */
function closedAt(parts: RawPart[], t: number): boolean | undefined {
  let latest: { at: number; state: string } | undefined;
  for (const p of parts) {
    if (typeof p.created_at !== 'number' || p.created_at >= t || typeof p.state !== 'string') continue;
    if (!latest || p.created_at >= latest.at) latest = { at: p.created_at, state: p.state };
  }
  return latest === undefined ? undefined : latest.state === 'closed';
}

/**
 * What of a changed conversation DevRev may not have yet. Everything when the conversation is new
 * to the import: created in the window, or (closed-only imports) not closed when the window
 * started, so not listed before. Otherwise the conversation itself, the parts created or edited in
 * the window and their files: the other parts and files went out when they were first extracted,
 * and sending them again would only re-download files and touch comments that did not change.
 */
export function conversationChangesInWindow(
  conv: IntercomConversation, batch: NormalizedBatch, window: { start: number; importAll: boolean },
): NormalizedBatch {
  const parts = (conv.conversation_parts?.conversation_parts ?? []) as RawPart[];
  const newToImport = conv.created_at >= window.start || (!window.importAll && closedAt(parts, window.start) !== true);
  if (newToImport) return batch;
  const unchangedPart = (i: NormalizedBatch['items'][number]) =>
    i.itemType === 'conversation_parts' && unixOf(i.item.modified_date) < window.start;
  const changedParts = new Set(batch.items.filter((i) => i.itemType === 'conversation_parts' && !unchangedPart(i)).map((i) => i.item.id));
  return {
    ...batch,
    items: batch.items.filter((i) => !unchangedPart(i)),
    attachments: batch.attachments.filter((a) => changedParts.has(a.parent_id)),
  };
}

/** A ticket: itself, its parts (comments), their files. */
export function ticket(raw: IntercomTicket, ctx: NormalizeContext): NormalizedBatch {
  const result = normalizeTicket(raw, ctx);
  const bots = botsOfTicket(raw);
  return {
    items: [
      ...botItems(bots, ctx),
      ...placeholderAdmins(adminsOfTicket(raw), ctx),
      { itemType: 'tickets', item: result.ticket },
      ...result.parts.map((item) => ({ itemType: 'ticket_parts' as const, item })),
    ],
    attachments: result.attachments,
    skipped: result.skipped.map((s) => ({ itemType: 'ticket_parts' as const, id: s.id ?? `${raw.id}-?`, reason: s.reason })),
    ...(result.truncation ? { truncation: { id: raw.id, ...result.truncation } } : {}),
  };
}

/**
 * What of a changed ticket DevRev may not have yet: all of it when it was created in the window;
 * otherwise the ticket itself, the parts created or edited in the window and their files.
 */
export function ticketChangesInWindow(obj: IntercomTicket, batch: NormalizedBatch, window: { start: number }): NormalizedBatch {
  if (obj.created_at >= window.start) return batch;
  const unchangedPart = (i: NormalizedBatch['items'][number]) => i.itemType === 'ticket_parts' && unixOf(i.item.modified_date) < window.start;
  const changedParts = new Set(batch.items.filter((i) => i.itemType === 'ticket_parts' && !unchangedPart(i)).map((i) => i.item.id));
  return {
    ...batch,
    items: batch.items.filter((i) => !unchangedPart(i)),
    // Files of the description hang under the ticket itself and go with it.
    attachments: batch.attachments.filter((a) => changedParts.has(a.parent_id) || a.parent_id === String(obj.id)),
  };
}

/** An article and the files of its body (inline images, linked Intercom files). */
export function article(raw: IntercomArticle, ctx: NormalizeContext): NormalizedBatch {
  const result = normalizeArticle(raw, ctx);
  return {
    items: [...placeholderAdmins(adminsOfArticle(raw), ctx), { itemType: 'articles', item: result.article }],
    attachments: result.attachments,
    skipped: [],
  };
}
