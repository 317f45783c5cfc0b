/**
 * Admins (teammates), the deleted admin old parts still reference, bots, teams and tags.
 * Small lists: built once per workspace.
 */
import type { Context } from './context';
import { Rng } from '../random';
import type { JsonObject } from './types';

/** An author reference as parts carry it. */
export interface Person {
  type: 'admin' | 'bot' | 'team' | 'user' | 'lead';
  id: string;
  name: string | null;
  email: string | null;
}

export interface People {
  /** Live admins, as `GET /admins` lists them. */
  admins: JsonObject[];
  /** Every admin that ever existed, including the deleted one(s) (authors of old parts). */
  allAdmins: Person[];
  /** Ids of admins no longer in `/admins`. */
  deletedAdminIds: string[];
  bots: Person[];
  teams: JsonObject[];
  tags: JsonObject[];
}

const JOB_TITLES = ['Support Engineer', 'Customer Success Manager', 'Head of Support', 'Billing Specialist', 'Solutions Architect'];

const NASTY_TAG_NAMES = ['VIP 🔥', 'vip', 'billing/refund', 'needs, follow-up', 'Ünïcödé – tag', 'bug: "login"', 'a'.repeat(0) + 'x'.repeat(60), 'עברית', '<b>html</b>', 'churn-risk'];

export function generatePeople(ctx: Context): People {
  const { size, ids } = ctx;
  const admins: JsonObject[] = [];
  const allAdmins: Person[] = [];
  const teamCount = size.teams;
  const adminCount = size.admins + (ctx.edgeCases ? 1 : 0); // the last one is deleted
  for (let i = 0; i < adminCount; i++) {
    const r = new Rng(ctx.seed, 'admin', i);
    const f = ctx.faker('people', 'admin', i);
    const first = f.person.firstName();
    const last = f.person.lastName();
    const id = String(ids.admin + i * 7);
    const name = i === 0 ? `${first} ${last}` : r.chance(0.1) ? `${first} ${last} (Support) ✨` : `${first} ${last}`;
    const email = f.internet.email({ firstName: first, lastName: last, provider: 'example-support.com' }).toLowerCase();
    allAdmins.push({ type: 'admin', id, name, email });
    if (ctx.edgeCases && i === adminCount - 1) continue;
    const away = ctx.edgeCases && i === 1 ? true : i > 0 && r.chance(0.15);
    const seat = ctx.edgeCases && i === 2 ? false : i === 0 || r.chance(0.85);
    const teamIds = teamCount === 0 ? [] : r.sample(teamCount, r.int(0, Math.min(2, teamCount))).map((t) => ids.team + t * 3);
    const admin: JsonObject = {
      type: 'admin',
      id,
      name,
      email,
      job_title: r.pick(JOB_TITLES),
      away_mode_enabled: away,
      away_mode_reassign: away && r.chance(0.6),
      away_status_reason_id: away ? r.int(1, 5) : null,
      has_inbox_seat: seat,
      team_ids: teamIds,
      avatar: r.chance(0.5) ? `https://static.intercomassets.com/avatars/${id}/square_128/${first.toLowerCase()}.png` : null,
    };
    admins.push(admin);
  }
  const deletedAdminIds = ctx.edgeCases ? [allAdmins[allAdmins.length - 1].id] : [];

  const bots: Person[] = [
    { type: 'bot', id: String(ids.bot), name: 'Fin', email: `operator+${ctx.appId}@intercom.io` },
    { type: 'bot', id: String(ids.bot + 1), name: 'Operator', email: `operator+${ctx.appId}@intercom.io` },
  ];

  const teams: JsonObject[] = [];
  for (let t = 0; t < teamCount; t++) {
    const f = ctx.faker('people', 'team', t);
    const members = admins.filter((a) => (a.team_ids as number[]).includes(ids.team + t * 3)).map((a) => Number(a.id));
    const r = new Rng(ctx.seed, 'team', t);
    teams.push({
      type: 'team',
      id: String(ids.team + t * 3),
      name: t === 0 ? 'Tier 1 Support' : `${f.commerce.department()} ${t}`,
      admin_ids: ctx.edgeCases && t === teamCount - 1 ? [] : members,
      assignment_limit: r.chance(0.5) ? r.int(5, 50) : null,
      distribution_method: r.pick(['round_robin', 'balanced', null]),
    });
  }
  if (ctx.edgeCases && teamCount > 0) {
    // Make sure the empty team really has nobody, even in admins' team_ids.
    const emptyId = ids.team + (teamCount - 1) * 3;
    for (const a of admins) a.team_ids = (a.team_ids as number[]).filter((id) => id !== emptyId);
  }

  const tags: JsonObject[] = [];
  for (let t = 0; t < size.tags; t++) {
    const f = ctx.faker('people', 'tag', t);
    const nasty = ctx.edgeCases && t < NASTY_TAG_NAMES.length ? NASTY_TAG_NAMES[t] : undefined;
    tags.push({ type: 'tag', id: String(ids.tag + t), name: nasty ?? `${f.word.adjective()}-${f.word.noun()}-${t}` });
  }
  return { admins, allAdmins, deletedAdminIds, bots, teams, tags };
}
