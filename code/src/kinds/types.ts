/**
 * The shape of one entry of the kinds table: everything the generic extraction loop needs to know
 * about one Intercom object kind, as data plus small functions. Adding a kind (tickets) is one more
 * entry of this shape, never another loop.
 */
import type { z } from 'zod';
import type { NormalizedAttachment, NormalizedItem } from '../adaas';
import type { NormalizeContext, RecordTypeDefinition } from '../normalize/types';
import type { Pager } from '../intercom/pagers';

export type { NormalizeContext };

export type { ItemType } from './index';
import type { ItemType } from './index';

/** An Intercom object as the loop carries it: checked by its kind's schema, typed again by `defineKind`. */
export type Raw = Record<string, unknown>;

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
  items: Array<{ itemType: string; item: NormalizedItem }>;
  attachments: NormalizedAttachment[];
  /** Parts that could not be normalized (the object itself was fine). */
  skipped: Array<{ itemType: string; id: string; reason: string }>;
  /** Set when Intercom returned fewer parts than exist (500-part cap). */
  truncation?: { id: string; returned: number; total: number };
}

/** How deletions of a kind are detected. */
export type DeletionDetection =
  /** `GET /conversations/deleted` lists deleted ids with their time. */
  | 'deleted-endpoint'
  /** Compare the ids of two complete listings (kept encoded in the state, up to ID_SET_MAX_CHARS). */
  | 'id-set'
  /**
   * Read through a date filter in syncs: compared like 'id-set' after the import's complete listing
   * and after an id listing of its own that syncs read a share of each (`extraction/id-set-deletions.ts`).
   */
  | 'id-pass'
  /** Not detectable (read through a date filter, and no listing of every object: tickets). */
  | 'none';

/** Minimal view of the client that a kind's detail fetch needs. */
export interface DetailClient {
  get<T = unknown>(path: string, options?: { query?: Record<string, string | number | boolean>; schema?: z.ZodType<T>; kind?: string }): Promise<T>;
}

/**
 * One Intercom object kind, typed: `TListed` is what its listings yield (their item schema's output),
 * `TFull` what its normalizer reads (the detail read's output, or the listed object itself).
 * `defineKind` (`define.ts`) turns it into the {@link KindSpec} the generic loop walks.
 */
export interface KindDefinition<I extends string, E extends string, TListed extends Raw, TFull extends Raw> {
  /** The item type its main objects become. */
  itemType: I;
  /** Further item types its objects yield (conversation → parts). */
  alsoEmits: readonly E[];
  /** Item types its items reference; their kinds come earlier in the table. */
  dependsOn: readonly string[];
  /** Listing every object. */
  listAll(ctx: ListContext): Pager<TListed>;
  /**
   * Listing objects changed since `searchFloor` (a search with `updated_at > searchFloor`), or
   * 'relist' when Intercom has no filter: then everything is listed and compared client-side.
   */
  listChangedSince(ctx: ListContext, searchFloor: number): Pager<TListed> | 'relist';
  /**
   * Item types without timestamps whose content a sync compares with what the last completed run
   * sent, sending only those that changed: true for all the kind's items (admins, teams, tags), or
   * the item types named (bots and removed teammates that conversations and articles mention).
   */
  compareContent?: true | readonly string[];
  /** Its `updated_at` (unix s) for the client-side window; undefined when the kind has none. */
  updatedAt(obj: NoInfer<TListed>): number | undefined;
  /** Fetches the full object when the listing shape lacks something (conversations, tickets: parts). */
  fetchDetail?(client: DetailClient, listed: NoInfer<TListed>): Promise<TFull>;
  /**
   * Whether a listed object lacks what `fetchDetail` would add; when false the listed object is used
   * as it is and no detail read is made. Default: always read (conversations: listings carry no parts).
   */
  detailNeeded?(listed: NoInfer<TListed>): boolean;
  /**
   * In an incremental run, the part of a changed object's batch that may be new to DevRev (each
   * attachment is a download); default: all of it. Conversations keep themselves and only the parts
   * and files of parts changed in the window, unless the whole conversation is new to the import.
   */
  changesInWindow?(obj: NoInfer<TFull>, batch: NormalizedBatch, window: { start: number; importAll: boolean }): NormalizedBatch;
  /**
   * Objects whose listing shape holds only a preview of some relations (contacts: 10 companies, 10
   * tags): `needed` says so, and such an object is not emitted from the listing but read whole by
   * `read` in a pass after the listings (`extraction/completion-pass.ts`).
   */
  completion?: { needed(obj: NoInfer<TListed>): boolean; read(client: DetailClient, id: string): Promise<TFull> };
  /** Intercom object → normalized items and attachment references. Throws on an unusable object. */
  normalize(obj: NoInfer<TFull>, ctx: NormalizeContext): NormalizedBatch;
  deletions: DeletionDetection;
  /** The model of its custom attributes in `/data_attributes`, if it has any. */
  customAttributes?: CustomAttributeModel;
  /** Record types (external domain metadata) of every item type it yields, with the workspace's custom attributes. */
  recordTypes(customAttributes: NonNullable<NormalizeContext['customAttributes']>): Partial<Record<I | E, RecordTypeDefinition>>;
}

/** One Intercom object kind, as the generic loop sees it: objects it carries are {@link Raw}. */
export type KindSpec = KindDefinition<ItemType, ItemType, Raw, Raw>;
