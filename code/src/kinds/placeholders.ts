/**
 * Placeholder admins. Intercom keeps the ids of teammates who were removed from the workspace on
 * old conversation parts, assignments and articles, but `/admins` no longer lists them
 * (intercom-api.md §5.1, §7.12). A reference to an id DevRev never receives would dangle, so each
 * such admin becomes a dev-user item of its own, named after what the referencing object says of
 * it and marked as no longer in Intercom.
 */
import type { IntercomAdmin, IntercomArticle, IntercomConversation, IntercomTicket } from '../intercom/schemas';
import { normalizeAdmin } from '../normalize';
import { peopleToPush } from './mentioned';
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

/**
 * Dev-user items for the mentioned admins that the run's admin listing did not contain, with the
 * most their mentions told (kinds/mentioned.ts). Without a listing (no `ctx.adminNames`) nothing is
 * known to be missing, so nothing is made up.
 */
export function placeholderAdmins(mentions: AdminMention[], ctx: NormalizeContext) {
  const listed = ctx.adminNames;
  if (!listed) return [];
  const missing = mentions.filter((m) => !(m.id in listed));
  // Kept in the run's state with the rest of the context, so a placeholder goes out once per run, not once per invocation.
  const toPush = peopleToPush(missing, 'admins', (ctx.mentionedPeople ??= {}), (ctx.placeholderAdminIds ??= []));
  return [...toPush].map(([id, told]) => {
    const raw: IntercomAdmin = {
      type: 'admin', id, name: `${told.name || `Teammate ${id}`}${SUFFIX}`, email: told.email,
      away_mode_enabled: false, away_mode_reassign: false, has_inbox_seat: false, team_ids: [],
    };
    return { itemType: 'admins' as const, item: normalizeAdmin(raw, ctx) };
  });
}
