/**
 * THE kinds table: every Intercom object kind the snap-in extracts, declared once, in dependency
 * order (a kind's references point only to kinds above it). The extraction loop walks this list;
 * the item types derive from it. Adding a kind is one more entry here (README.md).
 */
import type { z } from 'zod';
import {
  AdminSchema, ArticleSchema, CollectionSchema, CompanySchema, ContactSchema, ConversationListItemSchema, ConversationSchema, TagSchema, TeamSchema,
  TicketSchema,
} from '../intercom/schemas';
import {
  adminRecordType, articleRecordType, botRecordType, collectionRecordType, companyRecordType, contactRecordType, conversationPartRecordType,
  conversationRecordType, normalizeAdmin, normalizeCollection, normalizeCompany, normalizeContact, normalizeTag, normalizeTeam,
  tagRecordType, teamRecordType, ticketPartRecordType, ticketRecordType, type RecordTypeDefinition,
} from '../normalize';
import * as normalize from './normalizers';
import { defineKind, noTimestamp, updatedAtOf } from './define';
import { CLOSED_ONLY, updatedSince } from './list-spec';
import { hasPartialRelations, readContactWithRelations } from './contact-relations';
import type { KindSpec, Raw } from './types';

export * from './types';
export * from './list-spec';
export { defineKind } from './define';

const PER_PAGE_MAX = 150;

/** A listed ticket's parts are all there: present, and `total_count` (when given) no more than those returned. */
const partsComplete = (parts: { ticket_parts: unknown[]; total_count?: number | null } | null | undefined): boolean =>
  !!parts && (parts.total_count ?? 0) <= parts.ticket_parts.length;

/**
 * A small kind without timestamps, listed whole by one request (`GET /admins`, `/teams`, `/tags`):
 * re-listed each sync and compared by content; deletions by comparing id sets.
 */
function listedWhole<const I extends string, T extends Raw>(o: {
  itemType: I; dependsOn?: readonly string[]; kind: string; path: string; itemsKey: string; schema: z.ZodType<T>;
  normalize: Parameters<typeof normalize.single<T>>[1]; recordType: RecordTypeDefinition;
}) {
  return defineKind({
    itemType: o.itemType,
    alsoEmits: [],
    dependsOn: o.dependsOn ?? [],
    listAll: () => ({ style: 'list', kind: o.kind, path: o.path, itemsKey: o.itemsKey, itemSchema: o.schema }),
    listChangedSince: () => 'relist',
    updatedAt: noTimestamp,
    compareContent: true,
    normalize: normalize.single(o.itemType, o.normalize),
    recordTypes: () => ({ [o.itemType]: o.recordType }) as Record<I, RecordTypeDefinition>,
    deletions: 'id-set',
  });
}

export const KINDS = [
  listedWhole({ itemType: 'admins', kind: 'admin', path: '/admins', itemsKey: 'admins', schema: AdminSchema, normalize: normalizeAdmin, recordType: adminRecordType }),
  listedWhole({
    itemType: 'teams', dependsOn: ['admins'], kind: 'team', path: '/teams', itemsKey: 'teams', schema: TeamSchema, normalize: normalizeTeam,
    recordType: teamRecordType,
  }),
  listedWhole({ itemType: 'tags', kind: 'tag', path: '/tags', itemsKey: 'data', schema: TagSchema, normalize: normalizeTag, recordType: tagRecordType }),
  defineKind({
    itemType: 'companies',
    alsoEmits: [],
    dependsOn: ['tags'],
    // The scroll sees companies without contacts too (the plain list does not, and stops at 10,000).
    listAll: () => ({ style: 'scroll', kind: 'company', path: '/companies/scroll', itemsKey: 'data', itemSchema: CompanySchema }),
    listChangedSince: () => 'relist', // Intercom has no company search: re-scroll, compare updated_at
    updatedAt: updatedAtOf,
    normalize: normalize.single('companies', normalizeCompany),
    recordTypes: (custom) => ({ companies: companyRecordType(custom.companies) }),
    deletions: 'id-set',
    customAttributes: 'company',
  }),
  defineKind({
    itemType: 'contacts',
    alsoEmits: [],
    dependsOn: ['admins', 'companies', 'tags'],
    listAll: () => ({ style: 'cursor', kind: 'contact', path: '/contacts', itemsKey: 'data', perPage: PER_PAGE_MAX, itemSchema: ContactSchema }),
    listChangedSince: (_ctx, floor) => ({
      style: 'search', kind: 'contact', path: '/contacts/search', itemsKey: 'data', perPage: PER_PAGE_MAX,
      query: updatedSince(floor), sort: { field: 'updated_at', order: 'ascending' }, itemSchema: ContactSchema,
    }),
    updatedAt: updatedAtOf,
    completion: { needed: hasPartialRelations, read: readContactWithRelations }, // more than 10 companies or tags
    normalize: normalize.single('contacts', normalizeContact),
    recordTypes: (custom) => ({ contacts: contactRecordType(custom.contacts) }),
    deletions: 'id-pass', // syncs read a date filter; deletions come from an id listing spread over syncs
    customAttributes: 'contact',
  }),
  defineKind({
    itemType: 'conversations',
    alsoEmits: ['conversation_parts', 'bots'],
    dependsOn: ['admins', 'teams', 'tags', 'contacts', 'companies'],
    listAll: (ctx) => ctx.importAllConversations
      ? { style: 'cursor', kind: 'conversation', path: '/conversations', itemsKey: 'conversations', perPage: PER_PAGE_MAX,
          itemSchema: ConversationListItemSchema }
      : { style: 'search', kind: 'conversation', path: '/conversations/search', itemsKey: 'conversations', perPage: PER_PAGE_MAX,
          query: CLOSED_ONLY, itemSchema: ConversationListItemSchema },
    listChangedSince: (ctx, floor) => ({
      style: 'search', kind: 'conversation', path: '/conversations/search', itemsKey: 'conversations', perPage: PER_PAGE_MAX,
      query: ctx.importAllConversations ? updatedSince(floor) : updatedSince(floor, CLOSED_ONLY),
      itemSchema: ConversationListItemSchema,
    }),
    updatedAt: updatedAtOf,
    // Listings carry no parts: read each conversation whole (≤ 500 most recent parts).
    fetchDetail: (client, listed) =>
      client.get(`/conversations/${encodeURIComponent(String(listed.id))}`, { schema: ConversationSchema, kind: 'conversation' }),
    normalize: normalize.conversation,
    changesInWindow: normalize.conversationChangesInWindow,
    compareContent: ['bots', 'admins'], // bot authors and removed teammates the parts name
    recordTypes: (custom) => ({
      conversations: conversationRecordType(custom.conversations),
      conversation_parts: conversationPartRecordType,
      bots: botRecordType,
    }),
    deletions: 'deleted-endpoint',
    customAttributes: 'conversation',
  }),
  defineKind({
    itemType: 'collections',
    alsoEmits: [],
    dependsOn: [],
    listAll: () => ({ style: 'page', kind: 'collection', path: '/help_center/collections', itemsKey: 'data', perPage: 100,
      itemSchema: CollectionSchema }),
    listChangedSince: () => 'relist',
    updatedAt: updatedAtOf,
    normalize: normalize.single('collections', normalizeCollection),
    recordTypes: () => ({ collections: collectionRecordType }),
    deletions: 'id-set',
  }),
  defineKind({
    itemType: 'articles',
    alsoEmits: [],
    dependsOn: ['collections', 'admins', 'tags'],
    listAll: () => ({ style: 'page', kind: 'article', path: '/articles', itemsKey: 'data', perPage: 100, itemSchema: ArticleSchema }),
    listChangedSince: () => 'relist', // no date filter: re-list, compare updated_at
    updatedAt: updatedAtOf,
    normalize: normalize.article,
    compareContent: ['admins'], // removed teammates named as authors
    recordTypes: () => ({ articles: articleRecordType }),
    deletions: 'id-set',
  }),
  defineKind({
    itemType: 'tickets',
    alsoEmits: ['ticket_parts'],
    dependsOn: ['admins', 'teams', 'contacts', 'conversations'],
    listAll: () => ({ style: 'search', kind: 'ticket', path: '/tickets/search', itemsKey: 'tickets', perPage: PER_PAGE_MAX,
      query: { field: 'created_at', operator: '>', value: 0 }, itemSchema: TicketSchema }),
    listChangedSince: (_ctx, floor) => ({ style: 'search', kind: 'ticket', path: '/tickets/search', itemsKey: 'tickets', perPage: PER_PAGE_MAX,
      query: updatedSince(floor), itemSchema: TicketSchema }),
    updatedAt: updatedAtOf,
    // 2.16's search results carry the parts (the `ticket` schema, the search example): a ticket is read
    // whole only when they are missing or cut (`total_count` above those returned).
    fetchDetail: (client, listed) => client.get(`/tickets/${encodeURIComponent(String(listed.id))}`, { schema: TicketSchema, kind: 'ticket' }),
    detailNeeded: (listed) => !partsComplete(listed.ticket_parts),
    normalize: normalize.ticket,
    changesInWindow: normalize.ticketChangesInWindow,
    recordTypes: (custom) => ({ tickets: ticketRecordType(custom.tickets), ticket_parts: ticketPartRecordType }),
    // Read through a date filter and Intercom lists no deleted tickets: like contacts, an id listing spread over syncs.
    deletions: 'id-pass',
    customAttributes: 'ticket',
  }),
] as const;

type Kind = (typeof KINDS)[number];

/** Item types (= record types of the external domain metadata, contract §1): each kind's own and what its objects also yield. */
export type ItemType = Kind['itemType'] | Kind['alsoEmits'][number];

/** The kind of an item type, or undefined. */
export function kindOf(itemType: string): KindSpec | undefined {
  return KINDS.find((k) => k.itemType === itemType);
}

/** Every item type the kinds produce, in table order. */
export function allItemTypes(): ItemType[] {
  return [...new Set(KINDS.flatMap((k): ItemType[] => [k.itemType, ...k.alsoEmits]))];
}
