/** Generated companies (Intercom `company` objects minus the fields that depend on contacts). */
import type { Context } from './context';
import { Rng } from '../random';
import type { JsonObject } from './types';

const DAY = 86_400;
const INDUSTRIES = ['Software', 'Retail', 'Healthcare', 'Finance', 'Education', 'Logistics', ''];
const TIERS = ['free', 'starter', 'pro', 'enterprise'];
const PLANS = [
  { type: 'plan', id: '1', name: 'Starter' },
  { type: 'plan', id: '2', name: 'Pro' },
  { type: 'plan', id: '3', name: 'Enterprise' },
];

/** Edge-case company indexes (when edge cases are on). */
export const EDGE_COMPANY = { allAttributeTypes: 0, nastyName: 1, withoutContacts: 2 } as const;

export function companyId(ctx: Context, index: number): string {
  return ctx.ids.hex('company', index);
}

/** The company at `index`; `user_count` is filled in by the caller (it depends on contacts). */
export function generateCompany(ctx: Context, index: number): JsonObject {
  const r = new Rng(ctx.seed, 'company', index);
  const f = ctx.faker('company', index);
  const edge = ctx.edgeCases;
  const createdAt = ctx.start - r.int(30 * DAY, 900 * DAY);
  const updatedAt = createdAt + r.int(0, ctx.start - createdAt - 60);
  let name = f.company.name();
  if (edge && index === EDGE_COMPANY.nastyName) name = 'Ünïcode & Sons, "Ltd." <script>alert(1)</script> 🏢';
  const attributes: JsonObject = {};
  const full = edge && index === EDGE_COMPANY.allAttributeTypes;
  if (full || r.chance(0.7)) attributes.tier = r.pick(TIERS);
  if (full || r.chance(0.6)) attributes.employees = r.int(1, 20_000);
  if (full || r.chance(0.5)) attributes.arr = Math.round(r.next() * 5_000_000) / 100;
  if (full || r.chance(0.5)) attributes.is_partner = r.chance(0.3);
  if (full || r.chance(0.4)) attributes.renewal_at = ctx.start + r.int(-200 * DAY, 400 * DAY);
  if (full || r.chance(0.3)) attributes.account_manager_note = r.chance(0.5) ? f.lorem.sentence() : '';
  const company: JsonObject = {
    type: 'company',
    company_id: edge && index === EDGE_COMPANY.nastyName ? 'ext id/with spaces & ünïcode' : `cmp-${String(index + 1).padStart(5, '0')}`,
    id: companyId(ctx, index),
    app_id: ctx.appId,
    name,
    remote_created_at: createdAt - r.int(0, 400 * DAY),
    created_at: createdAt,
    updated_at: updatedAt,
    last_request_at: updatedAt - r.int(0, 5 * DAY),
    monthly_spend: r.int(0, 25_000),
    session_count: r.int(0, 3000),
    user_count: 0,
    size: r.int(1, 5000),
    website: r.chance(0.8) ? `https://${f.internet.domainName()}` : '',
    industry: r.pick(INDUSTRIES),
    plan: r.chance(0.3) ? {} : { ...r.pick(PLANS) },
    custom_attributes: attributes,
    tags: { type: 'tag.list', tags: [] },
    segments: { type: 'segment.list', segments: [] },
  };
  return company;
}

/** Tag ids applied to a company (a few companies carry tags). */
export function companyTagIndexes(ctx: Context, index: number): number[] {
  const r = new Rng(ctx.seed, 'company-tags', index);
  if (ctx.size.tags === 0 || !r.chance(0.3)) return [];
  return r.sample(ctx.size.tags, r.int(1, 3));
}
