/**
 * Ticket types (one per category, with their custom attributes) and ticket states, in Intercom
 * 2.16's shapes (`GET /ticket_types`, `GET /ticket_states`). Fixed per seed: only ids move.
 */
import type { Context } from './context';
import { hash32 } from '../random';
import type { JsonObject } from './types';

export type TicketCategory = 'Customer' | 'Back-office' | 'Tracker';
export type TicketStateCategory = 'submitted' | 'in_progress' | 'waiting_on_customer' | 'resolved';

/** One custom attribute of a ticket type: its name, data type and (list) options. */
export interface TicketAttributeSpec {
  name: string;
  dataType: 'string' | 'list' | 'integer' | 'decimal' | 'boolean' | 'datetime';
  options?: string[];
}

interface TypeSpec {
  category: TicketCategory;
  name: string;
  description: string;
  icon: string;
  attributes: TicketAttributeSpec[];
  states: TicketStateCategory[];
}

export const TICKET_TYPE_SPECS: readonly TypeSpec[] = [
  {
    category: 'Customer', name: 'Bug report', description: 'A customer reports something broken', icon: '🐞',
    attributes: [
      { name: 'Severity', dataType: 'list', options: ['Low', 'Medium', 'High', 'Critical'] },
      { name: 'Affected version', dataType: 'string' },
    ],
    states: ['submitted', 'in_progress', 'waiting_on_customer', 'resolved'],
  },
  {
    category: 'Back-office', name: 'Refund request', description: 'Billing work behind the scenes', icon: '💳',
    attributes: [
      { name: 'Amount', dataType: 'decimal' },
      { name: 'Approved', dataType: 'boolean' },
      { name: 'Due date', dataType: 'datetime' },
    ],
    states: ['submitted', 'in_progress', 'resolved'],
  },
  {
    category: 'Tracker', name: 'Incident', description: 'Tracks one problem many customers hit', icon: '🚨',
    attributes: [
      { name: 'Affected customers', dataType: 'integer' },
      { name: 'Component', dataType: 'string' },
    ],
    states: ['submitted', 'in_progress', 'resolved'],
  },
];

const STATE_LABELS: Record<TicketStateCategory, [internal: string, external: string]> = {
  submitted: ['Submitted', 'Submitted'],
  in_progress: ['In progress', 'In progress'],
  waiting_on_customer: ['Waiting on customer', 'Awaiting your reply'],
  resolved: ['Resolved', 'Resolved'],
};
export const STATE_CATEGORIES = Object.keys(STATE_LABELS) as TicketStateCategory[];

const DEFAULT_ATTRIBUTES: TicketAttributeSpec[] = [
  { name: '_default_title_', dataType: 'string' },
  { name: '_default_description_', dataType: 'string' },
];

/** Ids and shapes of the ticket types and states of one workspace. */
export class TicketCatalog {
  private readonly typeBase: number;
  private readonly stateBase: number;
  private readonly attributeBase: number;

  constructor(private readonly ctx: Context) {
    this.typeBase = 10 + (hash32(ctx.seed, 'ticket-type') % 900) * 10;
    this.stateBase = 8_000 + (hash32(ctx.seed, 'ticket-state') % 9_000) * 10;
    this.attributeBase = 30_000 + (hash32(ctx.seed, 'ticket-attribute') % 9_000) * 20;
  }

  typeId(category: TicketCategory): string {
    return String(this.typeBase + TICKET_TYPE_SPECS.findIndex((t) => t.category === category));
  }

  spec(category: TicketCategory): TypeSpec {
    return TICKET_TYPE_SPECS.find((t) => t.category === category)!;
  }

  /** The `ticket_state` object of a state category. */
  state(category: TicketStateCategory): JsonObject {
    const [internal, external] = STATE_LABELS[category];
    return { type: 'ticket_state', id: String(this.stateBase + STATE_CATEGORIES.indexOf(category)), category, internal_label: internal, external_label: external };
  }

  /** The `ticket_type` object, as tickets embed it and `GET /ticket_types` lists it. */
  type(category: TicketCategory): JsonObject {
    const index = TICKET_TYPE_SPECS.findIndex((t) => t.category === category);
    const spec = TICKET_TYPE_SPECS[index];
    const created = this.ctx.start - 400 * 86_400;
    const attributes = [...DEFAULT_ATTRIBUTES, ...spec.attributes].map((a, order) => ({
      type: 'ticket_type_attribute',
      id: String(this.attributeBase + index * 10 + order),
      workspace_id: this.ctx.appId,
      name: a.name,
      description: a.name.startsWith('_default_') ? '' : `${a.name} of the ${spec.name.toLowerCase()}`,
      data_type: a.dataType,
      input_options: a.options ? { list_options: a.options.map((label, i) => ({ id: `${index}-${order}-${i}`, label, archived: false })) } : {},
      order,
      required_to_create: order === 0,
      required_to_create_for_contacts: false,
      visible_on_create: true,
      visible_to_contacts: spec.category === 'Customer',
      default: a.name.startsWith('_default_'),
      ticket_type_id: Number(this.typeId(category)),
      archived: false,
      created_at: created,
      updated_at: created,
    }));
    return {
      type: 'ticket_type',
      id: this.typeId(category),
      category,
      name: spec.name,
      description: spec.description,
      icon: spec.icon,
      workspace_id: this.ctx.appId,
      ticket_type_attributes: { type: 'ticket_type_attributes.list', ticket_type_attributes: attributes },
      ticket_states: { type: 'list', data: spec.states.map((s) => this.state(s)) },
      archived: false,
      created_at: created,
      updated_at: created,
    };
  }

  types(): JsonObject[] {
    return TICKET_TYPE_SPECS.map((t) => this.type(t.category));
  }

  /** `GET /ticket_states` items: each state with the types that use it. */
  states(): JsonObject[] {
    return STATE_CATEGORIES.map((category) => {
      const types = TICKET_TYPE_SPECS.filter((t) => t.states.includes(category)).map((t) => {
        const { ticket_type_attributes: _a, ticket_states: _s, ...summary } = this.type(t.category);
        return summary;
      });
      return { ...this.state(category), archived: false, ticket_types: { type: 'list', data: types } };
    });
  }
}
