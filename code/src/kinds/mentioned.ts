/**
 * People that objects mention but no listing returns: teammates removed from the workspace
 * (placeholders.ts) and bots (bots.ts). Each becomes an item built from what its mentions tell,
 * and mentions tell unevenly: a part's author carries a name and an email, an assignee or an
 * article's author only an id. So what was sent is remembered (`MentionedPeople`, in the run's
 * context and, between runs, in the connector state): an item goes out once per run, again only
 * when a later mention tells more, and never with less than was sent before. Then the item DevRev
 * ends with does not depend on which object's read happened to finish first, and a sync whose
 * mention tells less sends nothing (its content is unchanged: `compareContent`).
 */
import type { MentionedPerson, MentionedPeople } from '../normalize/types';

/** Most people remembered per kind (beyond it a mention is sent as it is, once per run). */
export const MENTIONED_PEOPLE_CAP = 500;

export interface Mention {
  id: string;
  name?: string | null;
  email?: string | null;
}

/**
 * The people among `mentions` to push now, each with the most that was told of it: those not
 * pushed yet in this run (`pushed`, updated here) and those a mention tells more of than was sent.
 */
export function peopleToPush(mentions: Mention[], kind: keyof MentionedPeople, remembered: MentionedPeople, pushed: string[]): Map<string, MentionedPerson> {
  const known = (remembered[kind] ??= {});
  const toPush = new Map<string, MentionedPerson>();
  for (const m of mentions) {
    const before = toPush.get(m.id) ?? known[m.id];
    const told: MentionedPerson = { name: before?.name || m.name || null, email: before?.email || m.email || null };
    const tellsMore = before !== undefined && (told.name !== before.name || told.email !== before.email);
    if (tellsMore || (!toPush.has(m.id) && !pushed.includes(m.id))) toPush.set(m.id, told);
  }
  for (const [id, person] of toPush) {
    if (id in known || Object.keys(known).length < MENTIONED_PEOPLE_CAP) known[id] = person;
    if (!pushed.includes(id)) pushed.push(id);
  }
  return toPush;
}
