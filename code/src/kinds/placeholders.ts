/**
 * Placeholder admins. Intercom keeps the ids of teammates who were removed from the workspace on
 * old conversation parts, assignments and articles, but `/admins` no longer lists them
 * (intercom-api.md §5.1, §7.12). A reference to an id DevRev never receives would dangle, so each
 * such admin becomes a dev-user item of its own, named after what the referencing object says of
 * it and marked as no longer in Intercom.
 */
import type { IntercomAdmin, IntercomArticle, IntercomConversation, IntercomTicket } from '../intercom/schemas';
import { normalizeAdmin } from '../normalize';
import { mostTold, noteMentions } from './mentioned';
import type { MentionedPerson } from '../normalize/types';
import type { NormalizeContext } from './types';

/** What a referencing object tells of an admin. */
interface AdminMention { id: string; name?: string | null; email?: string | null }

const SUFFIX = ' (no longer in Intercom)';

/** Admin references of a conversation: authors, assignees and teammates. */
export function adminsOfConversation(conv: IntercomConversation): AdminMention[] {
  const found: AdminMention[] = [];
  // Parts are validated one by one later (a bad part is skipped there), so read them defensively.
  const parts = (conv.conversation_parts?.conversation_parts ?? []) as Array<{ author?: unknown; assigned_to?: unknown } | null>;
  for (const ref of [conv.source?.author, ...parts.flatMap((p) => [p?.author, p?.assigned_to])]) {
    const admin = asAdminRef(ref);
    if (admin) found.push(admin);
  }
  const assignee = conv.admin_assignee_id;
  if (assignee != null && String(assignee) !== '0') found.push({ id: String(assignee) });
  for (const t of conv.teammates?.teammates ?? []) if (t.id != null) found.push({ id: String(t.id) });
  return found;
}

function asAdminRef(ref: unknown): AdminMention | undefined {
  if (typeof ref !== 'object' || ref === null) return undefined;
  const r = ref as { type?: unknown; id?: unknown; name?: unknown; email?: unknown };
  if (r.type !== 'admin' || (typeof r.id !== 'string' && typeof r.id !== 'number')) return undefined;
  return {
    id: String(r.id),
    name: typeof r.name === 'string' ? r.name : null,
    email: typeof r.email === 'string' ? r.email : null,
  };
}

/** Admin references of a ticket: part authors, assignments and the assignee. */
export function adminsOfTicket(ticket: IntercomTicket): AdminMention[] {
  const parts = (ticket.ticket_parts?.ticket_parts ?? []) as Array<{ author?: unknown; assigned_to?: unknown } | null>;
  const found = parts.flatMap((p) => [asAdminRef(p?.author), asAdminRef(p?.assigned_to)]).filter((a): a is AdminMention => a !== undefined);
  const assignee = ticket.admin_assignee_id;
  if (assignee != null && String(assignee) !== '0') found.push({ id: String(assignee) });
  return found;
}

/** The admin an article names as its author. */
export function adminsOfArticle(article: IntercomArticle): AdminMention[] {
  return article.author_id != null ? [{ id: String(article.author_id) }] : [];
}

/** The dev-user item of a removed teammate, from what its mentions told. */
export function placeholderAdminItem(id: string, told: MentionedPerson, ctx: NormalizeContext) {
  const raw: IntercomAdmin = {
    type: 'admin', id, name: `${told.name || `Teammate ${id}`}${SUFFIX}`, email: told.email,
    away_mode_enabled: false, away_mode_reassign: false, has_inbox_seat: false, team_ids: [],
  };
  return { itemType: 'admins' as const, item: normalizeAdmin(raw, ctx) };
}

/**
 * Notes the mentioned admins that the run's admin listing did not contain, for the data loop to
 * send once with the most their mentions told (kinds/mentioned.ts); returns the items of those
 * beyond the cap, sent at once. Without a listing (no `ctx.adminNames`) nothing is known to be
 * missing, so nothing is made up.
 */
export function placeholderAdmins(mentions: AdminMention[], ctx: NormalizeContext) {
  const listed = ctx.adminNames;
  if (!listed) return [];
  const beyondCap = noteMentions(mentions.filter((m) => !(m.id in listed)), 'admins', (ctx.mentionedInRun ??= {}));
  return beyondCap.map((m) => placeholderAdminItem(m.id, mostTold(undefined, m), ctx));
}
