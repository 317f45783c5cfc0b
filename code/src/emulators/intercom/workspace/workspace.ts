/**
 * The generated workspace: base objects derived on demand from (seed, kind, index), with the
 * mutation overlay (created, patched, deleted objects) applied on top. Only small indexes and the
 * overlay are held in memory.
 */
import { signAll } from './attachments';
import { conversationAttributes, dataAttributes } from './attributes';
import { companyId, companyTagIndexes, generateCompany } from './companies';
import { contactCompanyIndexes, contactId, type ContactRecord, customerOf, generateContact } from './contacts';
import { KindCollection, Memo, mergePatch } from './collection';
import type { Context } from './context';
import { type ConversationOverlay, ConversationFactory, type Customer, PART_LIMIT } from './conversations';
import { URL_LIFETIME_SECONDS } from './files';
import { HelpCenterStore } from './help-center-store';
import { generatePeople, type People } from './people';
import { Rng } from '../random';
import { type ConversationSkeleton, conversationIndexOf, generatedConversationCount, generateSkeleton, initiallyDeletedIndexes } from './skeleton';
import type { ConversationIndexEntry, DeletedConversation, FileResult, JsonObject } from './types';

const PREVIEW_LIMIT = 10;

export class WorkspaceCore {
  clock: number;
  readonly people: People;
  readonly factory: ConversationFactory;

  readonly contactsOverlay: KindCollection<ContactRecord>;
  /** Tags added to contacts by mutations. */
  readonly contactAddedTags = new Map<string, string[]>();
  readonly companiesOverlay: KindCollection<JsonObject>;
  /** Created and deleted tags; the generated ones are `people.tags`. */
  readonly tagsOverlay = new KindCollection<JsonObject>();
  /** Help centers, collections and articles (with their overlay). */
  readonly helpCenter: HelpCenterStore;
  readonly conversationOverlays = new Map<string, ConversationOverlay>();
  readonly deleted = new Map<string, DeletedConversation>();

  private skeletonList?: ConversationSkeleton[];
  private indexCache?: ConversationIndexEntry[];
  private companyMembers?: Map<string, string[]>;
  private readonly contactMemo = new Memo<number, ContactRecord>(4000);
  private readonly customerMemo = new Memo<number, Customer>(200_000);

  constructor(readonly ctx: Context) {
    this.clock = ctx.start;
    this.contactsOverlay = new KindCollection({ count: () => ctx.size.contacts, idOf: (i) => contactId(ctx, i) });
    this.companiesOverlay = new KindCollection({ count: () => ctx.size.companies, idOf: (i) => companyId(ctx, i) });
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
    this.helpCenter = new HelpCenterStore(ctx, this.people, (id) => this.tag(id), () => this.clock);
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
    return this.companiesOverlay.ids();
  }

  companyIndex(id: string): number | undefined {
    return this.companiesOverlay.index(id);
  }

  companyExists(id: string): boolean {
    return this.companiesOverlay.exists(id);
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
    return this.contactsOverlay.ids();
  }

  contactIndex(id: string): number | undefined {
    return this.contactsOverlay.index(id);
  }

  baseContact(index: number): ContactRecord {
    return this.contactMemo.get(index, () => generateContact(this.ctx, index));
  }

  contactExists(id: string): boolean {
    return this.contactsOverlay.exists(id);
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

  file(pathWithQuery: string, now: number): FileResult {
    return this.ctx.files.resolve(pathWithQuery, now);
  }
}

function preview(items: JsonObject[], url: string): JsonObject {
  return { type: 'list', data: items.slice(0, PREVIEW_LIMIT), url, total_count: items.length, has_more: items.length > PREVIEW_LIMIT };
}
