/**
 * Tickets: customer, back-office and tracker tickets with their type's custom attributes, states,
 * parts (comments, notes, state changes, assignments, with files) and links to conversations,
 * contacts and other tickets. Generated once on first use (their count is small next to
 * conversations), then held with the mutations applied.
 */
import { attachmentObject, randomFile, signAll } from './attachments';
import { URL_LIFETIME_SECONDS } from './files';
import { notFound } from './errors';
import { Rng, hash32 } from '../random';
import { TicketCatalog, TICKET_TYPE_SPECS, type TicketAttributeSpec, type TicketCategory, type TicketStateCategory } from './ticket-types';
import type { JsonObject } from './types';
import type { WorkspaceCore } from './workspace';

export type { TicketCategory, TicketStateCategory } from './ticket-types';

const DAY = 86_400;
const COMPONENTS = ['Billing', 'Login', 'Exports', 'Mobile app', 'API'];

interface TicketRecord {
  index: number;
  /** The ticket without `ticket_parts` (URLs unsigned). */
  ticket: JsonObject;
  parts: JsonObject[];
}

export class TicketBook {
  readonly catalog: TicketCatalog;
  private records?: Map<string, TicketRecord>;
  private readonly deletedIds = new Set<string>();
  private readonly ticketBase: number;
  private readonly partBase: number;

  constructor(private readonly ws: WorkspaceCore) {
    this.catalog = new TicketCatalog(ws.ctx);
    this.ticketBase = 300_000_000_000 + (hash32(ws.ctx.seed, 'ticket') % 9_000_000) * 1000;
    this.partBase = 9_500_000_000_000 + (hash32(ws.ctx.seed, 'ticket-part') % 1000) * 1_000_000_000;
  }

  /** Live ticket ids in creation order. */
  ids(): string[] {
    return [...this.all().keys()].filter((id) => !this.deletedIds.has(id));
  }

  /** `GET /tickets/{id}` and search shape with `withParts`; without, what search filters on; undefined when unknown or deleted. */
  ticket(id: string, withParts: boolean): JsonObject | undefined {
    const record = this.live(id);
    if (!record) return undefined;
    const ticket = structuredClone(record.ticket);
    if (withParts) ticket.ticket_parts = { type: 'ticket_part.list', ticket_parts: record.parts, total_count: record.parts.length };
    return signAll(this.ws.ctx, ticket, this.ws.clock + URL_LIFETIME_SECONDS);
  }

  // ----- mutations (each advances the clock and bumps updated_at) -----

  create(o: { category?: TicketCategory; contactId?: string } = {}): string {
    const index = this.all().size;
    const at = this.ws.tick();
    const record = this.generate(index, { category: o.category, createdAt: at, contactId: o.contactId, parts: 1 });
    this.all().set(String(record.ticket.id), record);
    return String(record.ticket.id);
  }

  /** A comment (customer, or an admin's reply with `adminId`) or an admin note; returns the part id. */
  addPart(id: string, o: { partType?: 'comment' | 'note'; adminId?: string; withAttachment?: boolean } = {}): string {
    const record = this.mustLive(id);
    const at = this.ws.tick();
    const r = new Rng(this.ws.ctx.seed, 'ticket-part-added', id, record.parts.length, at);
    const partType = o.partType ?? 'comment';
    const customer = partType === 'comment' && o.adminId === undefined ? this.customerOf(record) : undefined;
    const author = customer ?? this.adminAuthor(o.adminId);
    const part = this.part(record, at, partType, author, r, { body: true, attachment: o.withAttachment ?? false });
    return this.push(record, part, at);
  }

  /** Moves the ticket to another state category, as an admin would (a `ticket_state_updated_by_admin` part). */
  setState(id: string, category: TicketStateCategory, adminId?: string): string {
    const record = this.mustLive(id);
    const at = this.ws.tick();
    const r = new Rng(this.ws.ctx.seed, 'ticket-state-set', id, at);
    const previous = record.ticket.ticket_state as JsonObject;
    const part = this.part(record, at, 'ticket_state_updated_by_admin', this.adminAuthor(adminId), r, { body: false, attachment: false });
    part.previous_ticket_state = previous.category;
    part.ticket_state = category;
    record.ticket.ticket_state = this.catalog.state(category);
    record.ticket.previous_ticket_state_id = String(previous.id);
    record.ticket.open = category !== 'resolved';
    return this.push(record, part, at);
  }

  /** Sets ticket attributes (by attribute name, `_default_title_` included). */
  updateAttributes(id: string, patch: JsonObject): void {
    const record = this.mustLive(id);
    record.ticket.ticket_attributes = { ...(record.ticket.ticket_attributes as JsonObject), ...structuredClone(patch) };
    record.ticket.updated_at = this.ws.tick();
  }

  delete(id: string): void {
    this.mustLive(id);
    this.deletedIds.add(id);
    this.ws.tick();
  }

  // ----- generation -----

  private all(): Map<string, TicketRecord> {
    if (!this.records) {
      this.records = new Map();
      // Listed once for all tickets: per ticket it made generation conversations × tickets.
      const closed = this.ws.conversations.skeletons().filter((s) => s.state === 'closed' && !this.ws.conversations.deleted.has(s.id));
      // Contacts too: listed per ticket, 6,250 tickets over 66,667 contacts took 80 s, past a client's timeout.
      const contactIds = this.ws.contacts.contactIds();
      for (let i = 0; i < this.ws.ctx.size.tickets; i++) {
        const record = this.generate(i, { closedConversations: closed, contactIds });
        this.records.set(String(record.ticket.id), record);
      }
    }
    return this.records;
  }

  private live(id: string): TicketRecord | undefined {
    return this.deletedIds.has(id) ? undefined : this.all().get(id);
  }

  private mustLive(id: string): TicketRecord {
    const record = this.live(id);
    if (!record) throw notFound('ticket', id);
    return record;
  }

  /** `closedConversations`: what a generated customer ticket may link to (tickets created later link none). */
  private generate(
    index: number,
    o: { category?: TicketCategory; createdAt?: number; contactId?: string; parts?: number; closedConversations?: readonly { id: string }[]; contactIds?: readonly string[] },
  ): TicketRecord {
    const { ctx } = this.ws;
    const r = new Rng(ctx.seed, 'ticket', index);
    const f = ctx.faker('conversation', 'ticket', index);
    const category = o.category ?? TICKET_TYPE_SPECS[index % TICKET_TYPE_SPECS.length].category;
    const createdAt = o.createdAt ?? ctx.start - r.int(2, 120) * DAY - r.int(0, DAY - 1);
    const contacts = o.contactIds ?? this.ws.contacts.contactIds();
    const contactId = o.contactId ?? (category !== 'Tracker' && contacts.length > 0 && (category === 'Customer' || r.chance(0.5)) ? r.pick(contacts) : undefined);
    const contactRef = contactId ? { type: 'contact', id: contactId, external_id: (this.ws.contacts.contact(contactId)?.external_id as string | null) ?? null } : undefined;
    const admins = this.ws.people.admins;
    const teams = this.ws.people.teams;
    const ticket: JsonObject = {
      type: 'ticket',
      id: String(this.ticketBase + index),
      ticket_id: String(index + 1),
      category,
      ticket_attributes: this.attributes(category, r, f.lorem.sentence({ min: 3, max: 7 }), f.lorem.paragraph()),
      ticket_state: this.catalog.state('submitted'),
      ticket_type: this.catalog.type(category),
      contacts: { type: 'contact.list', contacts: contactRef ? [contactRef] : [] },
      admin_assignee_id: admins.length > 0 && r.chance(0.8) ? Number(r.pick(admins).id) : 0,
      team_assignee_id: teams.length > 0 && r.chance(0.5) ? Number(r.pick(teams).id) : 0,
      created_at: createdAt,
      updated_at: createdAt,
      open: true,
      linked_objects: { type: 'list', total_count: 0, has_more: false, data: this.links(index, category, r, o.closedConversations ?? []) },
      is_shared: category === 'Customer',
      previous_ticket_state_id: null,
    };
    (ticket.linked_objects as JsonObject).total_count = ((ticket.linked_objects as JsonObject).data as unknown[]).length;
    const record: TicketRecord = { index, ticket, parts: [] };
    const partCount = o.parts ?? r.int(1, 6);
    let at = createdAt;
    for (let p = 0; p < partCount; p++) {
      at += r.int(60, 2 * DAY);
      if (o.createdAt === undefined && at >= ctx.start) break;
      const kind = p === 0 ? 'comment' : r.weighted([['comment', 40], ['note', 25], ['state', 25], ['assignment', 10]] as const);
      if (kind === 'state') {
        const next = r.pick(this.catalog.spec(category).states.filter((s) => s !== (ticket.ticket_state as JsonObject).category));
        const part = this.part(record, at, 'ticket_state_updated_by_admin', this.adminAuthor(undefined, r), r, { body: false, attachment: false });
        part.previous_ticket_state = (ticket.ticket_state as JsonObject).category;
        part.ticket_state = next;
        ticket.previous_ticket_state_id = (ticket.ticket_state as JsonObject).id;
        ticket.ticket_state = this.catalog.state(next);
        ticket.open = next !== 'resolved';
        this.push(record, part, at);
        continue;
      }
      const customer = kind === 'comment' && (p === 0 || r.chance(0.5)) ? this.customerOf(record) : undefined;
      const author = customer ?? this.adminAuthor(undefined, r);
      const partType = kind === 'assignment' ? 'assignment' : kind;
      // The first ticket's opening comment always carries a file, so every workspace has one.
      const attachment = kind !== 'assignment' && ((index === 0 && p === 0) || r.chance(0.3));
      const part = this.part(record, at, partType, author, r, { body: kind !== 'assignment', attachment });
      if (kind === 'assignment') part.assigned_to = ticket.admin_assignee_id ? { type: 'admin', id: String(ticket.admin_assignee_id) } : null;
      this.push(record, part, at);
    }
    return record;
  }

  /** Title, description and the type's custom attributes (sometimes left unset). */
  private attributes(category: TicketCategory, r: Rng, title: string, description: string): JsonObject {
    const out: JsonObject = { _default_title_: title, _default_description_: description };
    for (const spec of this.catalog.spec(category).attributes) out[spec.name] = r.chance(0.15) ? null : attributeValue(spec, r, this.ws.ctx.start);
    return out;
  }

  /** Customer tickets come from a closed conversation; trackers link earlier customer tickets. */
  private links(index: number, category: TicketCategory, r: Rng, closed: readonly { id: string }[]): JsonObject[] {
    const out: JsonObject[] = [];
    if (category === 'Customer' && closed.length > 0) out.push({ type: 'conversation', id: r.pick(closed).id, category: null });
    if (category === 'Tracker') {
      for (let i = index - 1; i >= 0 && out.length < 2; i--) {
        if (TICKET_TYPE_SPECS[i % TICKET_TYPE_SPECS.length].category === 'Customer') out.push({ type: 'ticket', id: String(this.ticketBase + i), category: 'Customer' });
      }
    }
    return out;
  }

  private part(record: TicketRecord, at: number, partType: string, author: JsonObject, r: Rng, o: { body: boolean; attachment: boolean }): JsonObject {
    const f = this.ws.ctx.faker('part', 'ticket', record.index, record.parts.length);
    const id = String(this.partBase + record.index * 1000 + record.parts.length);
    return {
      type: 'ticket_part',
      id,
      part_type: partType,
      body: o.body ? `<p>${f.lorem.sentences(r.int(1, 3))}</p>` : null,
      ticket_state: (record.ticket.ticket_state as JsonObject).category,
      created_at: at,
      updated_at: at,
      assigned_to: null,
      author,
      attachments: o.attachment ? [attachmentObject(this.ws.ctx, randomFile(this.ws.ctx, r, 'ticket-part', id))] : [],
      external_id: null,
      redacted: false,
    };
  }

  private push(record: TicketRecord, part: JsonObject, at: number): string {
    record.parts.push(part);
    record.ticket.updated_at = at;
    return String(part.id);
  }

  private customerOf(record: TicketRecord): JsonObject | undefined {
    const ref = ((record.ticket.contacts as JsonObject).contacts as JsonObject[])[0];
    const contact = ref ? this.ws.contacts.contact(String(ref.id)) : undefined;
    if (!contact) return undefined;
    const out: JsonObject = { type: 'user', id: String(contact.id), name: (contact.name as string | null) ?? null };
    if (contact.email) out.email = contact.email;
    return out;
  }

  private adminAuthor(adminId: string | undefined, r?: Rng): JsonObject {
    const admins = this.ws.people.admins;
    const admin = adminId !== undefined ? admins.find((a) => String(a.id) === adminId) : r && admins.length > 0 ? r.pick(admins) : admins[0];
    if (adminId !== undefined && !admin) throw notFound('admin', adminId);
    if (!admin) {
      const bot = this.ws.people.bots[0];
      return { type: 'bot', id: bot.id, name: bot.name };
    }
    return { type: 'admin', id: String(admin.id), name: String(admin.name), email: String(admin.email) };
  }
}

function attributeValue(spec: TicketAttributeSpec, r: Rng, start: number): unknown {
  switch (spec.dataType) {
    case 'list':
      return r.pick(spec.options ?? ['']);
    case 'integer':
      return r.int(1, 5000);
    case 'decimal':
      return r.int(100, 99_999) / 100;
    case 'boolean':
      return r.chance(0.5);
    case 'datetime':
      return start + r.int(1, 60) * DAY;
    default:
      return spec.name === 'Component' ? r.pick(COMPONENTS) : `${r.int(1, 5)}.${r.int(0, 9)}.${r.int(0, 20)}`;
  }
}
