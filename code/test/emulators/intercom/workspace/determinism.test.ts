import { DEFAULT_SIZE } from '../../../../src/emulators/intercom/workspace';
import { dump, workspace } from './helpers';

describe('workspace determinism and size', () => {
  it('builds identical objects from the same seed', () => {
    const a = dump(workspace({ seed: 42 }));
    const b = dump(workspace({ seed: 42 }));
    expect(JSON.stringify(a)).toEqual(JSON.stringify(b));
  });

  it('builds different objects from a different seed', () => {
    const a = dump(workspace({ seed: 1, size: { conversations: 20, contacts: 20 } }));
    const b = dump(workspace({ seed: 2, size: { conversations: 20, contacts: 20 } }));
    for (const kind of ['admins', 'contacts', 'companies', 'conversations', 'articles']) {
      expect(JSON.stringify(a[kind])).not.toEqual(JSON.stringify(b[kind]));
    }
    expect((a.conversations[0] as { id: string }).id).not.toEqual((b.conversations[0] as { id: string }).id);
  });

  it('materializes an object the same way whatever was built before it', () => {
    const w1 = workspace({ seed: 9 });
    const w2 = workspace({ seed: 9 });
    const id = w1.conversationIndex()[17].id;
    for (const e of w2.conversationIndex().slice(0, 30)) w2.conversation(e.id, { withParts: true });
    w2.contact(w2.contactIds()[5]);
    expect(w2.conversation(id, { withParts: true })).toEqual(w1.conversation(id, { withParts: true }));
  });

  it('honours every size knob exactly when edge cases are off', () => {
    const size = { admins: 3, teams: 1, tags: 5, companies: 7, contacts: 11, conversations: 13, collections: 2, sections: 3, articles: 4, helpCenters: 1, maxPartsPerConversation: 6, longConversations: 0, deletedConversations: 2 };
    const w = workspace({ edgeCases: false, size });
    expect(w.admins()).toHaveLength(3);
    expect(w.teams()).toHaveLength(1);
    expect(w.tags()).toHaveLength(5);
    expect(w.companyIds()).toHaveLength(7);
    expect(w.contactIds()).toHaveLength(11);
    expect(w.conversationIndex()).toHaveLength(13);
    expect(w.deletedConversations()).toHaveLength(2);
    expect(w.collections()).toHaveLength(5);
    expect(w.collections().filter((c) => c.parent_id !== null)).toHaveLength(3);
    expect(w.articleIds()).toHaveLength(4);
    expect(w.helpCenters()).toHaveLength(1);
    for (const e of w.conversationIndex()) {
      const total = (w.conversation(e.id, { withParts: true })!.conversation_parts as { total_count: number }).total_count;
      expect(total).toBeLessThanOrEqual(6);
    }
  });

  it('uses demo-sized defaults and raises sizes to what edge cases need', () => {
    expect(workspace().conversationIndex()).toHaveLength(DEFAULT_SIZE.conversations);
    const w = workspace({ size: { tags: 2, companies: 1, conversations: 3 } });
    expect(w.tags().length).toBeGreaterThanOrEqual(11);
    expect(w.companyIds().length).toBeGreaterThanOrEqual(11);
    expect(w.conversationIndex().length).toBeGreaterThanOrEqual(7);
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => workspace({ size: { conversations: -1 } })).toThrow(/conversations/);
    expect(() => workspace({ size: { bogus: 1 } as never })).toThrow(/bogus/);
    expect(() => workspace({ fileBaseUrl: 'not a url' })).toThrow(/fileBaseUrl/);
  });
});
