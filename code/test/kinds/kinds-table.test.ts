import { ATTACHMENTS_ITEM_TYPE, KINDS, allItemTypes, kindOf } from '../../src/kinds';

const listCtx = { importAllConversations: false };

describe('kinds table', () => {
  it('holds every Intercom kind once, in the documented order', () => {
    expect(KINDS.map((k) => k.itemType)).toEqual(
      ['admins', 'teams', 'tags', 'companies', 'contacts', 'conversations', 'collections', 'articles', 'tickets']);
    expect(allItemTypes()).toContain('conversation_parts');
    expect(allItemTypes()).toContain('ticket_parts');
    expect(allItemTypes()).not.toContain(ATTACHMENTS_ITEM_TYPE);
  });

  it('lists every dependency before its dependants', () => {
    KINDS.forEach((kind, index) => {
      for (const dep of kind.dependsOn) {
        const at = KINDS.findIndex((k) => k.itemType === dep);
        expect({ kind: kind.itemType, dep, before: at >= 0 && at < index }).toEqual({ kind: kind.itemType, dep, before: true });
      }
    });
  });

  it('gives every kind a pager with an item schema, and a changed-since strategy', () => {
    for (const kind of KINDS) {
      const all = kind.listAll(listCtx);
      expect(all.path).toMatch(/^\//);
      expect(typeof all.itemSchema.safeParse).toBe('function');
      const changed = kind.listChangedSince(listCtx, 1_700_000_000);
      if (changed !== 'relist') expect(changed.style).toBe('search');
    }
  });

  it('filters searches with a strict ">" on a floor (day-granular search) and keeps only closed conversations by default', () => {
    const conversations = kindOf('conversations')!;
    const closedOnly = conversations.listChangedSince(listCtx, 1000);
    expect(closedOnly).toMatchObject({
      style: 'search', path: '/conversations/search',
      query: { operator: 'AND', value: [{ field: 'updated_at', operator: '>', value: 1000 }, { field: 'state', operator: '=', value: 'closed' }] },
    });
    expect(conversations.listChangedSince({ importAllConversations: true }, 1000))
      .toMatchObject({ query: { field: 'updated_at', operator: '>', value: 1000 } });
    expect(conversations.listAll(listCtx)).toMatchObject({ style: 'search', query: { field: 'state', operator: '=', value: 'closed' } });
    expect(conversations.listAll({ importAllConversations: true })).toMatchObject({ style: 'cursor', path: '/conversations' });
  });

  it('reads companies through the scroll (the plain list hides companies without contacts)', () => {
    expect(kindOf('companies')!.listAll(listCtx)).toMatchObject({ style: 'scroll', path: '/companies/scroll' });
  });

  it('normalizes a conversation into itself, its source and parts, and attachments that know their conversation', () => {
    const conv = {
      type: 'conversation', id: '77', created_at: 1_700_000_000, updated_at: 1_700_000_100, state: 'closed', open: false,
      source: { type: 'conversation', id: 's1', body: '<p>Hi</p>', author: { type: 'user', id: 'c1', name: 'C' },
        attachments: [{ type: 'upload', name: 'a.txt', url: 'https://downloads.intercomcdn.com/a.txt?sig=1', content_type: 'text/plain', filesize: 3 }] },
      contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: 'c1' }] },
      conversation_parts: { type: 'conversation_part.list', total_count: 1, conversation_parts: [
        { type: 'conversation_part', id: 'p1', part_type: 'comment', body: '<p>Yo</p>', created_at: 1_700_000_050, updated_at: 1_700_000_050,
          author: { type: 'admin', id: 'a1', name: 'A' }, attachments: [] },
      ] },
    };
    const batch = kindOf('conversations')!.normalize(conv, { appId: 'app', observedAt: '2026-01-01T00:00:00Z' });
    expect(batch.items.map((i) => `${i.itemType}:${i.item.id}`)).toEqual(['conversations:77', 'conversation_parts:77-source', 'conversation_parts:p1']);
    expect(batch.attachments).toHaveLength(1);
    expect(batch.attachments[0]).toMatchObject({ id: 'part-77-source-att-0', grand_parent_id: '77' });
  });
});
