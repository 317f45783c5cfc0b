/**
 * THE kinds table: every Intercom object kind the snap-in extracts, declared once, in dependency
 * order (a kind's references point only to kinds above it). The extraction loop walks this list;
 * adding a kind (tickets) is one more entry here and its normalizer.
 */
import {
  AdminSchema, ArticleSchema, CollectionSchema, CompanySchema, ContactSchema, ConversationListItemSchema, ConversationSchema, TagSchema, TeamSchema,
  TicketSchema,
} from '../intercom/schemas';
import * as normalize from './normalizers';
import { CLOSED_ONLY, updatedSince, type ListSpec } from './list-spec';
import type { KindSpec } from './types';

export * from './types';
export * from './list-spec';

const PER_PAGE_MAX = 150;

const updatedAtOf = (obj: Record<string, unknown>): number | undefined =>
  typeof obj.updated_at === 'number' ? obj.updated_at : undefined;

/** Kinds without timestamps: re-listed whole each sync (they are small and unpaginated). */
const noTimestamp = (): undefined => undefined;

const schema = (s: unknown) => s as ListSpec['itemSchema'];

export const KINDS: readonly KindSpec[] = [
  {
    itemType: 'admins',
    alsoEmits: [],
    dependsOn: [],
    listAll: () => ({ style: 'list', kind: 'admin', path: '/admins', itemsKey: 'admins', itemSchema: schema(AdminSchema) }),
    listChangedSince: () => 'relist',
    updatedAt: noTimestamp,
    compareContent: true,
    normalize: normalize.admin,
    recordTypes: () => ({ admins: normalize.recordTypes.admins() }),
    deletions: 'id-set',
  },
  {
    itemType: 'teams',
    alsoEmits: [],
    dependsOn: ['admins'],
    listAll: () => ({ style: 'list', kind: 'team', path: '/teams', itemsKey: 'teams', itemSchema: schema(TeamSchema) }),
    listChangedSince: () => 'relist',
    updatedAt: noTimestamp,
    compareContent: true,
    normalize: normalize.team,
    recordTypes: () => ({ teams: normalize.recordTypes.teams() }),
    deletions: 'id-set',
  },
  {
    itemType: 'tags',
    alsoEmits: [],
    dependsOn: [],
    listAll: () => ({ style: 'list', kind: 'tag', path: '/tags', itemsKey: 'data', itemSchema: schema(TagSchema) }),
    listChangedSince: () => 'relist',
    updatedAt: noTimestamp,
    compareContent: true,
    normalize: normalize.tag,
    recordTypes: () => ({ tags: normalize.recordTypes.tags() }),
    deletions: 'id-set',
  },
  {
    itemType: 'companies',
    alsoEmits: [],
    dependsOn: ['tags'],
    // The scroll sees companies without contacts too (the plain list does not, and stops at 10,000).
    listAll: () => ({ style: 'scroll', kind: 'company', path: '/companies/scroll', itemsKey: 'data', itemSchema: schema(CompanySchema) }),
    listChangedSince: () => 'relist', // Intercom has no company search: re-scroll, compare updated_at
    updatedAt: updatedAtOf,
    normalize: normalize.company,
    recordTypes: (custom) => ({ companies: normalize.recordTypes.companies(custom.companies) }),
    deletions: 'id-set',
    customAttributes: 'company',
  },
  {
    itemType: 'contacts',
    alsoEmits: [],
    dependsOn: ['admins', 'companies', 'tags'],
    listAll: () => ({ style: 'cursor', kind: 'contact', path: '/contacts', itemsKey: 'data', perPage: PER_PAGE_MAX, itemSchema: schema(ContactSchema) }),
    listChangedSince: (_ctx, floor) => ({
      style: 'search', kind: 'contact', path: '/contacts/search', itemsKey: 'data', perPage: PER_PAGE_MAX,
      query: updatedSince(floor), sort: { field: 'updated_at', order: 'ascending' }, itemSchema: schema(ContactSchema),
    }),
    updatedAt: updatedAtOf,
    normalize: normalize.contact,
    recordTypes: (custom) => ({ contacts: normalize.recordTypes.contacts(custom.contacts) }),
    deletions: 'none', // read through a date filter; deleted contacts simply stop appearing (README)
    customAttributes: 'contact',
  },
  {
    itemType: 'conversations',
    alsoEmits: ['conversation_parts', 'bots'],
    dependsOn: ['admins', 'teams', 'tags', 'contacts', 'companies'],
    listAll: (ctx) => ctx.importAllConversations
      ? { style: 'cursor', kind: 'conversation', path: '/conversations', itemsKey: 'conversations', perPage: PER_PAGE_MAX,
          itemSchema: schema(ConversationListItemSchema) }
      : { style: 'search', kind: 'conversation', path: '/conversations/search', itemsKey: 'conversations', perPage: PER_PAGE_MAX,
          query: CLOSED_ONLY, itemSchema: schema(ConversationListItemSchema) },
    listChangedSince: (ctx, floor) => ({
      style: 'search', kind: 'conversation', path: '/conversations/search', itemsKey: 'conversations', perPage: PER_PAGE_MAX,
      query: ctx.importAllConversations ? updatedSince(floor) : updatedSince(floor, CLOSED_ONLY),
      itemSchema: schema(ConversationListItemSchema),
    }),
    updatedAt: updatedAtOf,
    // Listings carry no parts: read each conversation whole (≤ 500 most recent parts).
    fetchDetail: (client, listed) =>
      client.get(`/conversations/${encodeURIComponent(String(listed.id))}`, { schema: ConversationSchema, kind: 'conversation' }) as
        Promise<Record<string, unknown>>,
    normalize: normalize.conversation,
    changesInWindow: normalize.conversationChangesInWindow,
    compareContent: ['bots', 'admins'], // bot authors and removed teammates the parts name
    recordTypes: (custom) => ({
      conversations: normalize.recordTypes.conversations(custom.conversations),
      conversation_parts: normalize.recordTypes.conversation_parts(),
      bots: normalize.recordTypes.bots(),
    }),
    deletions: 'deleted-endpoint',
    customAttributes: 'conversation',
  },
  {
    itemType: 'collections',
    alsoEmits: [],
    dependsOn: [],
    listAll: () => ({ style: 'page', kind: 'collection', path: '/help_center/collections', itemsKey: 'data', perPage: 100,
      itemSchema: schema(CollectionSchema) }),
    listChangedSince: () => 'relist',
    updatedAt: updatedAtOf,
    normalize: normalize.collection,
    recordTypes: () => ({ collections: normalize.recordTypes.collections() }),
    deletions: 'id-set',
  },
  {
    itemType: 'articles',
    alsoEmits: [],
    dependsOn: ['collections', 'admins', 'tags'],
    listAll: () => ({ style: 'page', kind: 'article', path: '/articles', itemsKey: 'data', perPage: 100, itemSchema: schema(ArticleSchema) }),
    listChangedSince: () => 'relist', // no date filter: re-list, compare updated_at
    updatedAt: updatedAtOf,
    normalize: normalize.article,
    compareContent: ['admins'], // removed teammates named as authors
    recordTypes: () => ({ articles: normalize.recordTypes.articles() }),
    deletions: 'id-set',
  },
  {
    itemType: 'tickets',
    alsoEmits: ['ticket_parts'],
    dependsOn: ['admins', 'teams', 'contacts', 'conversations'],
    listAll: () => ({ style: 'search', kind: 'ticket', path: '/tickets/search', itemsKey: 'tickets', perPage: PER_PAGE_MAX,
      query: { field: 'created_at', operator: '>', value: 0 }, itemSchema: schema(TicketSchema) }),
    listChangedSince: (_ctx, floor) => ({ style: 'search', kind: 'ticket', path: '/tickets/search', itemsKey: 'tickets', perPage: PER_PAGE_MAX,
      query: updatedSince(floor), itemSchema: schema(TicketSchema) }),
    updatedAt: updatedAtOf,
    // Search results carry no parts: read each ticket whole (≤ 500 parts).
    fetchDetail: (client, listed) =>
      client.get(`/tickets/${encodeURIComponent(String(listed.id))}`, { schema: TicketSchema, kind: 'ticket' }) as Promise<Record<string, unknown>>,
    normalize: normalize.ticket,
    changesInWindow: normalize.ticketChangesInWindow,
    recordTypes: (custom) => ({ tickets: normalize.recordTypes.tickets(custom.tickets), ticket_parts: normalize.recordTypes.ticket_parts() }),
    // Read through a date filter, like contacts; Intercom lists no deleted tickets.
    deletions: 'none',
    customAttributes: 'ticket',
  },
];

/** The kind of an item type, or undefined. */
export function kindOf(itemType: string): KindSpec | undefined {
  return KINDS.find((k) => k.itemType === itemType);
}

/** Every item type the kinds produce, in table order. */
export function allItemTypes(): string[] {
  return [...new Set(KINDS.flatMap((k) => [k.itemType, ...k.alsoEmits]))];
}
