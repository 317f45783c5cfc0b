/**
 * Tickets in the ground truth and the mutations: wraps the conversation-era truth and mutations
 * with the ticket book, so tickets stay in their own files.
 */
import { CONTENT_TYPES } from './files';
import { Rng } from '../random';
import { STATE_CATEGORIES } from './ticket-types';
import type { TicketBook } from './tickets';
import type { GroundTruth, JsonObject, Mutations, TicketMutationName, TruthAttachment, TruthTicket } from './types';
import type { WorkspaceCore } from './workspace';

export function withTicketTruth(truth: Omit<GroundTruth, 'tickets'>, ws: WorkspaceCore, book: TicketBook): GroundTruth {
  const tickets = (): TruthTicket[] => book.ids().map((id) => summarize(book.ticket(id, true)!));
  const ticketFiles = (): TruthAttachment[] => {
    const out: TruthAttachment[] = [];
    for (const id of book.ids()) {
      for (const part of partsOf(book.ticket(id, true)!)) {
        ((part.attachments as JsonObject[]) ?? []).forEach((a, index) => {
          const url = String(a.url).split('?')[0];
          const spec = ws.ctx.files.specFromUrl(url);
          if (!spec) return;
          out.push({
            owner: { type: 'ticket_part', id: String(part.id), ticketId: id }, kind: 'attachment', index, url, name: String(a.name),
            contentType: CONTENT_TYPES[spec.type], size: spec.size, sha256: ws.ctx.files.sha256(spec),
          });
        });
      }
    }
    return out;
  };
  return {
    ...truth,
    ids: (kind, o) => (kind === 'tickets' ? book.ids() : truth.ids(kind, o)),
    tickets,
    attachments: (o) => [...truth.attachments(o), ...ticketFiles()],
  };
}

/** Adds the ticket mutations, and a few ticket changes to every `applyRandomChanges`. */
export function withTicketMutations(mutations: Omit<Mutations, TicketMutationName>, ws: WorkspaceCore, book: TicketBook): Mutations {
  const admin = () => (ws.people.admins[0] ? String(ws.people.admins[0].id) : undefined);
  return {
    ...mutations,
    createTicket: (o) => book.create(o),
    addTicketPart: (id, o) => book.addPart(id, o),
    setTicketState: (id, state) => book.setState(id, state, admin()),
    updateTicketAttributes: (id, patch) => book.updateAttributes(id, patch),
    deleteTicket: (id) => book.delete(id),
    applyRandomChanges(o) {
      const log = mutations.applyRandomChanges(o);
      // A separate random stream, so that the other kinds' changes stay what they were before tickets.
      const r = new Rng(ws.ctx.seed, 'random-ticket-changes', o.seed, ws.clock);
      for (let n = 0; n < Math.max(1, Math.round(o.count / 6)); n++) {
        const ids = book.ids();
        const id = ids.length > 0 ? r.pick(ids) : undefined;
        const action = id === undefined ? 'create' : r.weighted([['comment', 4], ['note', 2], ['state', 3], ['create', 2], ['attributes', 1]] as const);
        if (action === 'create') {
          const contacts = ws.contacts.contactIds();
          log.tickets.created.push(book.create({ category: r.pick(['Customer', 'Back-office', 'Tracker'] as const), contactId: contacts.length ? r.pick(contacts) : undefined }));
          continue;
        }
        if (action === 'comment') book.addPart(id!, { withAttachment: r.chance(0.5) });
        else if (action === 'note') book.addPart(id!, { partType: 'note', adminId: admin(), withAttachment: r.chance(0.3) });
        else if (action === 'state') book.setState(id!, r.pick(STATE_CATEGORIES), admin());
        else book.updateAttributes(id!, { _default_title_: `Updated: ${r.int(1, 9999)}` });
        if (!log.tickets.created.includes(id!) && !log.tickets.updated.includes(id!)) log.tickets.updated.push(id!);
      }
      return log;
    },
  };
}

function partsOf(ticket: JsonObject): JsonObject[] {
  return ((ticket.ticket_parts as JsonObject).ticket_parts as JsonObject[]) ?? [];
}

function summarize(t: JsonObject): TruthTicket {
  const links = ((t.linked_objects as JsonObject).data as JsonObject[]) ?? [];
  return {
    id: String(t.id),
    category: t.category as TruthTicket['category'],
    partIds: partsOf(t).map((p) => String(p.id)),
    contactIds: ((t.contacts as JsonObject).contacts as JsonObject[]).map((c) => String(c.id)),
    linkedConversationIds: links.filter((l) => l.type === 'conversation').map((l) => String(l.id)),
    linkedTicketIds: links.filter((l) => l.type === 'ticket').map((l) => String(l.id)),
  };
}
