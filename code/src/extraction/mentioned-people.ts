/**
 * After every object of the run is read: one item for each removed teammate and bot that this
 * run's objects mentioned, with the most that this run's mentions and the earlier runs' told
 * (kinds/mentioned.ts), in id order. In a sync, content DevRev already has is not sent again.
 */
import { mostTold, type MentionedKind } from '../kinds/mentioned';
import { botItem } from '../kinds/bots';
import { placeholderAdminItem } from '../kinds/placeholders';
import type { MentionedPerson } from '../normalize/types';
import type { NormalizedBatch } from '../kinds/types';
import type { LoopDeps } from './data-loop';

const ITEM_OF: Record<MentionedKind, typeof botItem | typeof placeholderAdminItem> = {
  admins: placeholderAdminItem,
  bots: botItem,
};

/** Sends them (once per run) through `push`, which leaves out what DevRev already has. */
export async function sendMentionedPeople(deps: LoopDeps, push: (items: NormalizedBatch['items']) => Promise<void>): Promise<void> {
  const run = deps.state.run!;
  if (run.mentionedSent) return;
  const ctx = deps.normalizeContext;
  const items: NormalizedBatch['items'] = [];
  for (const kind of Object.keys(ITEM_OF) as MentionedKind[]) {
    const noted: Record<string, MentionedPerson> = ctx.mentionedInRun?.[kind] ?? {};
    const earlier = deps.state.mentionedPeople[kind] ?? {};
    for (const id of Object.keys(noted).sort()) items.push(ITEM_OF[kind](id, mostTold(earlier[id], noted[id]!), ctx));
  }
  await push(items);
  run.mentionedSent = true;
  await deps.checkpoint();
}
