/**
 * People that objects mention but no listing returns: teammates removed from the workspace
 * (placeholders.ts) and bots (bots.ts). Mentions tell unevenly: a part's author carries a name and
 * an email, an assignee or an article's author only an id. Were each person sent with the first
 * mention the run happened to read, the item DevRev ends with would depend on which read finished
 * first, and a sync whose mention told less would send it again with less. So the normalizers only
 * note what each mention tells (`noteMentions`, in the run's context); the data loop sends each
 * person once, after every object is read (extraction/mentioned-people.ts), with the most that this
 * run and the earlier ones told (`mostTold`; the connector state keeps the earlier ones).
 */
import type { MentionedPerson, MentionedPeople } from '../normalize/types';

/**
 * Most people noted per kind in a run and kept between runs (state size). Beyond it a mention is
 * sent at once, as it is (then possibly more than once in a run, but never lost).
 */
export const MENTIONED_PEOPLE_CAP = 500;

export type MentionedKind = keyof MentionedPeople;

export interface Mention {
  id: string;
  name?: string | null;
  email?: string | null;
}

/** What `earlier` told, completed by `later` where it told nothing. */
export function mostTold(earlier: MentionedPerson | undefined, later: Mention | MentionedPerson): MentionedPerson {
  return { name: earlier?.name || later.name || null, email: earlier?.email || later.email || null };
}

/**
 * Notes what `mentions` tell in the run's record `noted`; returns the mentions of people beyond
 * the cap, which the caller sends at once.
 */
export function noteMentions(mentions: Mention[], kind: MentionedKind, noted: MentionedPeople): Mention[] {
  const record = (noted[kind] ??= {});
  const beyondCap: Mention[] = [];
  for (const m of mentions) {
    if (m.id in record || Object.keys(record).length < MENTIONED_PEOPLE_CAP) record[m.id] = mostTold(record[m.id], m);
    else beyondCap.push(m);
  }
  return beyondCap;
}

/** `earlier` with what `run` told added (earlier first), within the cap. */
export function mergeMentioned(earlier: MentionedPeople, run: MentionedPeople): MentionedPeople {
  const merged: MentionedPeople = {};
  for (const kind of ['admins', 'bots'] as const) {
    const record = { ...earlier[kind] };
    for (const [id, told] of Object.entries(run[kind] ?? {})) {
      if (id in record || Object.keys(record).length < MENTIONED_PEOPLE_CAP) record[id] = mostTold(record[id], told);
    }
    if (Object.keys(record).length > 0) merged[kind] = record;
  }
  return merged;
}
