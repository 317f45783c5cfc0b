/**
 * Materializes a conversation (Intercom 2.16 retrieve shape) from its skeleton, its generated
 * plan (who takes part, the source, assignees) and the mutation overlay (added parts, tags,
 * state changes, redactions).
 */
import { attachmentObject, randomFile } from './attachments';
import { EVENT_TYPES, ISSUE_TYPES, applyRedaction, basePart, generatedPart, isCustomer } from './conversation-parts';
import { generatedSource } from './conversation-source';
import type { Context } from './context';
import { htmlBody, randomFeatures } from './html';
import type { People, Person } from './people';
import { Rng } from '../random';
import { type AuthorKind, type ConversationSkeleton, edgeConversationIndexes, EVERY_PART_TYPE_SCRIPT } from './skeleton';
import type { ConversationState, JsonObject } from './types';

/** The 2.16 retrieve returns at most this many parts: the most recent ones. */
export const PART_LIMIT = 500;

/** A customer as conversations reference it. */
export interface Customer {
  person: Person;
  externalId: string | null;
}

/** Changes mutations made to one conversation. */
export interface ConversationOverlay {
  state?: ConversationState;
  snoozedUntil?: number | null;
  updatedAt?: number;
  /** Parts added after generation, oldest first (unsigned URLs). */
  extraParts: JsonObject[];
  tags: Array<{ tagId: string; appliedAt: number; adminId: string }>;
  /** Part or source id → redaction time. */
  redacted: Map<string, number>;
  adminAssigneeId?: number;
  teamAssigneeId?: number;
}

export function emptyOverlay(): ConversationOverlay {
  return { extraParts: [], tags: [], redacted: new Map() };
}

/** What the factory needs from the rest of the workspace. */
export interface ConversationDeps {
  ctx: Context;
  people: People;
  /** Customer for a generated contact index (deleted contacts still resolve: old conversations keep them). */
  customerByIndex(index: number): Customer;
  /** Customer for any contact id (mutations), undefined if unknown. */
  customerById(id: string): Customer | undefined;
  /** Live tags by id. */
  liveTag(id: string): JsonObject | undefined;
  contactCount(): number;
}

const SOURCE_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['conversation', 55], ['email', 25], ['whatsapp', 5], ['phone_call', 3], ['sms', 3], ['facebook', 2], ['instagram', 2],
  ['push', 2], ['twitter', 2], ['phone_switch', 1],
];



/** Who takes part in one conversation and how it started. */
export interface Plan {
  customers: Customer[];
  admins: Person[];
  deletedAdmin?: Person;
  bot: Person;
  team?: { id: string; name: string };
  sourceType: string;
  sourceAuthor: Person;
  adminInitiated: boolean;
  adminAssigneeId: number;
  teamAssigneeId: number;
  script?: ReadonlyArray<readonly [string, AuthorKind, ...string[]]>;
  edge: ReturnType<typeof edgeConversationIndexes> | undefined;
}

export class ConversationFactory {
  constructor(private readonly deps: ConversationDeps) {}

  /**
   * The conversation as stored (URLs unsigned), all parts included; `parts` is undefined
   * unless `withParts`. Callers apply the 500-part cap and signing.
   */
  build(skel: ConversationSkeleton, overlay: ConversationOverlay | undefined, withParts: boolean): { conversation: JsonObject; parts: JsonObject[] } {
    const { ctx } = this.deps;
    const plan = this.plan(skel);
    const r = new Rng(ctx.seed, 'conversation', skel.index);
    const f = ctx.faker('conversation', skel.index);
    const parts = this.generatedParts(skel, plan, !withParts);
    const all = overlay ? [...parts, ...overlay.extraParts.map((p) => structuredClone(p))] : parts;
    if (overlay) for (const p of all) applyRedaction(p, overlay.redacted);

    const source = generatedSource(this.deps, skel, plan, r, f);
    if (overlay?.redacted.has(String(source.id))) applyRedaction(source, overlay.redacted, String(source.id));

    const state = overlay?.state ?? skel.state;
    const updatedAt = Math.max(overlay?.updatedAt ?? 0, skel.updated_at);
    const lastCustomerPart = [...all].reverse().find((p) => isCustomer(p.author) && p.part_type === 'comment');
    const teammateIds = new Set<string>();
    if ((source.author as JsonObject).type === 'admin') teammateIds.add(String((source.author as JsonObject).id));
    for (const p of all) if ((p.author as JsonObject).type === 'admin') teammateIds.add(String((p.author as JsonObject).id));
    const closes = all.filter((p) => p.part_type === 'close');
    const firstCustomerReply = all.find((p) => isCustomer(p.author) && p.part_type === 'comment');

    const tags = this.tags(skel, plan, r, overlay);
    const conversation: JsonObject = {
      type: 'conversation',
      id: skel.id,
      title: plan.sourceType === 'email' ? (source.subject as string) : r.chance(0.1) ? f.lorem.words(4) : null,
      created_at: skel.created_at,
      updated_at: updatedAt,
      waiting_since: state === 'open' && lastCustomerPart ? (lastCustomerPart.created_at as number) : null,
      snoozed_until: state === 'snoozed' ? (overlay?.snoozedUntil ?? updatedAt + 2 * 86_400) : null,
      open: state !== 'closed',
      state,
      read: r.chance(0.7),
      priority: r.weighted([['none', 70], ['low', 8], ['medium', 10], ['high', 8], ['urgent', 4]] as const),
      admin_assignee_id: overlay?.adminAssigneeId ?? plan.adminAssigneeId,
      team_assignee_id: overlay?.teamAssigneeId ?? plan.teamAssigneeId,
      company: null,
      tags: { type: 'tag.list', tags },
      conversation_rating: state === 'closed' && r.chance(0.25) ? this.rating(skel, plan, r, f) : null,
      source,
      contacts: { type: 'contact.list', contacts: plan.customers.map((c) => ({ type: 'contact', id: c.person.id, external_id: c.externalId })) },
      teammates: { type: 'admin.list', teammates: [...teammateIds].map((id) => ({ type: 'admin', id })) },
      custom_attributes: this.customAttributes(skel, plan, r, f),
      first_contact_reply: firstCustomerReply ? { created_at: firstCustomerReply.created_at, type: 'conversation', url: null } : null,
      statistics: {
        type: 'conversation_statistics',
        first_contact_reply_at: firstCustomerReply?.created_at ?? skel.created_at,
        last_close_at: closes.length ? (closes[closes.length - 1].created_at as number) : 0,
        count_reopens: all.filter((p) => p.part_type === 'open' || p.part_type === 'assign_and_reopen').length,
        count_assignments: all.filter((p) => String(p.part_type).includes('assign')).length,
        count_conversation_parts: all.length + 1,
      },
      ai_agent_participated: all.some((p) => (p.author as JsonObject).type === 'bot' && p.part_type === 'comment'),
      ai_agent: null,
    };
    if (withParts) conversation.conversation_parts = { type: 'conversation_part.list', conversation_parts: [], total_count: all.length };
    return { conversation, parts: withParts ? all : [] };
  }

  /** A new part for a mutation (customer comment unless told otherwise). */
  newPart(skel: ConversationSkeleton, partIndex: number, at: number, o: { partType: string; author?: Person; body?: string; withAttachment?: boolean; state: ConversationState }): JsonObject {
    const { ctx } = this.deps;
    const plan = this.plan(skel);
    const r = new Rng(ctx.seed, 'new-part', skel.index, partIndex);
    const f = ctx.faker('part', 'new', skel.index, partIndex);
    const author = o.author ?? (o.partType === 'comment' ? plan.customers[0].person : plan.admins[0] ?? plan.bot);
    const id = ctx.ids.partId(skel.index, partIndex);
    const isEvent = EVENT_TYPES.has(o.partType);
    const part = basePart(id, o.partType, at, author, o.state);
    if (!isEvent) part.body = o.body ?? htmlBody(f, r, randomFeatures(r, ['link', 'emoji', 'code']), {});
    if (o.withAttachment) part.attachments = [attachmentObject(ctx, randomFile(ctx, r, 'new-part', skel.index, partIndex))];
    if (o.partType.includes('assign')) part.assigned_to = { type: 'admin', id: author.type === 'admin' ? author.id : plan.admins[0]?.id ?? null };
    return part;
  }

  /** The plan of a conversation (participants, source, assignees); also used by mutations. */
  plan(skel: ConversationSkeleton): Plan {
    const { ctx, people } = this.deps;
    const r = new Rng(ctx.seed, 'plan', skel.index);
    const edge = ctx.edgeCases ? edgeConversationIndexes(ctx) : undefined;
    const i = skel.index;
    const contactCount = this.deps.contactCount();
    const customers: Customer[] = [];
    const fromMutation = skel.contactId ? this.deps.customerById(skel.contactId) : undefined;
    if (fromMutation) customers.push(fromMutation);
    else if (contactCount > 0) customers.push(this.deps.customerByIndex(r.int(0, contactCount - 1)));
    const group = (edge && (i === edge.groupWithNastySource || i === edge.everyPartType)) || r.chance(0.04);
    if (group && contactCount > 1) {
      for (const extra of r.sample(contactCount, 2).map((c) => this.deps.customerByIndex(c))) {
        if (!customers.some((c) => c.person.id === extra.person.id)) customers.push(extra);
      }
    }
    if (edge && i === edge.everyPartType) ensureRoles(customers, this.deps, r);
    if (customers.length === 0) customers.push({ person: { type: 'lead', id: ctx.ids.hex('ghost-contact', i), name: null, email: null }, externalId: null });

    const liveAdmins = people.allAdmins.filter((a) => !people.deletedAdminIds.includes(a.id));
    const admins = liveAdmins.length ? r.sample(liveAdmins.length, r.int(1, Math.min(3, liveAdmins.length))).map((a) => liveAdmins[a]) : [];
    const old = skel.created_at < ctx.start - 365 * 86_400;
    const deletedAdmin = people.deletedAdminIds.length ? people.allAdmins.find((a) => a.id === people.deletedAdminIds[0]) : undefined;
    if (deletedAdmin && ((edge && i === edge.everyPartType) || (old && r.chance(0.3)))) admins.push(deletedAdmin);
    const teamObject = people.teams.length ? r.pick(people.teams) : undefined;
    const team = teamObject ? { id: String(teamObject.id), name: String(teamObject.name) } : undefined;

    let sourceType = r.weighted(SOURCE_TYPES);
    if (edge && i === edge.openUnassignedEmail) sourceType = 'email';
    if (edge && i === edge.adminInitiatedRedactedSource) sourceType = 'phone_call';
    if (edge && i === edge.groupWithNastySource) sourceType = 'conversation';
    const adminInitiated = (edge && i === edge.adminInitiatedRedactedSource) || (!fromMutation && admins.length > 0 && r.chance(0.12));
    const sourceAuthor = adminInitiated && admins.length ? admins[0] : customers[0].person;
    const unassigned = (edge && i === edge.openUnassignedEmail) || r.chance(0.3);
    return {
      customers,
      admins: admins.length ? admins : [people.bots[0]],
      deletedAdmin,
      bot: r.pick(people.bots),
      team,
      sourceType,
      sourceAuthor,
      adminInitiated,
      adminAssigneeId: unassigned || !admins.length || admins[0] === deletedAdmin ? 0 : Number(admins[0].id),
      teamAssigneeId: unassigned || !team ? 0 : Number(team.id),
      script: edge && i === edge.everyPartType ? EVERY_PART_TYPE_SCRIPT : undefined,
      edge,
    };
  }

  private generatedParts(skel: ConversationSkeleton, plan: Plan, lite: boolean): JsonObject[] {
    const parts: JsonObject[] = [];
    let state: ConversationState = 'open';
    // One faker stream per conversation, drawn in part order (seeding faker per part is slow).
    const f = this.deps.ctx.faker('part', skel.index);
    for (let k = 0; k < skel.partCount; k++) {
      const part = generatedPart(this.deps, skel, plan, k, state, lite, f);
      state = part.state as ConversationState;
      parts.push(part);
    }
    return parts;
  }

  private tags(skel: ConversationSkeleton, plan: Plan, r: Rng, overlay: ConversationOverlay | undefined): JsonObject[] {
    const { ctx } = this.deps;
    const count = plan.edge && skel.index === plan.edge.tagsAttributesAndFiles ? 3 : r.weighted([[0, 6], [1, 3], [2, 1]] as const);
    const chosen = r.sample(ctx.size.tags, count).map((t) => ({
      tagId: String(ctx.ids.tag + t),
      appliedAt: skel.created_at + r.int(0, skel.updated_at - skel.created_at),
      adminId: plan.admins[0].id,
    }));
    const out: JsonObject[] = [];
    for (const t of [...chosen, ...(overlay?.tags ?? [])]) {
      const tag = this.deps.liveTag(t.tagId);
      if (!tag || out.some((o) => o.id === t.tagId)) continue;
      out.push({ type: 'tag', id: t.tagId, name: tag.name, applied_at: t.appliedAt, applied_by: { type: 'admin', id: t.adminId } });
    }
    return out;
  }

  private rating(skel: ConversationSkeleton, plan: Plan, r: Rng, f: ReturnType<Context['faker']>): JsonObject {
    const c = plan.customers[0];
    return {
      rating: r.int(1, 5),
      remark: r.chance(0.5) ? f.lorem.sentence() : '',
      created_at: skel.updated_at,
      updated_at: skel.updated_at,
      contact: { type: 'contact', id: c.person.id, external_id: c.externalId },
      teammate: { type: 'admin', id: plan.admins[0].id },
    };
  }

  private customAttributes(skel: ConversationSkeleton, plan: Plan, r: Rng, f: ReturnType<Context['faker']>): JsonObject {
    const full = plan.edge && skel.index === plan.edge.tagsAttributesAndFiles;
    const out: JsonObject = {};
    if (full || r.chance(0.5)) out.issue_type = r.pick(ISSUE_TYPES);
    if (full || r.chance(0.2)) out.jira_issue_key = `PROJ-${r.int(1, 9999)}`;
    if (full || r.chance(0.3)) out.order_number = r.int(10_000, 99_999);
    if (full || r.chance(0.1)) out.follow_up_at = skel.updated_at + r.int(1, 30) * 86_400;
    if (full) out.customer_comment = f.lorem.sentence() + ' — “quoted” 🚚';
    return out;
  }
}

function ensureRoles(customers: Customer[], deps: ConversationDeps, r: Rng): void {
  for (const role of ['user', 'lead'] as const) {
    if (customers.some((c) => c.person.type === role)) continue;
    for (let tries = 0; tries < 200; tries++) {
      const c = deps.customerByIndex(r.int(0, deps.contactCount() - 1));
      if (c.person.type === role && !customers.some((x) => x.person.id === c.person.id)) {
        customers.push(c);
        break;
      }
    }
  }
}
