import { partsOf, workspace } from './helpers';
import { Rng } from '../../../../src/emulators/intercom/random';
import { createContext } from '../../../../src/emulators/intercom/workspace/context';
import { resolveSize } from '../../../../src/emulators/intercom/workspace/size';
import { TicketBook } from '../../../../src/emulators/intercom/workspace/tickets';
import { WorkspaceCore } from '../../../../src/emulators/intercom/workspace/workspace';
import { DEFAULT_START_TIME } from '../../../../src/emulators/intercom/workspace';

describe('a 50,000-conversation workspace', () => {
  // Its memory is measured by `npm run bench`, not here: a heap figure inside the test run depends on what else ran.
  it('starts, indexes every conversation and materializes random ones', () => {
    const w = workspace({ seed: 77, size: { conversations: 50_000, contacts: 20_000, companies: 3_000 } });
    const index = w.conversationIndex();
    expect(index).toHaveLength(50_000);
    expect(new Set(index.map((e) => e.id)).size).toBe(50_000);
    expect(index.filter((e) => !(e.updated_at >= e.created_at))).toEqual([]);

    const r = new Rng('scale-test');
    for (let n = 0; n < 5; n++) {
      const e = index[r.int(0, index.length - 1)];
      const c = w.conversation(e.id, { withParts: true })!;
      expect(c.id).toBe(e.id);
      expect(c.updated_at).toBe(e.updated_at);
      expect(c.state).toBe(e.state);
      const parts = partsOf(c);
      expect(parts.length).toBe(Math.min(500, (c.conversation_parts as { total_count: number }).total_count));
      const contact = w.contact(String(((c.contacts as { contacts: Array<{ id: string }> }).contacts[0]).id));
      expect(contact).toBeDefined();
    }
    const lastContact = w.contactIds().at(-1)!;
    expect(w.contact(lastContact)!.id).toBe(lastContact);
    expect(w.mutate.addPart(index[49_999].id)).toMatch(/^\d+$/);
  });
});

describe('ticket generation', () => {
  // Counted, not timed: each customer ticket used to filter every conversation skeleton for a closed one to
  // link, and to list every contact for one to name, so the first `/tickets/search` of a 50,000-conversation
  // workspace took minutes (the bench's estimate timed out), and 80 s in the bench's shape (66,667 contacts, 6,250 tickets).
  it('walks the conversation skeletons and the contacts once, however many tickets it generates', () => {
    const ctx = createContext({ seed: 5, size: resolveSize({ conversations: 300, contacts: 400, tickets: 90 }, true), edgeCases: true, start: DEFAULT_START_TIME, fileBaseUrl: 'http://127.0.0.1:1' });
    const core = new WorkspaceCore(ctx);
    const skeletons = jest.spyOn(core.conversations, 'skeletons');
    const contactIds = jest.spyOn(core.contacts, 'contactIds');
    const book = new TicketBook(core);
    const ids = book.ids();
    expect(ids).toHaveLength(90);
    const tickets = ids.map((id) => book.ticket(id, false)!);
    const linked = tickets.map((t) => (t.linked_objects as { data: Array<{ type: string }> }).data);
    expect(linked.filter((links) => links.some((l) => l.type === 'conversation')).length).toBeGreaterThan(0);
    expect(tickets.flatMap((t) => (t.contacts as { contacts: unknown[] }).contacts).length).toBeGreaterThan(0);
    expect(skeletons.mock.calls.length).toBeLessThanOrEqual(1);
    expect(contactIds.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
