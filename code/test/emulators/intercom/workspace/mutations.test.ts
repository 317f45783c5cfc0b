import { WorkspaceError, type JsonObject, type Workspace } from '../../../../src/emulators/intercom/workspace';
import { partsOf, requestPath, workspace } from './helpers';

type Obj = JsonObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const small = { conversations: 30, contacts: 30, companies: 15, articles: 8 };

function fresh(): Workspace {
  return workspace({ seed: 21, size: small });
}

function conv(w: Workspace, id: string): Obj {
  return w.conversation(id, { withParts: true }) as Obj;
}

function indexEntry(w: Workspace, id: string) {
  return w.conversationIndex().find((e) => e.id === id);
}

describe('workspace mutations', () => {
  it('advances the clock, and every mutation moves it forward', () => {
    const w = fresh();
    const t0 = w.now();
    w.mutate.advance(100);
    expect(w.now()).toBe(t0 + 100);
    w.mutate.createTag('fresh tag');
    expect(w.now()).toBeGreaterThan(t0 + 100);
    expect(() => w.mutate.advance(-1)).toThrow(/clock/);
  });

  it('adds parts: updated_at bumps, total grows, customer replies reopen, attachments are served', () => {
    const w = fresh();
    const closed = w.conversationIndex().find((e) => e.state === 'closed')!;
    const before = conv(w, closed.id);
    w.mutate.advance(60);
    const partId = w.mutate.addPart(closed.id, { withAttachment: true });
    const after = conv(w, closed.id);
    expect(after.updated_at).toBe(w.now());
    expect(after.updated_at).toBeGreaterThan(before.updated_at);
    expect(after.conversation_parts.total_count).toBe(before.conversation_parts.total_count + 1);
    const part = partsOf(after).at(-1) as Obj;
    expect(part.id).toBe(partId);
    expect(part.part_type).toBe('comment');
    expect(['user', 'lead']).toContain(part.author.type);
    expect(after.state).toBe('open');
    expect(indexEntry(w, closed.id)).toEqual({ id: closed.id, created_at: closed.created_at, updated_at: after.updated_at, state: 'open' });
    expect(w.file(requestPath(part.attachments[0].url)).status).toBe('ok');
    expect(w.truth.conversations({ allConversations: true }).find((t) => t.id === closed.id)!.partIds.at(-1)).toBe(partId);

    const noteId = w.mutate.addPart(closed.id, { partType: 'note', adminId: String(w.admins()[1].id) });
    const note = partsOf(conv(w, closed.id)).at(-1) as Obj;
    expect(note.id).toBe(noteId);
    expect(note.author).toMatchObject({ type: 'admin', id: w.admins()[1].id });
    expect(() => w.mutate.addPart('999', {})).toThrow(WorkspaceError);
    expect(() => w.mutate.addPart(closed.id, { partType: 'note', adminId: 'nobody' })).toThrow(/admin "nobody" not found/);
  });

  it('keeps the 500 most recent parts when a long conversation grows', () => {
    const w = fresh();
    const long = w.conversationIndex().find((e) => (conv(w, e.id).conversation_parts.total_count as number) > 500)!;
    const before = conv(w, long.id);
    const newId = w.mutate.addPart(long.id, { partType: 'comment' });
    const after = conv(w, long.id);
    expect(partsOf(after)).toHaveLength(500);
    expect(after.conversation_parts.total_count).toBe(before.conversation_parts.total_count + 1);
    expect(partsOf(after)[0].id).toBe(partsOf(before)[1].id);
    expect(partsOf(after)[499].id).toBe(newId);
  });

  it('closes, reopens and snoozes with the matching parts and states', () => {
    const w = fresh();
    const open = w.conversationIndex().find((e) => e.state === 'open')!;
    w.mutate.close(open.id);
    let c = conv(w, open.id);
    expect([c.state, c.open, partsOf(c).at(-1)!.part_type, partsOf(c).at(-1)!.body]).toEqual(['closed', false, 'close', null]);
    expect(w.truth.ids('conversations')).toContain(open.id);
    w.mutate.reopen(open.id);
    c = conv(w, open.id);
    expect([c.state, c.open, partsOf(c).at(-1)!.part_type]).toEqual(['open', true, 'open']);
    const until = w.now() + 7200;
    w.mutate.snooze(open.id, until);
    c = conv(w, open.id);
    expect([c.state, c.snoozed_until, partsOf(c).at(-1)!.part_type]).toEqual(['snoozed', until, 'snoozed']);
    expect(indexEntry(w, open.id)!.state).toBe('snoozed');
  });

  it('deletes conversations: listed as deleted, gone from the index and from retrieval', () => {
    const w = fresh();
    const victim = w.conversationIndex()[3].id;
    const deletedBefore = w.deletedConversations().length;
    w.mutate.deleteConversation(victim);
    expect(w.conversation(victim, { withParts: false })).toBeUndefined();
    expect(w.conversationIndex().some((e) => e.id === victim)).toBe(false);
    const d = w.deletedConversations();
    expect(d).toHaveLength(deletedBefore + 1);
    expect(d.at(-1)).toEqual({ id: victim, deleted_at: w.now(), metrics_retained: false });
    expect(w.truth.deletedConversationIds()).toContain(victim);
    expect(() => w.mutate.deleteConversation(victim)).toThrow(/not found/);
  });

  it('creates conversations for a contact, with parts, fetchable and in the index', () => {
    const w = fresh();
    const contactId = w.contactIds()[4];
    const id = w.mutate.createConversation({ contactId, parts: 3, state: 'closed', withAttachment: true });
    const c = conv(w, id);
    expect(c.created_at).toBeLessThanOrEqual(w.now());
    expect(c.contacts.contacts[0].id).toBe(contactId);
    expect(c.source.author.id).toBe(contactId);
    expect(c.conversation_parts.total_count).toBe(3);
    expect(c.state).toBe('closed');
    expect(c.source.attachments.length).toBeGreaterThan(0);
    expect(w.conversationIndex().at(-1)!.id).toBe(id);
    expect(() => w.mutate.createConversation({ contactId: 'nope' })).toThrow(/contact "nope" not found/);
  });

  it('redacts parts and sources', () => {
    const w = fresh();
    const hasComment = (x: Obj) => partsOf(x).some((p) => p.part_type === 'comment' && !p.redacted);
    const id = w.conversationIndex().map((e) => e.id).find((x) => hasComment(conv(w, x)))!;
    const c = conv(w, id);
    const comment = partsOf(c).find((p) => p.part_type === 'comment' && !p.redacted)!;
    w.mutate.redactPart(id, String(comment.id));
    const redacted = partsOf(conv(w, id)).find((p) => p.id === comment.id) as Obj;
    expect([redacted.redacted, redacted.attachments]).toEqual([true, []]);
    expect(redacted.body).not.toBe(comment.body);
    expect(conv(w, id).updated_at).toBe(w.now());
    w.mutate.redactPart(id, String(c.source.id));
    expect(conv(w, id).source.redacted).toBe(true);
    expect(() => w.mutate.redactPart(id, '12')).toThrow(/not found/);
  });

  it('creates, updates and deletes contacts', () => {
    const w = fresh();
    const id = w.mutate.createContact({ role: 'lead', email: null, name: null });
    const created = w.contact(id) as Obj;
    expect([created.role, created.email, created.name, created.created_at]).toEqual(['lead', '', null, w.now()]);
    expect(w.contactIds().at(-1)).toBe(id);

    const target = w.contactIds()[2];
    const before = w.contact(target) as Obj;
    w.mutate.advance(10);
    w.mutate.updateContact(target, { name: 'Renamed Person', custom_attributes: { seats: 7 } });
    const after = w.contact(target) as Obj;
    expect(after.name).toBe('Renamed Person');
    expect(after.updated_at).toBe(w.now());
    expect(after.custom_attributes).toEqual({ ...before.custom_attributes, seats: 7 });
    expect(() => w.mutate.updateContact(target, { id: 'other' })).toThrow(/field "id" cannot be changed/);

    const companies = w.contactCompanies(target).map((c) => String(c.id));
    w.mutate.deleteContact(target);
    expect(w.contact(target)).toBeUndefined();
    expect(w.contactIds()).not.toContain(target);
    for (const company of companies) expect(w.companyContactIds(company)).not.toContain(target);
    expect(() => w.mutate.updateContact(target, {})).toThrow(WorkspaceError);
  });

  it('tags contacts and conversations, and deleted tags disappear everywhere', () => {
    const w = fresh();
    const tagId = w.mutate.createTag('Escalated 🚨');
    expect(w.mutate.createTag('Escalated 🚨')).toBe(tagId);
    const contact = w.contactIds()[3];
    const contactBefore = w.contact(contact) as Obj;
    expect(w.mutate.tagContact(contact, tagId)).toMatchObject({ type: 'tag', id: tagId, name: 'Escalated 🚨' });
    const tagged = w.contact(contact) as Obj;
    expect(tagged.tags.total_count).toBe(contactBefore.tags.total_count + 1);
    expect(tagged.updated_at).toBeGreaterThan(contactBefore.updated_at);

    const conversation = w.conversationIndex()[2].id;
    const admin = String(w.admins()[0].id);
    w.mutate.tagConversation(conversation, tagId, admin);
    const c = conv(w, conversation);
    expect(c.tags.tags.at(-1)).toEqual({ type: 'tag', id: tagId, name: 'Escalated 🚨', applied_at: w.now(), applied_by: { type: 'admin', id: admin } });
    expect(c.updated_at).toBe(w.now());
    expect(w.truth.conversations({ allConversations: true }).find((t) => t.id === conversation)!.tagIds).toContain(tagId);

    w.mutate.deleteTag(tagId);
    expect(w.tag(tagId)).toBeUndefined();
    expect(w.tags().some((t) => t.id === tagId)).toBe(false);
    expect(w.contactTags(contact).some((t) => t.id === tagId)).toBe(false);
    expect(conv(w, conversation).tags.tags.some((t: Obj) => t.id === tagId)).toBe(false);
    expect(() => w.mutate.tagContact(contact, tagId)).toThrow(/tag .* not found/);
    expect(() => w.mutate.createTag('')).toThrow(/non-empty/);
  });

  it('creates, updates and deletes companies', () => {
    const w = fresh();
    const id = w.mutate.createCompany({ name: 'New Co' });
    expect(w.company(id)).toMatchObject({ id, name: 'New Co', created_at: w.now(), user_count: 0 });
    const target = w.companyIds()[1];
    w.mutate.updateCompany(target, { monthly_spend: 1234, custom_attributes: { tier: 'pro' } });
    expect(w.company(target)).toMatchObject({ monthly_spend: 1234, updated_at: w.now() });
    expect((w.company(target)!.custom_attributes as Obj).tier).toBe('pro');
    const members = w.companyContactIds(target);
    w.mutate.deleteCompany(target);
    expect(w.company(target)).toBeUndefined();
    expect(w.companyIds()).not.toContain(target);
    for (const contact of members) {
      expect(w.contactCompanies(contact).some((c) => c.id === target)).toBe(false);
      expect(((w.contact(contact) as Obj).companies.data as Obj[]).some((c) => c.id === target)).toBe(false);
    }
  });

  it('creates, updates and deletes articles', () => {
    const w = fresh();
    const draft = w.mutate.createArticle({ title: 'Brand new draft', state: 'draft' });
    expect(w.article(draft, { withStatistics: false })).toMatchObject({ id: draft, title: 'Brand new draft', state: 'draft', url: null, created_at: w.now() });
    const published = w.mutate.createArticle({ title: 'Published one', parentIds: [Number(w.collections()[0].id)] });
    const p = w.article(published, { withStatistics: true }) as Obj;
    expect(p.url).toMatch(new RegExp(`/articles/${published}-published-one$`));
    expect(p.parent_ids).toEqual([Number(w.collections()[0].id)]);
    const target = w.articleIds()[0];
    w.mutate.updateArticle(target, { title: 'Edited title' });
    expect(w.article(target, { withStatistics: false })).toMatchObject({ title: 'Edited title', updated_at: w.now() });
    w.mutate.deleteArticle(target);
    expect(w.article(target, { withStatistics: false })).toBeUndefined();
    expect(w.truth.ids('articles')).not.toContain(target);
  });

  it('replies to conversations as an admin (reverse sync)', () => {
    const w = fresh();
    const id = w.conversationIndex()[6].id;
    const admin = String(w.admins()[2].id);
    const result = w.mutate.replyToConversation(id, { adminId: admin, messageType: 'note', body: '<p>Internal: synced from DevRev</p>' }) as Obj;
    const last = partsOf(result).at(-1) as Obj;
    expect(last).toMatchObject({ part_type: 'note', body: '<p>Internal: synced from DevRev</p>', author: { type: 'admin', id: admin } });
    expect(result).toEqual(conv(w, id));
    expect(() => w.mutate.replyToConversation(id, { adminId: admin, messageType: 'shout' as never, body: 'x' })).toThrow(/message_type/);
  });

  it('applies random changes whose summary matches the workspace', () => {
    const w = fresh();
    const before = new Map(w.conversationIndex().map((e) => [e.id, e.updated_at]));
    const contactsBefore = new Map(w.contactIds().map((id) => [id, (w.contact(id) as Obj).updated_at as number]));
    const start = w.now();
    const summary = w.mutate.applyRandomChanges({ seed: 4, count: 60 });
    const total = Object.values(summary).reduce((n, s) => n + s.created.length + s.updated.length + s.deleted.length, 0);
    expect(total).toBeGreaterThan(20);
    const index = new Map(w.conversationIndex().map((e) => [e.id, e]));
    for (const id of summary.conversations.created) {
      expect(before.has(id)).toBe(false);
      expect(index.get(id)!.created_at).toBeGreaterThan(start);
    }
    for (const id of summary.conversations.updated) expect(index.get(id)!.updated_at).toBeGreaterThan(start);
    for (const id of summary.conversations.deleted) {
      expect(index.has(id)).toBe(false);
      expect(w.deletedConversations().some((d) => d.id === id && d.deleted_at > start)).toBe(true);
    }
    for (const [id, e] of index) if (before.has(id) && !summary.conversations.updated.includes(id)) expect(e.updated_at).toBe(before.get(id));
    for (const id of summary.contacts.updated) expect((w.contact(id) as Obj).updated_at).toBeGreaterThan(contactsBefore.get(id)!);
    for (const id of summary.contacts.created) expect(w.contact(id)).toBeDefined();
    for (const id of summary.contacts.deleted) expect(w.contact(id)).toBeUndefined();
    for (const id of summary.companies.created) expect(w.company(id)).toBeDefined();
    for (const id of summary.companies.deleted) expect(w.company(id)).toBeUndefined();
    for (const id of summary.tags.created) expect(w.tag(id)).toBeDefined();
    for (const id of summary.tags.deleted) expect(w.tag(id)).toBeUndefined();
    for (const id of summary.articles.created) expect(w.article(id, { withStatistics: false })).toBeDefined();
    for (const id of summary.articles.deleted) expect(w.article(id, { withStatistics: false })).toBeUndefined();
    for (const id of summary.articles.updated) expect((w.article(id, { withStatistics: false }) as Obj).updated_at).toBeGreaterThan(start);

    // Same seed on the same starting workspace, same changes.
    const again = fresh().mutate.applyRandomChanges({ seed: 4, count: 60 });
    expect(again).toEqual(summary);
  });
});
