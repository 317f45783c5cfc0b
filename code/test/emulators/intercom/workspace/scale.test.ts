import { partsOf, workspace } from './helpers';
import { Rng } from '../../../../src/emulators/intercom/workspace/random';

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
