/**
 * Workspace changes. Each advances the emulated clock a little and bumps `updated_at` the way
 * Intercom does, so that incremental syncs have something to find.
 */
import { generateCompany } from './companies';
import { generateContact } from './contacts';
import { stateAfter } from './conversation-parts';
import { type ConversationOverlay, emptyOverlay } from './conversations';
import { invalid, notFound } from './errors';
import { articleId, generateArticle, slug } from './helpcenter';
import type { Person } from './people';
import { applyRandomChanges } from './random-changes';
import { conversationId } from './skeleton';
import type { ConversationState, JsonObject, Mutations, NewConversationOptions, TicketMutationName } from './types';
import type { WorkspaceCore } from './workspace';

export function createMutations(ws: WorkspaceCore): Omit<Mutations, TicketMutationName> {
  const ctx = ws.ctx;

  const liveConversation = (id: string) => {
    const skel = ws.conversations.liveSkeleton(id);
    if (!skel) throw notFound('conversation', id);
    let overlay = ws.conversations.conversationOverlays.get(id);
    if (!overlay) {
      overlay = emptyOverlay();
      ws.conversations.conversationOverlays.set(id, overlay);
    }
    return { skel, overlay };
  };

  const currentState = (id: string): ConversationState => ws.conversations.conversationOverlays.get(id)?.state ?? ws.conversations.liveSkeleton(id)!.state;

  const adminPerson = (adminId: string | undefined): Person => {
    const admins = ws.people.admins;
    if (adminId === undefined && admins.length === 0) return ws.people.bots[0]; // a workspace without admins: workflows act
    const admin = adminId === undefined ? admins[0] : admins.find((a) => a.id === adminId);
    if (!admin) throw notFound('admin', adminId ?? '(none)');
    return { type: 'admin', id: String(admin.id), name: String(admin.name), email: String(admin.email) };
  };

  const touch = (overlay: ConversationOverlay, at: number) => {
    overlay.updatedAt = at;
    ws.conversations.invalidateIndex();
  };

  const addPart = (id: string, o: { partType?: string; withAttachment?: boolean; adminId?: string; body?: string; author?: Person } = {}): string => {
    const { skel, overlay } = liveConversation(id);
    const partType = o.partType ?? 'comment';
    if (!/^[a-z_0-9]+$/.test(partType)) throw invalid('part_type', partType, 'must be lower_snake_case');
    const isCustomerComment = partType === 'comment' && o.adminId === undefined && !o.author;
    const author = o.author ?? (isCustomerComment ? undefined : adminPerson(o.adminId));
    const at = ws.tick();
    const before = currentState(id);
    const plan = ws.conversations.factory.plan(skel);
    const state = stateAfter(partType, author ?? plan.customers[0].person, before);
    const part = ws.conversations.factory.newPart(skel, skel.partCount + overlay.extraParts.length, at, { partType, author, body: o.body, withAttachment: o.withAttachment, state });
    overlay.extraParts.push(part);
    overlay.state = state;
    if (state !== 'snoozed') overlay.snoozedUntil = null;
    touch(overlay, at);
    return String(part.id);
  };

  const m: Omit<Mutations, TicketMutationName> = {
    advance(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0) throw invalid('clock', String(seconds), 'can only move forward by a finite number of seconds');
      ws.tick(Math.floor(seconds));
    },

    createConversation(o: NewConversationOptions = {}) {
      if (o.contactId !== undefined && !ws.contacts.contactExists(o.contactId)) throw notFound('contact', o.contactId);
      const skeletons = ws.conversations.skeletons();
      const index = skeletons.length;
      const createdAt = ws.tick();
      const parts = o.parts ?? 0;
      if (!Number.isInteger(parts) || parts < 0 || parts > 5000) throw invalid('conversation', '(new)', `parts must be an integer in [0, 5000], got ${parts}`);
      const state = o.state ?? 'open';
      skeletons.push({
        index,
        id: conversationId(ctx, index),
        created_at: createdAt,
        updated_at: createdAt + parts,
        state,
        partCount: state !== 'open' && parts === 0 ? 1 : parts,
        contactId: o.contactId ?? ws.contacts.contactIds()[0],
        withAttachment: o.withAttachment,
      });
      const skel = skeletons[index];
      skel.updated_at = createdAt + skel.partCount;
      ws.tick(skel.partCount);
      ws.conversations.invalidateIndex();
      return skel.id;
    },

    addPart: (id, o) => addPart(id, o),
    close: (id) => void addPart(id, { partType: 'close' }),
    reopen: (id) => void addPart(id, { partType: 'open' }),
    snooze(id, untilUnix) {
      addPart(id, { partType: 'snoozed' });
      ws.conversations.conversationOverlays.get(id)!.snoozedUntil = untilUnix ?? ws.clock + 86_400;
    },

    deleteConversation(id) {
      liveConversation(id);
      const at = ws.tick();
      ws.conversations.deleted.set(id, { id, deleted_at: at, metrics_retained: false });
      ws.conversations.invalidateIndex();
    },

    redactPart(conversationId_, partId) {
      const { overlay } = liveConversation(conversationId_);
      const c = ws.conversations.conversation(conversationId_, true)!;
      const sourceId = String((c.source as JsonObject).id);
      const total = Number((c.conversation_parts as JsonObject).total_count);
      const skel = ws.conversations.liveSkeleton(conversationId_)!;
      const first = Number(ctx.ids.partId(skel.index, 0));
      const isPart = /^\d+$/.test(partId) && Number(partId) >= first && Number(partId) < first + total;
      if (partId !== sourceId && !isPart) throw notFound('conversation_part', partId);
      const at = ws.tick();
      overlay.redacted.set(partId, at);
      touch(overlay, at);
    },

    createContact(o = {}) {
      const index = ctx.size.contacts + ws.contacts.contactsOverlay.createdOrder.length;
      const record = generateContact(ctx, index);
      const at = ws.tick();
      const obj = record.object;
      obj.id = ctx.ids.hex('contact', index);
      if (o.role) {
        obj.role = o.role;
        obj.external_id = o.role === 'user' ? `usr_${index + 1}` : null;
      }
      if (o.email !== undefined) {
        obj.email = o.email ?? '';
        obj.email_domain = o.email?.includes('@') ? o.email.split('@')[1] : '';
      }
      if (o.name !== undefined) obj.name = o.name;
      Object.assign(obj, { created_at: at, updated_at: at, signed_up_at: obj.role === 'user' ? at : null, last_seen_at: at });
      ws.contacts.contactsOverlay.add(String(obj.id), record);
      ws.contacts.invalidateMembers();
      return String(obj.id);
    },

    updateContact(id, patch) {
      if (!ws.contacts.contactExists(id)) throw notFound('contact', id);
      const at = ws.tick();
      ws.contacts.contactsOverlay.patch('contact', id, patch, at);
    },

    deleteContact(id) {
      if (!ws.contacts.contactExists(id)) throw notFound('contact', id);
      ws.tick();
      ws.contacts.contactsOverlay.deleted.add(id);
    },

    createCompany(o = {}) {
      const index = ctx.size.companies + ws.contacts.companiesOverlay.createdOrder.length;
      const company = generateCompany(ctx, index);
      const at = ws.tick();
      Object.assign(company, { created_at: at, updated_at: at, remote_created_at: at, last_request_at: at });
      if (o.name !== undefined) company.name = o.name;
      ws.contacts.companiesOverlay.add(String(company.id), company);
      return String(company.id);
    },

    updateCompany(id, patch) {
      if (!ws.contacts.companyExists(id)) throw notFound('company', id);
      const at = ws.tick();
      ws.contacts.companiesOverlay.patch('company', id, patch, at);
    },

    deleteCompany(id) {
      if (!ws.contacts.companyExists(id)) throw notFound('company', id);
      ws.tick();
      ws.contacts.companiesOverlay.deleted.add(id);
    },

    createTag(name) {
      if (typeof name !== 'string' || name.trim() === '') throw invalid('tag', String(name), 'name must be a non-empty string');
      const existing = ws.directory.tags().find((t) => t.name === name);
      if (existing) return String(existing.id); // Intercom's create is an upsert by name
      ws.tick();
      const id = String(ctx.ids.tag + ctx.size.tags + ws.directory.tagsOverlay.createdOrder.length);
      ws.directory.tagsOverlay.add(id, { type: 'tag', id, name });
      return id;
    },

    deleteTag(id) {
      if (!ws.directory.tag(id)) throw notFound('tag', id);
      ws.tick();
      ws.directory.tagsOverlay.deleted.add(id);
    },

    createArticle(o = {}) {
      const index = ctx.size.articles + ws.helpCenter.articles.createdOrder.length;
      const authors = ws.people.admins.map((a) => Number(a.id));
      const article = generateArticle(ctx, index, authors, ws.directory.tags(), ctx.size.articles);
      const at = ws.tick();
      const state = o.state ?? 'published';
      const title = o.title ?? String(article.title);
      Object.assign(article, { id: articleId(ctx, index), title, state, created_at: at, updated_at: at });
      article.url = state === 'published' ? `https://intercom.help/acme-${ctx.appId}/en/articles/${article.id}-${slug(title)}` : null;
      if (o.parentIds) article.parent_ids = [...o.parentIds];
      const en = (article.translated_content as JsonObject).en as JsonObject;
      Object.assign(en, { title, state, created_at: at, updated_at: at });
      if (article.url) en.url = article.url;
      else delete en.url;
      ws.helpCenter.articles.add(String(article.id), article);
      return String(article.id);
    },

    updateArticle(id, patch) {
      if (!ws.helpCenter.articles.exists(id)) throw notFound('article', id);
      const at = ws.tick();
      ws.helpCenter.articles.patch('article', id, patch, at);
    },

    deleteArticle(id) {
      if (!ws.helpCenter.articles.exists(id)) throw notFound('article', id);
      ws.tick();
      ws.helpCenter.articles.deleted.add(id);
    },

    replyToConversation(id, o) {
      if (o.messageType !== 'comment' && o.messageType !== 'note') throw invalid('message_type', String(o.messageType), 'must be comment or note');
      if (typeof o.body !== 'string' || o.body === '') throw invalid('conversation', id, 'reply body must be a non-empty string');
      addPart(id, { partType: o.messageType, adminId: o.adminId, body: o.body, author: adminPerson(o.adminId) });
      return ws.conversations.conversation(id, true)!;
    },

    tagConversation(id, tagId, adminId) {
      const { overlay } = liveConversation(id);
      const tag = ws.directory.tag(tagId);
      if (!tag) throw notFound('tag', tagId);
      adminPerson(adminId);
      const at = ws.tick();
      overlay.tags.push({ tagId, appliedAt: at, adminId });
      touch(overlay, at);
      return tag;
    },

    tagContact(id, tagId) {
      if (!ws.contacts.contactExists(id)) throw notFound('contact', id);
      const tag = ws.directory.tag(tagId);
      if (!tag) throw notFound('tag', tagId);
      const at = ws.tick();
      ws.contacts.contactAddedTags.set(id, [...(ws.contacts.contactAddedTags.get(id) ?? []), tagId]);
      ws.contacts.contactsOverlay.touch(id, at);
      return tag;
    },

    applyRandomChanges: (o) => applyRandomChanges(ws, m, currentState, o),
  };
  return m;
}
