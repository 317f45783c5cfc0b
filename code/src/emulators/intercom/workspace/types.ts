/**
 * The seam between the Intercom emulator's generated workspace (this folder: data, ground truth,
 * mutations, files; no HTTP) and its server (routes, paging, auth, faults).
 *
 * Every object handed out is plain JSON in Intercom 2.16's exact shape (string ids, unix-second
 * timestamps, `type` fields, list wrappers), ready to be placed inside the server's list/paging
 * envelopes. Objects are fresh copies: callers may mutate them freely.
 */

/** A JSON object as Intercom returns it. */
export type JsonObject = { [key: string]: unknown };

/** How many objects of each kind the generator makes. All numbers; defaults are demo-sized. */
export interface WorkspaceSize {
  admins: number;
  teams: number;
  tags: number;
  companies: number;
  contacts: number;
  conversations: number;
  /** Top-level help-center collections; each may have nested sections (counted separately). */
  collections: number;
  /** Sections (collections with a `parent_id`), spread over the collections. */
  sections: number;
  articles: number;
  helpCenters: number;
  /** Upper bound of parts in an ordinary conversation (long conversations ignore it). */
  maxPartsPerConversation: number;
  /** Conversations with more than 500 parts (the API returns only the 500 most recent). */
  longConversations: number;
  /** Conversations already deleted when the workspace starts (listed by `deletedConversations`). */
  deletedConversations: number;
  /** Tickets, spread over the three categories (customer, back-office, tracker) in turn. */
  tickets: number;
}

/** Options of {@link createWorkspace} (implemented in `./index.ts`). */
export interface CreateWorkspaceOptions {
  /** Same seed, same workspace. Default 1. */
  seed?: number;
  size?: Partial<WorkspaceSize>;
  /** Default true: every nasty case appears at least once. */
  edgeCases?: boolean;
  /** Where attachment/inline-image/linked-file URLs point, e.g. `http://127.0.0.1:PORT` (no trailing slash). */
  fileBaseUrl: string;
  /** Unix seconds of the emulated clock's start. Default a fixed instant (2026-01-01T00:00:00Z). */
  startTime?: number;
  /**
   * Share (0 to 1) of the randomly drawn conversation files kept: attachment lists and inline images
   * of sources and parts (edge cases keep theirs). Default 1. The bench sets it to match a reference
   * workspace's files per conversation; sizes of the files kept are drawn as always.
   */
  fileShare?: number;
}

/** One row of the conversation index: enough for listing, sorting and search by date/state. */
export type ConversationIndexEntry = {
  id: string;
  created_at: number;
  updated_at: number;
  state: ConversationState;
};

export type ConversationState = 'open' | 'closed' | 'snoozed';

/** A deleted conversation as `GET /conversations/deleted` reports it. */
export interface DeletedConversation {
  id: string;
  deleted_at: number;
  metrics_retained: boolean;
}

/**
 * Result of {@link Workspace.file}. The path is the request path plus query string exactly as the
 * server received it (e.g. `/downloads/<key>/<name>?expires=…&signature=…`).
 * `expired` and `bad_signature` should be answered 403, `missing` 404.
 */
export type FileResult =
  | { status: 'ok'; bytes: Buffer; contentType: string; name: string }
  | { status: 'expired' | 'bad_signature' | 'missing' };

/** The generated Intercom workspace. */
export interface Workspace {
  readonly app: { id_code: string; name: string; region: 'US' | 'EU' | 'AU'; timezone: string; created_at: number };
  /** The emulated clock (unix seconds); mutations advance it. */
  now(): number;
  /** `GET /me` body: the token owner (an admin) with the embedded `app`. */
  me(): JsonObject;

  /** `GET /admins` items (deleted admins are absent though old parts still reference them). */
  admins(): JsonObject[];
  admin(id: string): JsonObject | undefined;
  /** `GET /teams` items. */
  teams(): JsonObject[];
  team(id: string): JsonObject | undefined;
  /** `GET /tags` items (`{type:"tag", id, name}`). */
  tags(): JsonObject[];
  tag(id: string): JsonObject | undefined;

  /** All company ids in a stable order (creation order). */
  companyIds(): string[];
  /**
   * `GET /companies/{id}` shape. Note: `custom_attributes` values are typed as in real workspaces
   * (numbers, booleans, dates as unix seconds) although the 2.16 description declares them strings
   * (intercom-api.md pitfall 20); response validation must relax that one schema.
   */
  company(id: string): JsonObject | undefined;
  /** Contact ids attached to a company (full list), stable order. */
  companyContactIds(id: string): string[];

  /** All contact ids in a stable order (creation order). */
  contactIds(): string[];
  /** `GET /contacts/{id}` shape; `tags`/`companies` previews hold ≤ 10 items with `has_more`. */
  contact(id: string): JsonObject | undefined;
  /** Full tag list behind the preview: `tag` objects `{type,id,name}`. */
  contactTags(id: string): JsonObject[];
  /** Full company list behind the preview: `company` objects (retrieve shape). */
  contactCompanies(id: string): JsonObject[];

  /** Every live conversation, in creation order. */
  conversationIndex(): ConversationIndexEntry[];
  /**
   * `GET /conversations/{id}` shape with `withParts` (≤ 500 most recent parts, `total_count` = all),
   * list/search shape without (no `conversation_parts`). Undefined for unknown or deleted ids.
   * Attachment/image URLs are signed and expire one hour after this call (emulated clock).
   */
  conversation(id: string, o: { withParts: boolean }): JsonObject | undefined;
  /** Deleted conversations, oldest deletion first. */
  deletedConversations(): DeletedConversation[];

  /** `GET /data_attributes?model=…` items (`conversation`: what 2.16 serves at `/conversations/attributes`). */
  dataAttributes(model: 'contact' | 'company' | 'conversation'): JsonObject[];
  /** `GET /help_center/help_centers` items. */
  helpCenters(): JsonObject[];
  /** `GET /help_center/collections` items: collections and sections (`parent_id` set), stable order. */
  collections(): JsonObject[];
  collection(id: string): JsonObject | undefined;
  /** All article ids, stable order. */
  articleIds(): string[];
  /** `GET /articles/{id}` shape with `withStatistics`, list shape without. */
  article(id: string, o: { withStatistics: boolean }): JsonObject | undefined;

  /** `GET /ticket_types` items: one type per category, with its attributes and states. */
  ticketTypes(): JsonObject[];
  /** `GET /ticket_states` items. */
  ticketStates(): JsonObject[];
  /** Live ticket ids in creation order. */
  ticketIds(): string[];
  /** `GET /tickets/{id}` and search shape with `withParts` (URLs signed); without, what search filters on. */
  ticket(id: string, o: { withParts: boolean }): JsonObject | undefined;

  /** Serves a signed file URL's bytes (generated on demand, never all held at once). */
  file(pathWithQuery: string, nowUnix?: number): FileResult;

  truth: GroundTruth;
  mutate: Mutations;
}

export type TruthKind =
  | 'admins' | 'teams' | 'tags' | 'companies' | 'contacts' | 'conversations' | 'collections' | 'articles' | 'tickets';

/** One conversation as the API exposes it (ground truth for pipeline tests). */
export interface TruthConversation {
  id: string;
  /** The source message id (`conversation.source.id`). */
  sourceId: string;
  /** Part ids as the retrieve returns them (≤ 500 most recent, oldest first). */
  partIds: string[];
  /** All parts, including those the 500-part cap hides. */
  totalParts: number;
  contactIds: string[];
  /** Admins that authored a part or the source, or are assigned (may include deleted admins). */
  adminIds: string[];
  /** Bots (Fin, Operator, workflows) that authored a part or the source, named as the parts name them. */
  bots: Array<{ id: string; name: string }>;
  tagIds: string[];
}

/** One ticket as the API exposes it. */
export interface TruthTicket {
  id: string;
  category: 'Customer' | 'Back-office' | 'Tracker';
  partIds: string[];
  contactIds: string[];
  linkedConversationIds: string[];
  linkedTicketIds: string[];
}

/** One downloadable file referenced by the workspace. */
export interface TruthAttachment {
  owner: { type: 'part' | 'source' | 'article' | 'ticket_part'; id: string; conversationId?: string; ticketId?: string };
  kind: 'attachment' | 'inline_image' | 'linked_file';
  /** Position in the `attachments` array (kind `attachment` only). */
  index?: number;
  /** The URL without its query string (stable across materializations). */
  url: string;
  name: string;
  contentType: string;
  size: number;
  /** Lowercase hex sha256 of the bytes `file()` serves. */
  sha256: string;
}

/** Ground truth in Intercom's terms (never in the snap-in's normalized terms). */
export interface GroundTruth {
  /** Live ids of a kind. Conversations: closed only unless `allConversations`. */
  ids(kind: TruthKind, o?: { allConversations?: boolean }): string[];
  conversations(o?: { allConversations?: boolean }): TruthConversation[];
  /** Live tickets with their part ids and links. */
  tickets(): TruthTicket[];
  /** Every file of the (selected) conversations, of all articles and of all ticket parts. */
  attachments(o?: { allConversations?: boolean }): TruthAttachment[];
  deletedConversationIds(): string[];
}

export type ChangeKind = 'conversations' | 'contacts' | 'companies' | 'tags' | 'articles' | 'tickets';

/** Ids touched by {@link Mutations.applyRandomChanges}, per kind and action. */
export type ChangeSummary = Record<ChangeKind, { created: string[]; updated: string[]; deleted: string[] }>;

/** Options for a new conversation; omitted fields are generated. */
export interface NewConversationOptions {
  contactId?: string;
  state?: ConversationState;
  /** Number of parts after the source. Default 0. */
  parts?: number;
  withAttachment?: boolean;
}

/** Workspace changes. Each advances the clock a little and bumps `updated_at` as Intercom does. */
export interface Mutations {
  advance(seconds: number): void;

  createConversation(o?: NewConversationOptions): string;
  /** Adds a part (default a customer `comment`); returns the part id. */
  addPart(conversationId: string, o?: { partType?: string; withAttachment?: boolean; adminId?: string }): string;
  close(id: string): void;
  reopen(id: string): void;
  snooze(id: string, untilUnix?: number): void;
  deleteConversation(id: string): void;
  /** Redacts a part or the source (`<conversation id>-source` is not accepted; pass the source id). */
  redactPart(conversationId: string, partId: string): void;

  createContact(o?: { role?: 'user' | 'lead'; email?: string | null; name?: string | null }): string;
  updateContact(id: string, patch: JsonObject): void;
  deleteContact(id: string): void;
  createCompany(o?: { name?: string }): string;
  updateCompany(id: string, patch: JsonObject): void;
  deleteCompany(id: string): void;
  createTag(name: string): string;
  deleteTag(id: string): void;
  createArticle(o?: { title?: string; state?: 'published' | 'draft'; parentIds?: number[] }): string;
  updateArticle(id: string, patch: JsonObject): void;
  deleteArticle(id: string): void;

  createTicket(o?: { category?: 'Customer' | 'Back-office' | 'Tracker'; contactId?: string }): string;
  /** A customer comment (or an admin's with `adminId`) or an admin note; returns the part id. */
  addTicketPart(id: string, o?: { partType?: 'comment' | 'note'; adminId?: string; withAttachment?: boolean }): string;
  setTicketState(id: string, state: 'submitted' | 'in_progress' | 'waiting_on_customer' | 'resolved'): string;
  updateTicketAttributes(id: string, patch: JsonObject): void;
  deleteTicket(id: string): void;

  /** A seeded mix of the mutations above; returns the ids touched per kind and action. */
  applyRandomChanges(o: { seed: number; count: number }): ChangeSummary;

  // Writes the server exposes for reverse sync.
  /** `POST /conversations/{id}/reply` as an admin; returns the updated conversation (retrieve shape). */
  replyToConversation(id: string, o: { adminId: string; messageType: 'comment' | 'note'; body: string }): JsonObject;
  /** `POST /conversations/{id}/tags`; returns the tag. */
  tagConversation(id: string, tagId: string, adminId: string): JsonObject;
  /** `POST /contacts/{id}/tags`; returns the tag. */
  tagContact(id: string, tagId: string): JsonObject;
}

export type CreateWorkspace = (o: CreateWorkspaceOptions) => Workspace;

/** The ticket mutations (ticket-truth.ts adds them to the others). */
export type TicketMutationName = 'createTicket' | 'addTicketPart' | 'setTicketState' | 'updateTicketAttributes' | 'deleteTicket';

export { createWorkspace } from './index';
