/**
 * Shapes the normalizers produce and consume. The item and attachment types are the platform's
 * (`adaas`, airdrop-protocol.md §6); `NormalizedItem` only adds a type parameter for `data`.
 */
import type { NormalizedAttachment as PlatformAttachment, NormalizedItem as PlatformItem } from '../adaas';
import type { IntercomRegion } from '../intercom/regions';

/** One extracted record: the id, two RFC3339 dates, and every other field under `data`. */
export interface NormalizedItem<D extends object = Record<string, unknown>> extends PlatformItem {
  data: D;
}

/** A file for the attachments phase; `parent_id` is the item id of the part/source/article it belongs to. */
export type NormalizedAttachment = PlatformAttachment;

/** A mention inside DevRev rich text (§14): `ref_type` is a record type key or `artifact`. */
export interface RichTextMention {
  ref_type: string;
  id: string;
  fallback_record_name?: string;
}

/** DevRev rich text: CommonMark strings and mentions, concatenated in order. */
export type RichText = Array<string | RichTextMention>;

/** A custom attribute definition, from `/data_attributes` (contacts, companies) or `/conversations/attributes`. */
export interface CustomAttributeDefinition {
  name: string;
  data_type: string;
  label?: string | null;
  description?: string | null;
  /** false for Intercom's standard attributes, which never appear in `custom_attributes`. */
  custom?: boolean | null;
}

/** What the mentions of a person no listing returns told of it. */
export interface MentionedPerson {
  name: string | null;
  email: string | null;
}

/** Per kind of mentioned person, id → what was sent. */
export interface MentionedPeople {
  admins?: Record<string, MentionedPerson>;
  bots?: Record<string, MentionedPerson>;
}

/** Everything a normalizer needs besides the object itself. Plain data: normalizers do no I/O. */
export interface NormalizeContext {
  /** The workspace id (`/me` → `app.id_code`), used in app.intercom.com links. */
  appId: string;
  /** Region of the workspace; selects app.intercom.com / app.eu.intercom.com / app.au.intercom.com. Default us. */
  region?: IntercomRegion;
  /**
   * RFC3339 time the list was read. Admins, teams and tags carry no timestamps in Intercom, so this is
   * their created_date and modified_date.
   */
  observedAt: string;
  /** Import option `contact_reference_field`: the contact custom attribute whose value becomes `external_ref`. */
  contactReferenceField?: string;
  /** Custom attribute definitions per record type (absent: no `custom_*` fields). */
  customAttributes?: {
    contacts?: CustomAttributeDefinition[];
    companies?: CustomAttributeDefinition[];
    conversations?: CustomAttributeDefinition[];
    /** Custom attributes of every ticket type (`/ticket_types`), the default title and description excluded. */
    tickets?: CustomAttributeDefinition[];
  };
  /** Admin id → name, for event text ("Assigned to Ann by Bob") and mention fallbacks. */
  adminNames?: Record<string, string>;
  /** What this run's mentions told of removed teammates and bots, sent after the reads (`kinds/mentioned.ts`). */
  mentionedInRun?: MentionedPeople;
  /** Team id → name, for event text. */
  teamNames?: Record<string, string>;
  /**
   * Base URLs of the workspace's help centers (e.g. `https://intercom.help/acme`, `https://help.acme.com`);
   * links under them to `/articles/<id>-slug` become article mentions. See `helpCenterBaseUrls()`.
   */
  helpCenterUrls?: string[];
  /** Extra hosts whose links in article bodies are files to copy (besides Intercom's CDN hosts). */
  fileHosts?: string[];
}

/** What a list normalizer returns: the good items and, for each bad object, its id and the reason. */
export interface BatchResult<T> {
  items: T[];
  skipped: Array<{ id: string | null; reason: string }>;
}

/** A field of a record type in the external domain metadata (§12). Only what we use. */
export interface MetadataField {
  type: 'bool' | 'int' | 'float' | 'text' | 'rich_text' | 'reference' | 'enum' | 'timestamp' | 'date' | 'struct';
  name: string;
  description?: string;
  is_required?: boolean;
  is_identifier?: boolean;
  is_read_only?: boolean;
  collection?: { min_length?: number; max_length?: number };
  enum?: { values: Array<{ key: string; name?: string }> };
  reference?: { refers_to: Record<string, { by_field?: string }>; reference_type?: 'child' | 'parent' };
  struct?: { key: string };
}

/** A record type of the external domain metadata; its key is the item type. */
export interface RecordTypeDefinition {
  name: string;
  description?: string;
  /** The connector can create records of this type in Intercom (loading direction). */
  is_loadable?: boolean;
  fields: Record<string, MetadataField>;
}

/** A struct type of the external domain metadata. */
export interface StructTypeDefinition {
  name: string;
  fields: Record<string, MetadataField>;
}
