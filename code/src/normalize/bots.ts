import { text } from './fields';
import type { NormalizeContext, NormalizedItem, RecordTypeDefinition } from './types';
import { observedDates, textOrNull } from './values';

/**
 * Bots (Fin, Operator, workflows) write conversation parts (`author.type: "bot"`) but are not
 * teammates: `/admins` does not list them and Intercom has no endpoint that does. Each bot named by
 * a part becomes an item of its own (→ DevRev system user), named as the part names it.
 */

/** What a part tells of its bot author. */
export interface BotMention {
  id: string;
  name?: string | null;
  email?: string | null;
}

/** Data of a `bots` item. */
export type BotData = {
  name: string;
  email: string | null;
};

/** Record type `bots` (→ DevRev system user). */
export const botRecordType: RecordTypeDefinition = {
  name: 'Bot',
  description: 'An Intercom bot that writes conversation parts (Fin, Operator, workflows)',
  fields: {
    name: text('Name', { is_required: true }),
    email: text('Email'),
  },
};

/** Bot mention → item. Bots have no timestamps: both dates are `ctx.observedAt`. */
export function normalizeBot(bot: BotMention, ctx: NormalizeContext): NormalizedItem<BotData> {
  return {
    id: bot.id, ...observedDates(ctx),
    data: { name: textOrNull(bot.name) ?? `Bot ${bot.id}`, email: textOrNull(bot.email) },
  };
}
