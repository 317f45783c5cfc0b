/**
 * The generated workspace: base objects derived on demand from (seed, kind, index), with the
 * mutation overlay (created, patched, deleted objects) applied on top. Only small indexes and the
 * overlay are held in memory.
 */
import { signAll } from './attachments';
import { conversationAttributes, dataAttributes } from './attributes';
import { companyId, companyTagIndexes, generateCompany } from './companies';
import { contactCompanyIndexes, contactId, type ContactRecord, generateContact } from './contacts';
import type { Context } from './context';
import { type ConversationOverlay, ConversationFactory, type Customer, PART_LIMIT } from './conversations';
import { URL_LIFETIME_SECONDS } from './files';
import { articleId, articleStatistics, EDGE_ARTICLE, collectionCount, generateArticle, generateCollection, generateHelpCenters } from './helpcenter';
import { generatePeople, type People } from './people';
import { Rng } from './random';
import { type ConversationSkeleton, conversationIndexOf, generatedConversationCount, generateSkeleton, initiallyDeletedIndexes } from './skeleton';
import type { ConversationIndexEntry, DeletedConversation, FileResult, JsonObject } from './types';

const PREVIEW_LIMIT = 10;

/** Overlay of one object family: created objects, patches and deletions, by id. */
class Overlay<T> {
  readonly created = new Map<string, T>();
  readonly createdOrder: string[] = [];
  readonly patches = new Map<string, JsonObject>();
  readonly deleted = new Set<string>();

  add(id: string, value: T): void {
    this.created.set(id, value);
    this.createdOrder.push(id);
  }
}

/** A bounded memo: cleared when full, so memory stays flat on huge workspaces. */
class Memo<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}
  get(key: K, make: () => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      value = make();
      this.map.set(key, value);
    }
    return value;
  }
  clear(): void {
    this.map.clear();
  }
}

export class WorkspaceCore {
  clock: number;
  readonly people: People;
  readonly factory: ConversationFactory;

  readonly contactsOverlay = new Overlay<ContactRecord>();
  /** Tags added to contacts by mutations. */
  readonly contactAddedTags = new Map<string, string[]>();
  readonly companiesOverlay = new Overlay<JsonObject>();
  readonly tagsOverlay = new Overlay<JsonObject>();
  readonly articlesOverlay = new Overlay<JsonObject>();
  readonly conversationOverlays = new Map<string, ConversationOverlay>();
  readonly deleted = new Map<string, DeletedConversation>();

  private skeletonList?: ConversationSkeleton[];
  private baseContactIds?: string[];
  private baseCompanyIds?: string[];
  private indexCache?: ConversationIndexEntry[];
  private contactIndexById?: Map<string, number>;
  private companyIndexById?: Map<string, number>;
  private companyMembers?: Map<string, string[]>;
  private readonly contactMemo = new Memo<number, ContactRecord>(4000);
  private readonly customerMemo = new Memo<number, Customer>(200_000);

  constructor(readonly ctx: Context) {
    this.clock = ctx.start;
    this.people = generatePeople(ctx);
    this.factory = new ConversationFactory({
      ctx,
      people: this.people,
      customerByIndex: (i) => this.customerMemo.get(i, () => customerOf(this.baseContact(i))),
      customerById: (id) => {
        const index = this.contactIndex(id);
        if (index !== undefined) return customerOf(this.baseContact(index));
        const created = this.contactsOverlay.created.get(id);
        return created ? customerOf(created) : undefined;
      },
      liveTag: (id) => this.tag(id),
      contactCount: () => ctx.size.contacts,
    });
    for (const index of initiallyDeletedIndexes(ctx)) {
      const skel = this.skeletons()[index];
      const r = new Rng(ctx.seed, 'deleted-at', index);
      this.deleted.set(skel.id, {
        id: skel.id,
        deleted_at: Math.min(ctx.start - 60, skel.updated_at + r.int(60, 30 * 86_400)),
        metrics_retained: r.chance(0.5),
      });
    }
  }

  // ----- clock -----

  /** Advances the clock by a small step for a mutation and returns the new time. */
  tick(seconds = 5): number {
    this.clock += seconds;
    return this.clock;
  }

  // ----- admins, teams, tags -----

  admins(): JsonObject[] {
    return structuredClone(this.people.admins);
  }

  admin(id: string): JsonObject | undefined {
    const a = this.people.admins.find((x) => x.id === id);
    return a && structuredClone(a);
  }

  teams(): JsonObject[] {
    return structuredClone(this.people.teams);
  }

  team(id: string): JsonObject | undefined {
    const t = this.people.teams.find((x) => x.id === id);
    return t && structuredClone(t);
  }

  tags(): JsonObject[] {
    const base = this.people.tags.filter((t) => !this.tagsOverlay.deleted.has(String(t.id)));
    const created = this.tagsOverlay.createdOrder.filter((id) => !this.tagsOverlay.deleted.has(id)).map((id) => this.tagsOverlay.created.get(id)!);
    return structuredClone([...base, ...created]);
  }

  tag(id: string): JsonObject | undefined {
    if (this.tagsOverlay.deleted.has(id)) return undefined;
    const t = this.people.tags.find((x) => x.id === id) ?? this.tagsOverlay.created.get(id);
    return t && structuredClone(t);
  }

  // ----- companies -----

  companyIds(): string[] {
    this.baseCompanyIds ??= Array.from({ length: this.ctx.size.companies }, (_, i) => companyId(this.ctx, i));
    const base = this.baseCompanyIds;
    return [...base, ...this.companiesOverlay.createdOrder].filter((id) => !this.companiesOverlay.deleted.has(id));
  }

  companyIndex(id: string): number | undefined {
    if (!this.companyIndexById) {
      this.companyIds();
      this.companyIndexById = new Map(this.baseCompanyIds!.map((id, i) => [id, i]));
    }
    return this.companyIndexById.get(id);
  }

  companyExists(id: string): boolean {
    return !this.companiesOverlay.deleted.has(id) && (this.companyIndex(id) !== undefined || this.companiesOverlay.created.has(id));
  }

  company(id: string): JsonObject | undefined {
    if (!this.companyExists(id)) return undefined;
    const index = this.companyIndex(id);
    const company = index !== undefined ? generateCompany(this.ctx, index) : structuredClone(this.companiesOverlay.created.get(id)!);
    if (index !== undefined) {
      const tags = companyTagIndexes(this.ctx, index).map((t) => this.tag(String(this.ctx.ids.tag + t))).filter((t): t is JsonObject => !!t);
      company.tags = { type: 'tag.list', tags };
    }
    mergePatch(company, this.companiesOverlay.patches.get(id));
    company.user_count = this.companyContactIds(id).length;
    return company;
  }

  companyContactIds(id: string): string[] {
    if (!this.companyMembers) {
      const members = new Map<string, string[]>();
      const link = (contact: string, companyIndexes: number[]) => {
        for (const c of companyIndexes) {
          const cid = companyId(this.ctx, c);
          members.set(cid, [...(members.get(cid) ?? []), contact]);
        }
      };
      for (let i = 0; i < this.ctx.size.contacts; i++) link(contactId(this.ctx, i), contactCompanyIndexes(this.ctx, i));
      for (const cid of this.contactsOverlay.createdOrder) link(cid, this.contactsOverlay.created.get(cid)!.companyIndexes);
      this.companyMembers = members;
    }
    if (!this.companyExists(id)) return [];
    return (this.companyMembers.get(id) ?? []).filter((c) => !this.contactsOverlay.deleted.has(c));
  }

  /** Forget derived indexes after a contact/company mutation. */
  invalidateMembers(): void {
    this.companyMembers = undefined;
  }

  // ----- contacts -----

  contactIds(): string[] {
    this.baseContactIds ??= Array.from({ length: this.ctx.size.contacts }, (_, i) => contactId(this.ctx, i));
    const base = this.baseContactIds;
    return [...base, ...this.contactsOverlay.createdOrder].filter((id) => !this.contactsOverlay.deleted.has(id));
  }

  contactIndex(id: string): number | undefined {
    if (!this.contactIndexById) {
      this.contactIds();
      this.contactIndexById = new Map(this.baseContactIds!.map((id, i) => [id, i]));
    }
    return this.contactIndexById.get(id);
  }

  baseContact(index: number): ContactRecord {
    return this.contactMemo.get(index, () => generateContact(this.ctx, index));
  }

  contactExists(id: string): boolean {
    return !this.contactsOverlay.deleted.has(id) && (this.contactIndex(id) !== undefined || this.contactsOverlay.created.has(id));
  }

  private contactRecord(id: string): ContactRecord | undefined {
    if (!this.contactExists(id)) return undefined;
    const index = this.contactIndex(id);
    return index !== undefined ? this.baseContact(index) : this.contactsOverlay.created.get(id);
  }

  contactTagIds(id: string): string[] {
    const record = this.contactRecord(id);
    if (!record) return [];
    const ids = [...record.tagIndexes.map((t) => String(this.ctx.ids.tag + t)), ...(this.contactAddedTags.get(id) ?? [])];
    return [...new Set(ids)].filter((t) => this.tag(t) !== undefined);
  }

  contactCompanyIds(id: string): string[] {
    const record = this.contactRecord(id);
    if (!record) return [];
    return record.companyIndexes.map((c) => companyId(this.ctx, c)).filter((c) => this.companyExists(c));
  }

  contact(id: string): JsonObject | undefined {
    const record = this.contactRecord(id);
    if (!record) return undefined;
    const contact = structuredClone(record.object);
    mergePatch(contact, this.contactsOverlay.patches.get(id));
    const tags = this.contactTagIds(id);
    const companies = this.contactCompanyIds(id);
    contact.tags = preview(tags.map((t) => ({ type: 'tag', id: t, url: `/tags/${t}` })), `/contacts/${id}/tags`);
    contact.notes = preview([], `/contacts/${id}/notes`);
    contact.companies = preview(companies.map((c) => ({ type: 'company', id: c, url: `/companies/${c}` })), `/contacts/${id}/companies`);
    return contact;
  }

  contactTags(id: string): JsonObject[] {
    return this.contactTagIds(id).map((t) => this.tag(t)!);
  }

  contactCompanies(id: string): JsonObject[] {
    return this.contactCompanyIds(id).map((c) => this.company(c)!);
  }

  // ----- conversations -----

  skeletons(): ConversationSkeleton[] {
    if (!this.skeletonList) {
      this.skeletonList = Array.from({ length: generatedConversationCount(this.ctx) }, (_, i) => generateSkeleton(this.ctx, i));
    }
    return this.skeletonList;
  }

  /** The skeleton of a live (not deleted) conversation. */
  liveSkeleton(id: string): ConversationSkeleton | undefined {
    const index = conversationIndexOf(this.ctx, id);
    if (index === undefined || this.deleted.has(id)) return undefined;
    const skel = this.skeletons()[index];
    return skel && skel.id === id ? skel : undefined;
  }

  overlay(id: string): ConversationOverlay | undefined {
    return this.conversationOverlays.get(id);
  }

  invalidateIndex(): void {
    this.indexCache = undefined;
  }

  conversationIndex(): ConversationIndexEntry[] {
    if (!this.indexCache) {
      const out: ConversationIndexEntry[] = [];
      for (const s of this.skeletons()) {
        if (this.deleted.has(s.id)) continue;
        const o = this.conversationOverlays.get(s.id);
        out.push({ id: s.id, created_at: s.created_at, updated_at: Math.max(s.updated_at, o?.updatedAt ?? 0), state: o?.state ?? s.state });
      }
      this.indexCache = out;
    }
    return this.indexCache.map((e) => ({ ...e }));
  }

  /** The conversation as handed out (signed URLs, ≤ 500 parts) plus the total part count. */
  conversation(id: string, withParts: boolean): JsonObject | undefined {
    const skel = this.liveSkeleton(id);
    if (!skel) return undefined;
    const { conversation, parts } = this.factory.build(skel, this.conversationOverlays.get(id), withParts);
    if (withParts) {
      const list = conversation.conversation_parts as JsonObject;
      list.conversation_parts = parts.slice(-PART_LIMIT);
    }
    return signAll(this.ctx, conversation, this.clock + URL_LIFETIME_SECONDS);
  }

  deletedConversations(): DeletedConversation[] {
    return [...this.deleted.values()].sort((a, b) => a.deleted_at - b.deleted_at || a.id.localeCompare(b.id)).map((d) => ({ ...d }));
  }

  // ----- data attributes, help center -----

  dataAttributes(model: 'contact' | 'company' | 'conversation'): JsonObject[] {
    const owner = String(this.people.admins[0]?.id ?? '0');
    return model === 'conversation' ? conversationAttributes(this.ctx, owner) : dataAttributes(this.ctx, model, owner);
  }

  helpCenters(): JsonObject[] {
    return generateHelpCenters(this.ctx);
  }

  collections(): JsonObject[] {
    return Array.from({ length: collectionCount(this.ctx) }, (_, i) => generateCollection(this.ctx, i));
  }

  collection(id: string): JsonObject | undefined {
    return this.collections().find((c) => c.id === id);
  }

  articleIndex(id: string): number | undefined {
    const index = Number(id) - this.ctx.ids.article;
    return /^\d+$/.test(id) && index >= 0 && index < this.ctx.size.articles ? index : undefined;
  }

  articleIds(): string[] {
    const base = Array.from({ length: this.ctx.size.articles }, (_, i) => articleId(this.ctx, i));
    return [...base, ...this.articlesOverlay.createdOrder].filter((id) => !this.articlesOverlay.deleted.has(id));
  }

  articleExists(id: string): boolean {
    return !this.articlesOverlay.deleted.has(id) && (this.articleIndex(id) !== undefined || this.articlesOverlay.created.has(id));
  }

  /** The article with unsigned URLs (used by mutations and truth); undefined if deleted or unknown. */
  rawArticle(id: string): JsonObject | undefined {
    if (!this.articleExists(id)) return undefined;
    const index = this.articleIndex(id);
    const authors = this.people.admins.map((a) => Number(a.id));
    // Edge case: an article written by an admin who has since been deleted.
    if (index === EDGE_ARTICLE.noParent && this.ctx.edgeCases && this.people.deletedAdminIds.length) authors.splice(0, authors.length, Number(this.people.deletedAdminIds[0]));
    const article = index !== undefined
      ? generateArticle(this.ctx, index, authors, this.people.tags, this.ctx.size.articles)
      : structuredClone(this.articlesOverlay.created.get(id)!);
    mergePatch(article, this.articlesOverlay.patches.get(id));
    const tagList = article.tags as { tags: JsonObject[] };
    tagList.tags = tagList.tags.filter((t) => this.tag(String(t.id)) !== undefined);
    return article;
  }

  article(id: string, withStatistics: boolean): JsonObject | undefined {
    const article = this.rawArticle(id);
    if (!article) return undefined;
    if (withStatistics) article.statistics = articleStatistics(this.ctx, this.articleIndex(id) ?? Number(id));
    return signAll(this.ctx, article, this.clock + URL_LIFETIME_SECONDS);
  }

  file(pathWithQuery: string, now: number): FileResult {
    return this.ctx.files.resolve(pathWithQuery, now);
  }
}

function customerOf(record: ContactRecord): Customer {
  const o = record.object;
  return {
    person: { type: o.role as 'user' | 'lead', id: String(o.id), name: (o.name as string | null) ?? null, email: (o.email as string) || null },
    externalId: (o.external_id as string | null) ?? null,
  };
}

function preview(items: JsonObject[], url: string): JsonObject {
  return { type: 'list', data: items.slice(0, PREVIEW_LIMIT), url, total_count: items.length, has_more: items.length > PREVIEW_LIMIT };
}

/** Shallow merge, except `custom_attributes`, which Intercom merges key by key. */
export function mergePatch(target: JsonObject, patch: JsonObject | undefined): void {
  if (!patch) return;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'custom_attributes' && value && typeof value === 'object') {
      target.custom_attributes = { ...(target.custom_attributes as JsonObject), ...(value as JsonObject) };
    } else {
      target[key] = structuredClone(value);
    }
  }
}
