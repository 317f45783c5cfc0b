/**
 * The shape of one entry of the kinds table: everything the generic extraction loop needs to know
 * about one Intercom object kind, as data plus small functions. Adding a kind (tickets) is one more
 * entry of this shape, never another loop.
 */
import type { z } from 'zod';
import type { NormalizedAttachment, NormalizedItem } from '../adaas';
import type { NormalizeContext, RecordTypeDefinition } from '../normalize/types';
import type { ListSpec } from './list-spec';

export type { NormalizeContext };

/** Item types (= record types of the external domain metadata), contract §1. */
export type ItemType =
  | 'admins' | 'bots' | 'teams' | 'tags' | 'companies' | 'contacts' | 'conversations' | 'conversation_parts'
  | 'collections' | 'articles' | 'tickets' | 'ticket_parts';

/** The platform's item type for attachment references. */
export const ATTACHMENTS_ITEM_TYPE = 'attachments';

/** What a kind's listing needs to know about the run. */
export interface ListContext {
  importAllConversations: boolean;
}

/** Where a kind's custom attribute definitions come from. */
export type CustomAttributeModel = 'contact' | 'company' | 'conversation' | 'ticket';

/** Everything one Intercom object turns into. */
export interface NormalizedBatch {
  /** Items per item type (a conversation or ticket yields itself and its parts). */
  items: Array<{ itemType: ItemType; item: NormalizedItem }>;
  attachments: NormalizedAttachment[];
  /** Parts that could not be normalized (the object itself was fine). */
  skipped: Array<{ itemType: ItemType; id: string; reason: string }>;
  /** Set when Intercom returned fewer parts than exist (500-part cap). */
  truncation?: { id: string; returned: number; total: number };
}

/** How deletions of a kind are detected. */
export type DeletionDetection =
  /** `GET /conversations/deleted` lists deleted ids with their time. */
  | 'deleted-endpoint'
  /** Compare the ids of two complete listings (kept only while small: ID_SET_CAP). */
  | 'id-set'
  /** Not detectable cheaply (the kind is read through a date filter). */
  | 'none';

/** Minimal view of the client that a kind's detail fetch needs. */
export interface DetailClient {
  get(path: string, options?: { query?: Record<string, string | number | boolean>; schema?: z.ZodType; kind?: string }): Promise<unknown>;
}

/** One Intercom object kind. */
export interface KindSpec {
  /** The item type its main objects become. */
  itemType: ItemType;
  /** Further item types its objects yield (conversation → parts). */
  alsoEmits: ItemType[];
  /** Kinds whose items its items reference; they are extracted first. */
  dependsOn: ItemType[];
  /** Listing every object. */
  listAll(ctx: ListContext): ListSpec;
  /**
   * Listing objects changed since `searchFloor` (a search with `updated_at > searchFloor`), or
   * 'relist' when Intercom has no filter: then everything is listed and compared client-side.
   */
  listChangedSince(ctx: ListContext, searchFloor: number): ListSpec | 'relist';
  /**
   * Item types without timestamps whose content a sync compares with what the last completed run
   * sent, sending only those that changed: true for all the kind's items (admins, teams, tags), or
   * the item types named (bots and removed teammates that conversations and articles mention).
   */
  compareContent?: true | readonly ItemType[];
  /** Its `updated_at` (unix s) for the client-side window; undefined when the kind has none. */
  updatedAt(obj: Record<string, unknown>): number | undefined;
  /** Fetches the full object when the listing shape lacks something (conversations, tickets: parts). */
  fetchDetail?(client: DetailClient, listed: Record<string, unknown>): Promise<Record<string, unknown>>;
  /**
   * In an incremental run, the part of a changed object's batch that may be new to DevRev (each
   * attachment is a download); default: all of it. Conversations keep themselves and only the parts
   * and files of parts changed in the window, unless the whole conversation is new to the import.
   */
  changesInWindow?(obj: Record<string, unknown>, batch: NormalizedBatch, window: { start: number; importAll: boolean }): NormalizedBatch;
  /** Intercom object → normalized items and attachment references. Throws on an unusable object. */
  normalize(obj: Record<string, unknown>, ctx: NormalizeContext): NormalizedBatch;
  deletions: DeletionDetection;
  /** The model of its custom attributes in `/data_attributes`, if it has any. */
  customAttributes?: CustomAttributeModel;
  /** Record types (external domain metadata) of every item type it yields, with the workspace's custom attributes. */
  recordTypes(customAttributes: NonNullable<NormalizeContext['customAttributes']>): Partial<Record<ItemType, RecordTypeDefinition>>;
}
