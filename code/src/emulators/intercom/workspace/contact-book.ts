/**
 * Contacts and companies, which know each other (a contact's companies, a company's `user_count`):
 * generated objects by index, with the overlay mutations write (`KindCollection`) and the tags
 * mutations attach to contacts.
 */
import { companyId, companyTagIndexes, generateCompany } from './companies';
import { contactCompanyIndexes, contactId, type ContactRecord, generateContact } from './contacts';
import { KindCollection, Memo, mergePatch } from './collection';
import type { Context } from './context';
import type { JsonObject } from './types';

const PREVIEW_LIMIT = 10;

export class ContactBook {
  readonly contactsOverlay: KindCollection<ContactRecord>;
  /** Tags added to contacts by mutations. */
  readonly contactAddedTags = new Map<string, string[]>();
  readonly companiesOverlay: KindCollection<JsonObject>;

  private companyMembers?: Map<string, string[]>;
  private readonly contactMemo = new Memo<number, ContactRecord>(4000);

  constructor(
    private readonly ctx: Context,
    /** A live tag, or undefined when deleted or unknown. */
    private readonly tag: (id: string) => JsonObject | undefined,
  ) {
    this.contactsOverlay = new KindCollection({ count: () => ctx.size.contacts, idOf: (i) => contactId(ctx, i) });
    this.companiesOverlay = new KindCollection({ count: () => ctx.size.companies, idOf: (i) => companyId(ctx, i) });
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

  /** The record of a live contact, generated or created. */
  contactRecord(id: string): ContactRecord | undefined {
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
}

function preview(items: JsonObject[], url: string): JsonObject {
  return { type: 'list', data: items.slice(0, PREVIEW_LIMIT), url, total_count: items.length, has_more: items.length > PREVIEW_LIMIT };
}
