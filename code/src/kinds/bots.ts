/**
 * Bot authors. Fin, Operator and workflows write parts (`author.type: "bot"`) whose author no
 * listing returns, so each bot a conversation names becomes a `bots` item of its own
 * (`normalize/bots.ts`), and the parts' `author_id` resolves to it.
 */
import type { IntercomConversation, IntercomTicket } from '../intercom/schemas';
import { normalizeBot, type BotMention } from '../normalize';
import { mostTold, noteMentions } from './mentioned';
import type { MentionedPerson } from '../normalize/types';
import type { NormalizeContext } from './types';

/** The bots that wrote the source or a part of a conversation. */
export function botsOfConversation(conv: IntercomConversation): BotMention[] {
  // Parts are validated one by one later (a bad part is skipped there), so read them defensively.
  const parts = (conv.conversation_parts?.conversation_parts ?? []) as Array<{ author?: unknown } | null>;
  return botsAmong([conv.source?.author, ...parts.map((p) => p?.author)]);
}

/** The bots that wrote a part of a ticket. */
export function botsOfTicket(ticket: IntercomTicket): BotMention[] {
  const parts = (ticket.ticket_parts?.ticket_parts ?? []) as Array<{ author?: unknown } | null>;
  return botsAmong(parts.map((p) => p?.author));
}

/** The authors among `authors` that are bots. */
function botsAmong(authors: unknown[]): BotMention[] {
  const found: BotMention[] = [];
  for (const author of authors) {
    if (typeof author !== 'object' || author === null) continue;
    const a = author as { type?: unknown; id?: unknown; name?: unknown; email?: unknown };
    if (a.type !== 'bot' || (typeof a.id !== 'string' && typeof a.id !== 'number')) continue;
    found.push({
      id: String(a.id),
      name: typeof a.name === 'string' ? a.name : null,
      email: typeof a.email === 'string' ? a.email : null,
    });
  }
  return found;
}

/** The `bots` item of a bot, from what its mentions told. */
export function botItem(id: string, told: MentionedPerson, ctx: NormalizeContext) {
  return { itemType: 'bots' as const, item: normalizeBot({ id, ...told }, ctx) };
}

/**
 * Notes the mentioned bots, for the data loop to send once with the most their mentions told
 * (kinds/mentioned.ts); returns the items of those beyond the cap, sent at once.
 */
export function botItems(mentions: BotMention[], ctx: NormalizeContext) {
  return noteMentions(mentions, 'bots', (ctx.mentionedInRun ??= {})).map((m) => botItem(m.id, mostTold(undefined, m), ctx));
}
