/**
 * `applyRandomChanges`: a seeded batch of workspace changes drawn from a table of
 * `{ name, weight, apply }` (the weights are the share of each change in a batch), and the batch's
 * net effect. The draws come from one stream per (workspace seed, batch seed, clock), so a batch is
 * reproducible.
 */
import { Rng } from '../random';
import type { ChangeKind, ChangeSummary, ConversationState, Mutations, TicketMutationName } from './types';
import type { WorkspaceCore } from './workspace';

type CoreMutations = Omit<Mutations, TicketMutationName>;

/** What one change sees: the workspace, its mutations, the batch's stream, and helpers to pick live ids. */
interface ChangeContext {
  ws: WorkspaceCore;
  m: CoreMutations;
  r: Rng;
  /** Label of this change in the batch (`<batch seed>-<n>`), for names and descriptions it writes. */
  label: string;
  currentState(conversationId: string): ConversationState;
  /** A random id of `ids`, undefined when there is none. */
  pickLive(ids: string[]): string | undefined;
  liveConversation(): string | undefined;
  liveTag(): string | undefined;
}

/** One kind of random change: its name, its weight in the draw, and what it does (the id it touched, or undefined when nothing fit). */
interface RandomChange {
  name: string;
  weight: number;
  kind: ChangeKind;
  action: 'created' | 'updated' | 'deleted';
  apply(c: ChangeContext): string | undefined;
}

const onLive = (pick: (c: ChangeContext) => string | undefined, act: (c: ChangeContext, id: string) => void) => (c: ChangeContext) => {
  const id = pick(c);
  if (id) act(c, id);
  return id;
};

const RANDOM_CHANGES: readonly RandomChange[] = [
  {
    name: 'addPart', weight: 25, kind: 'conversations', action: 'updated',
    apply: onLive((c) => c.liveConversation(), ({ ws, m, r }, id) => {
      m.addPart(id, r.chance(0.5) ? { withAttachment: r.chance(0.3) } : { partType: r.pick(['comment', 'note']), adminId: ws.people.admins[0] ? String(ws.people.admins[0].id) : undefined });
    }),
  },
  {
    name: 'closeOrReopen', weight: 12, kind: 'conversations', action: 'updated',
    apply: onLive((c) => c.liveConversation(), ({ m, r, currentState }, id) => {
      if (currentState(id) === 'closed') m.reopen(id);
      else if (r.chance(0.8)) m.close(id);
      else m.snooze(id);
    }),
  },
  {
    name: 'createConversation', weight: 8, kind: 'conversations', action: 'created',
    apply: ({ ws, m, r, pickLive }) => m.createConversation({ parts: r.int(0, 4), state: r.pick(['open', 'closed'] as const), contactId: pickLive(ws.contacts.contactIds()) }),
  },
  { name: 'deleteConversation', weight: 4, kind: 'conversations', action: 'deleted', apply: onLive((c) => c.liveConversation(), ({ m }, id) => m.deleteConversation(id)) },
  {
    name: 'tagConversation', weight: 4, kind: 'conversations', action: 'updated',
    apply: (c) => {
      const id = c.liveConversation();
      const tag = c.liveTag();
      if (!id || !tag || !c.ws.people.admins.length) return undefined;
      c.m.tagConversation(id, tag, String(c.ws.people.admins[0].id));
      return id;
    },
  },
  {
    name: 'updateContact', weight: 10, kind: 'contacts', action: 'updated',
    apply: onLive((c) => c.pickLive(c.ws.contacts.contactIds()), ({ m, r }, id) => {
      m.updateContact(id, { custom_attributes: { seats: r.int(1, 900) }, ...(r.chance(0.3) ? { phone: `+1 555 ${r.int(1000, 9999)}` } : {}) });
    }),
  },
  { name: 'createContact', weight: 5, kind: 'contacts', action: 'created', apply: ({ m, r }) => m.createContact({ role: r.chance(0.7) ? 'user' : 'lead' }) },
  { name: 'deleteContact', weight: 2, kind: 'contacts', action: 'deleted', apply: onLive((c) => c.pickLive(c.ws.contacts.contactIds()), ({ m }, id) => m.deleteContact(id)) },
  {
    name: 'updateCompany', weight: 6, kind: 'companies', action: 'updated',
    apply: onLive((c) => c.pickLive(c.ws.contacts.companyIds()), ({ m, r }, id) => {
      m.updateCompany(id, { monthly_spend: r.int(0, 50_000), custom_attributes: { tier: r.pick(['free', 'pro', 'enterprise']) } });
    }),
  },
  { name: 'createCompany', weight: 3, kind: 'companies', action: 'created', apply: ({ m }) => m.createCompany() },
  { name: 'deleteCompany', weight: 2, kind: 'companies', action: 'deleted', apply: onLive((c) => c.pickLive(c.ws.contacts.companyIds()), ({ m }, id) => m.deleteCompany(id)) },
  { name: 'createTag', weight: 3, kind: 'tags', action: 'created', apply: ({ m, label }) => m.createTag(`random-tag-${label}`) },
  { name: 'deleteTag', weight: 1, kind: 'tags', action: 'deleted', apply: onLive((c) => c.liveTag(), ({ m }, id) => m.deleteTag(id)) },
  {
    name: 'updateArticle', weight: 6, kind: 'articles', action: 'updated',
    apply: onLive((c) => c.pickLive(c.ws.helpCenter.articles.ids()), ({ m, label }, id) => m.updateArticle(id, { description: `Updated by random change ${label}` })),
  },
  { name: 'createArticle', weight: 3, kind: 'articles', action: 'created', apply: ({ m, r }) => m.createArticle({ state: r.chance(0.7) ? 'published' : 'draft' }) },
  { name: 'deleteArticle', weight: 2, kind: 'articles', action: 'deleted', apply: onLive((c) => c.pickLive(c.ws.helpCenter.articles.ids()), ({ m }, id) => m.deleteArticle(id)) },
];

const DRAW_TABLE = RANDOM_CHANGES.map((change) => [change, change.weight] as const);

/** `count` random changes, each followed by 1–120 s on the emulated clock; returns their net effect. */
export function applyRandomChanges(
  ws: WorkspaceCore,
  m: CoreMutations,
  currentState: (conversationId: string) => ConversationState,
  { seed, count }: { seed: number; count: number },
): ChangeSummary {
  const r = new Rng(ws.ctx.seed, 'random-changes', seed, ws.clock);
  const log = emptySummary();
  const pickLive = (ids: string[]) => (ids.length ? ids[r.int(0, ids.length - 1)] : undefined);
  for (let n = 0; n < count; n++) {
    const change = r.weighted(DRAW_TABLE);
    const id = change.apply({
      ws, m, r, currentState, pickLive,
      label: `${seed}-${n}`,
      liveConversation: () => pickLive(ws.conversations.conversationIndex().map((e) => e.id)),
      liveTag: () => pickLive(ws.directory.tags().map((t) => String(t.id))),
    });
    if (id) log[change.kind][change.action].push(id);
    ws.tick(r.int(1, 120));
  }
  return netEffect(log);
}

function emptySummary(): ChangeSummary {
  const none = () => ({ created: [], updated: [], deleted: [] });
  return { conversations: none(), contacts: none(), companies: none(), tags: none(), articles: none(), tickets: none() };
}

/**
 * Net effect of a batch: an id created and then deleted in the batch appears nowhere; created ids
 * are not also listed as updated; deleted ids are not listed as updated.
 */
function netEffect(log: ChangeSummary): ChangeSummary {
  const out = {} as ChangeSummary;
  for (const kind of Object.keys(log) as ChangeKind[]) {
    const created = new Set(log[kind].created);
    const deleted = new Set(log[kind].deleted);
    out[kind] = {
      created: [...created].filter((id) => !deleted.has(id)),
      updated: [...new Set(log[kind].updated)].filter((id) => !created.has(id) && !deleted.has(id)),
      deleted: [...deleted].filter((id) => !created.has(id)),
    };
  }
  return out;
}
