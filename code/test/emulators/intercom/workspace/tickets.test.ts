/** The generated tickets: every category, parts with files, links that resolve, deterministic; mutations change them as Intercom would. */
import { createHash } from 'node:crypto';
import type { JsonObject, Workspace } from '../../../../src/emulators/intercom/workspace';
import { requestPath, workspace } from './helpers';

type Obj = JsonObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const fresh = (): Workspace => workspace({ seed: 12, size: { conversations: 20, contacts: 20, tickets: 9 } });
const ticket = (w: Workspace, id: string) => w.ticket(id, { withParts: true }) as Obj;
const parts = (t: Obj): Obj[] => t.ticket_parts.ticket_parts;

describe('generated tickets', () => {
  const w = fresh();
  const all = w.ticketIds().map((id) => ticket(w, id));

  it('come in every category, typed by a ticket type of that category, with parts', () => {
    expect(all).toHaveLength(9);
    expect(new Set(all.map((t) => t.category))).toEqual(new Set(['Customer', 'Back-office', 'Tracker']));
    for (const t of all) {
      expect(t.ticket_type.category).toBe(t.category);
      expect(parts(t).length).toBeGreaterThan(0);
      expect(t.ticket_parts.total_count).toBe(parts(t).length);
      expect(w.ticketStates().map((s) => s.id)).toContain(t.ticket_state.id);
    }
  });

  it('link only live contacts, closed conversations and earlier customer tickets', () => {
    const contacts = new Set(w.contactIds());
    const closed = new Set(w.conversationIndex().filter((e) => e.state === 'closed').map((e) => e.id));
    for (const t of all) {
      for (const c of t.contacts.contacts) expect(contacts.has(c.id)).toBe(true);
      for (const link of t.linked_objects.data) {
        if (link.type === 'conversation') expect(closed.has(link.id)).toBe(true);
        else expect(all.find((x) => x.id === link.id)?.category).toBe('Customer');
      }
    }
    expect(all.some((t) => t.linked_objects.data.some((l: Obj) => l.type === 'conversation'))).toBe(true);
    expect(all.some((t) => t.linked_objects.data.some((l: Obj) => l.type === 'ticket'))).toBe(true);
  });

  it('carry files whose bytes the file route serves with the sha256 of the ground truth', () => {
    const files = w.truth.attachments().filter((a) => a.owner.type === 'ticket_part');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const part = parts(ticket(w, f.owner.ticketId!)).find((p) => p.id === f.owner.id)!;
      const served = w.file(requestPath(part.attachments[f.index!].url));
      expect(served.status).toBe('ok');
      if (served.status === 'ok') expect(createHash('sha256').update(served.bytes).digest('hex')).toBe(f.sha256);
    }
  });

  it('are the same for the same seed', () => {
    expect(fresh().ticketIds().map((id) => ticket(fresh(), id))).toEqual(all);
  });
});

describe('ticket mutations', () => {
  it('a comment, a note and a state change each add a part and bump updated_at', () => {
    const w = fresh();
    const id = w.ticketIds()[0];
    const before = ticket(w, id);
    w.mutate.addTicketPart(id, { withAttachment: true });
    w.mutate.addTicketPart(id, { partType: 'note', adminId: String(w.admins()[0].id) });
    w.mutate.setTicketState(id, 'resolved');
    const after = ticket(w, id);
    expect(parts(after).map((p) => p.part_type).slice(-3)).toEqual(['comment', 'note', 'ticket_state_updated_by_admin']);
    expect(parts(after).at(-3)!.attachments).toHaveLength(1);
    expect(after.ticket_state.category).toBe('resolved');
    expect(after.open).toBe(false);
    expect(after.updated_at).toBeGreaterThan(before.updated_at);
  });

  it('a created ticket is listed, a deleted one is gone, and random changes touch tickets', () => {
    const w = fresh();
    const created = w.mutate.createTicket({ category: 'Tracker' });
    expect(w.ticketIds()).toContain(created);
    w.mutate.deleteTicket(created);
    expect(w.ticketIds()).not.toContain(created);
    expect(w.ticket(created, { withParts: false })).toBeUndefined();
    const changes = w.mutate.applyRandomChanges({ seed: 3, count: 12 });
    expect(changes.tickets.created.length + changes.tickets.updated.length).toBeGreaterThan(0);
  });
});
