/**
 * Data attribute definitions matching the custom attributes the generators write: what a client
 * needs to type `custom_attributes` values (strings, numbers, booleans, dates as unix seconds).
 */
import type { Context } from './context';
import type { JsonObject } from './types';

type Definition = [name: string, label: string, dataType: string, custom: boolean];

const CONTACT: Definition[] = [
  ['name', 'Name', 'string', false],
  ['email', 'Email', 'string', false],
  ['created_at', 'Signed up', 'date', false],
  ['last_seen_at', 'Last seen', 'date', false],
  ['crm_id', 'CRM id', 'string', true],
  ['plan_name', 'Plan name', 'string', true],
  ['seats', 'Seats', 'integer', true],
  ['mrr', 'MRR', 'float', true],
  ['beta_tester', 'Beta tester', 'boolean', true],
  ['trial_ends_at', 'Trial ends', 'date', true],
];

const COMPANY: Definition[] = [
  ['name', 'Company name', 'string', false],
  ['monthly_spend', 'Monthly Spend', 'float', false],
  ['tier', 'Tier', 'string', true],
  ['employees', 'Employees', 'integer', true],
  ['arr', 'ARR', 'float', true],
  ['is_partner', 'Partner?', 'boolean', true],
  ['renewal_at', 'Renewal date', 'date', true],
  ['account_manager_note', 'Account manager note', 'string', true],
];

/** `GET /data_attributes?model=contact|company` items. */
export function dataAttributes(ctx: Context, model: 'contact' | 'company', adminId: string): JsonObject[] {
  const defs = model === 'contact' ? CONTACT : COMPANY;
  return defs.map(([name, label, dataType, custom], i) => {
    const out: JsonObject = {
      type: 'data_attribute',
      name,
      full_name: custom ? `custom_attributes.${name}` : name,
      label,
      description: custom ? `${label} (synced from the CRM)` : `${label} of the ${model}`,
      data_type: dataType,
      api_writable: custom,
      ui_writable: custom,
      messenger_writable: false,
      custom,
      archived: false,
      model,
    };
    if (custom) {
      out.id = 100 + i + (model === 'company' ? 50 : 0);
      out.created_at = ctx.start - 400 * 86_400;
      out.updated_at = ctx.start - 300 * 86_400;
      out.admin_id = adminId;
    }
    if (name === 'plan_name') out.options = ['Free', 'Starter', 'Pro', 'Enterprise'];
    if (name === 'tier') out.options = ['free', 'starter', 'pro', 'enterprise'];
    return out;
  });
}

/** `GET /conversations/attributes` items (2.16's conversation attribute shape). */
export function conversationAttributes(ctx: Context, adminId: string): JsonObject[] {
  const base = (id: number, name: string, dataType: string): JsonObject => ({
    type: 'conversation_attribute',
    id,
    name,
    data_type: dataType,
    required: false,
    visible_to_team_ids: [],
    archived: false,
    created_at: ctx.start - 400 * 86_400,
    updated_at: ctx.start - 200 * 86_400,
    admin_id: adminId,
  });
  return [
    { ...base(201, 'issue_type', 'list'), options: ['Billing', 'Bug', 'Feature request', 'Account access', 'Other'].map((label, i) => ({ id: `opt-${i + 1}`, label, archived: false })) },
    { ...base(202, 'jira_issue_key', 'string'), multiline: false },
    base(203, 'order_number', 'integer'),
    base(204, 'follow_up_at', 'datetime'),
    { ...base(205, 'customer_comment', 'string'), multiline: true },
  ];
}
