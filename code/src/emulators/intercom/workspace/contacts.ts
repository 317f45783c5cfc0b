/** Generated contacts (users and leads) and their links to tags and companies. */
import type { Context } from './context';
import type { Customer } from './conversations';
import { EDGE_COMPANY } from './companies';
import { Rng } from '../random';
import type { JsonObject } from './types';

const DAY = 86_400;

/** Edge-case contact indexes (when edge cases are on). */
export const EDGE_CONTACT = {
  manyTagsAndCompanies: 0,
  leadWithoutEmailOrName: 1,
  userWithoutName: 2,
  withoutTagsOrCompanies: 3,
  leadWithEmail: 4,
  nastyName: 5,
  rightToLeftName: 6,
  withoutReferenceId: 7,
} as const;

/** A contact before overlays: the object (without relationship previews) and its links. */
export interface ContactRecord {
  object: JsonObject;
  tagIndexes: number[];
  companyIndexes: number[];
}

export function contactId(ctx: Context, index: number): string {
  return ctx.ids.hex('contact', index);
}

/** Role of the contact at `index`, cheaply (conversations need it to type their authors). */
export function contactRole(ctx: Context, index: number): 'user' | 'lead' {
  if (ctx.edgeCases && (index === EDGE_CONTACT.leadWithoutEmailOrName || index === EDGE_CONTACT.leadWithEmail)) return 'lead';
  if (ctx.edgeCases && index < 8) return 'user';
  return new Rng(ctx.seed, 'contact-role', index).chance(0.25) ? 'lead' : 'user';
}

export function contactCompanyIndexes(ctx: Context, index: number): number[] {
  const r = new Rng(ctx.seed, 'contact-companies', index);
  const n = ctx.size.companies;
  if (n === 0) return [];
  let picked: number[];
  if (ctx.edgeCases && index === EDGE_CONTACT.manyTagsAndCompanies) picked = r.sample(n, Math.min(n, 12));
  else if (ctx.edgeCases && index === EDGE_CONTACT.withoutTagsOrCompanies) picked = [];
  else picked = r.sample(n, r.weighted([[0, 3], [1, 6], [2, 1]] as const));
  return ctx.edgeCases ? picked.filter((c) => c !== EDGE_COMPANY.withoutContacts) : picked;
}

export function contactTagIndexes(ctx: Context, index: number): number[] {
  const r = new Rng(ctx.seed, 'contact-tags', index);
  const n = ctx.size.tags;
  if (n === 0) return [];
  if (ctx.edgeCases && index === EDGE_CONTACT.manyTagsAndCompanies) return r.sample(n, Math.min(n, 12));
  if (ctx.edgeCases && index === EDGE_CONTACT.withoutTagsOrCompanies) return [];
  return r.sample(n, r.weighted([[0, 5], [1, 3], [2, 1], [3, 1]] as const));
}

export function generateContact(ctx: Context, index: number): ContactRecord {
  const r = new Rng(ctx.seed, 'contact', index);
  const f = ctx.faker('contact', index);
  const edge = ctx.edgeCases;
  const role = contactRole(ctx, index);
  const id = contactId(ctx, index);
  const first = f.person.firstName();
  const last = f.person.lastName();
  let name: string | null = role === 'lead' && r.chance(0.4) ? null : `${first} ${last}`;
  let email: string = role === 'lead' && r.chance(0.5) ? '' : f.internet.email({ firstName: first, lastName: last }).toLowerCase();
  if (edge) {
    if (index === EDGE_CONTACT.leadWithoutEmailOrName) [name, email] = [null, ''];
    if (index === EDGE_CONTACT.userWithoutName) name = null;
    if (index === EDGE_CONTACT.leadWithEmail && !email) email = `lead.${index}@example.org`;
    if (index === EDGE_CONTACT.nastyName) [name, email] = ["Zoë O'Brien-Łukasiewicz 🎉 <b>&amp;</b>", "zoe.o'brien+support@example.com"];
    if (index === EDGE_CONTACT.rightToLeftName) name = 'محمد عبد الله';
  }
  const createdAt = ctx.start - r.int(2 * DAY, 800 * DAY);
  const updatedAt = createdAt + r.int(0, ctx.start - createdAt - 60);
  const seen = r.chance(0.8) ? updatedAt - r.int(0, 3 * DAY) : null;
  const withoutReference = (edge && index === EDGE_CONTACT.withoutReferenceId) || r.chance(0.1);
  const attributes: JsonObject = {
    crm_id: withoutReference ? null : `CRM-${String(index + 1).padStart(6, '0')}`,
  };
  if (r.chance(0.6)) attributes.plan_name = r.pick(['Free', 'Starter', 'Pro', 'Enterprise']);
  if (r.chance(0.5)) attributes.seats = r.int(1, 500);
  if (r.chance(0.4)) attributes.mrr = Math.round(r.next() * 100_000) / 100;
  if (r.chance(0.4)) attributes.beta_tester = r.chance(0.5);
  if (r.chance(0.3)) attributes.trial_ends_at = createdAt + r.int(7 * DAY, 30 * DAY);
  const object: JsonObject = {
    type: 'contact',
    id,
    workspace_id: ctx.appId,
    external_id: role === 'user' ? `usr_${index + 1}` : null,
    role,
    email,
    email_domain: email.includes('@') ? email.split('@')[1] : '',
    phone: r.chance(0.3) ? f.phone.number({ style: 'international' }) : null,
    name,
    owner_id: r.chance(0.4) ? String(ctx.ids.admin + r.int(0, Math.max(0, ctx.size.admins - 1)) * 7) : null,
    has_hard_bounced: r.chance(0.03),
    marked_email_as_spam: r.chance(0.02),
    unsubscribed_from_emails: r.chance(0.1),
    created_at: createdAt,
    updated_at: updatedAt,
    signed_up_at: role === 'user' ? createdAt : null,
    last_seen_at: seen,
    last_replied_at: r.chance(0.6) ? updatedAt - r.int(0, 10 * DAY) : null,
    last_contacted_at: r.chance(0.5) ? updatedAt - r.int(0, 20 * DAY) : null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: r.chance(0.1) ? r.pick(['fr', 'de', 'ja', 'ar']) : null,
    browser: r.pick(['chrome', 'firefox', 'safari', null]),
    browser_version: null,
    browser_language: r.pick(['en', 'en-GB', 'fr', 'de', null]),
    os: r.pick(['OS X 14.1', 'Windows 11', 'iOS 17', 'Android 14', null]),
    custom_attributes: attributes,
    avatar: r.chance(0.3) ? { type: 'avatar', image_url: `https://static.intercomassets.com/avatars/${id}/square_128/avatar.png` } : null,
    location: { type: 'location', country: f.location.country(), region: f.location.state(), city: f.location.city(), country_code: f.location.countryCode('alpha-3'), continent_code: null },
    social_profiles: { type: 'list', data: [] },
  };
  return { object, tagIndexes: contactTagIndexes(ctx, index), companyIndexes: contactCompanyIndexes(ctx, index) };
}

/** A contact as conversations reference it. */
export function customerOf(record: ContactRecord): Customer {
  const o = record.object;
  return {
    person: { type: o.role as 'user' | 'lead', id: String(o.id), name: (o.name as string | null) ?? null, email: (o.email as string) || null },
    externalId: (o.external_id as string | null) ?? null,
  };
}
