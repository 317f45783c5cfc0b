/**
 * Conversation skeletons: the few numbers per conversation (times, state, part count) that
 * listing and searching need, computed cheaply for every index without faker. The full object
 * is materialized from the skeleton on demand (see conversations.ts).
 */
import type { Context } from './context';
import { Rng } from '../random';
import type { ConversationState } from './types';

const DAY = 86_400;

/** The per-conversation numbers everything else is derived from. */
export interface ConversationSkeleton {
  index: number;
  id: string;
  created_at: number;
  /** Time of the last generated part (or creation); overlays may move it later. */
  updated_at: number;
  state: ConversationState;
  /** Generated parts after the source (mutations may add more). */
  partCount: number;
  /** Set for conversations made by a mutation: the contact they were started by. */
  contactId?: string;
  withAttachment?: boolean;
}

/** Where the guaranteed edge cases live (indexes offset by the number of long conversations). */
export function edgeConversationIndexes(ctx: Context) {
  const long = ctx.size.longConversations;
  return {
    /** Every part type and author type, a deleted admin, redactions, attachments. */
    everyPartType: long,
    openUnassignedEmail: long + 1,
    snoozed: long + 2,
    groupWithNastySource: long + 3,
    adminInitiatedRedactedSource: long + 4,
    tagsAttributesAndFiles: long + 5,
    count: long + 6,
  };
}

/** Part types in an ordinary conversation, with weights. */
export const PART_TYPE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['comment', 40], ['note', 10], ['assignment', 6], ['open', 2], ['close', 3], ['snoozed', 2], ['unsnoozed', 1],
  ['default_assignment', 3], ['assign_and_reopen', 2], ['quick_reply', 2], ['conversation_attribute_updated_by_admin', 3],
  ['away_mode_assignment', 1], ['participant_added', 1], ['participant_removed', 0.5], ['conversation_rating_changed', 0.5],
  ['language_detection_details', 0.5], ['custom_action_started', 0.3], ['custom_action_finished', 0.3],
  ['operator_workflow_event', 0.5], ['ai_handoff_summary_v3', 0.2],
];

/** A part type newer than any client knows: clients must treat it as an event. */
export const FUTURE_PART_TYPE = 'ai_handoff_summary_v3';

/** Who writes a part, as the generator chooses it. */
export type AuthorKind = 'customer' | 'user' | 'lead' | 'admin' | 'deletedAdmin' | 'bot' | 'team';

/** The scripted edge-case conversation: every part type and every author type. */
export const EVERY_PART_TYPE_SCRIPT: ReadonlyArray<readonly [string, AuthorKind, ...string[]]> = [
  ['comment', 'user', 'attachments'], ['comment', 'lead', 'rich'], ['note', 'admin', 'mention'], ['assignment', 'admin'],
  ['default_assignment', 'bot'], ['assign_and_reopen', 'admin'], ['away_mode_assignment', 'bot'], ['participant_added', 'admin'],
  ['participant_removed', 'admin'], ['quick_reply', 'bot'], ['comment', 'bot'], ['conversation_attribute_updated_by_admin', 'admin'],
  ['language_detection_details', 'bot'], ['custom_action_started', 'bot'], ['custom_action_finished', 'bot'], ['operator_workflow_event', 'bot'],
  [FUTURE_PART_TYPE, 'bot'], ['snoozed', 'admin'], ['unsnoozed', 'bot'], ['open', 'admin'], ['conversation_rating_changed', 'user'],
  ['comment', 'deletedAdmin', 'rich'], ['note', 'deletedAdmin'], ['assignment', 'team'], ['comment', 'team'],
  ['comment', 'user', 'redacted'], ['comment', 'admin', 'attachments'], ['note', 'admin', 'image'], ['comment', 'user', 'image'],
  ['comment', 'admin'], ['conversation_rating_changed', 'lead'], ['close', 'admin'],
];

/** Total generated conversations: the live ones plus those deleted before the start. */
export function generatedConversationCount(ctx: Context): number {
  return ctx.size.conversations + ctx.size.deletedConversations;
}

/** Indexes (among the generated ones) of conversations deleted before the workspace starts. */
export function initiallyDeletedIndexes(ctx: Context): number[] {
  const total = generatedConversationCount(ctx);
  const protectedCount = ctx.edgeCases ? Math.min(edgeConversationIndexes(ctx).count, ctx.size.conversations) : 0;
  const r = new Rng(ctx.seed, 'deleted-conversations');
  return r.sample(total - protectedCount, ctx.size.deletedConversations).map((i) => i + protectedCount);
}

export function conversationId(ctx: Context, index: number): string {
  return String(ctx.ids.conversation + index);
}

export function conversationIndexOf(ctx: Context, id: string): number | undefined {
  if (!/^\d{1,15}$/.test(id)) return undefined;
  const index = Number(id) - ctx.ids.conversation;
  return index >= 0 && Number.isSafeInteger(index) ? index : undefined;
}

export function generateSkeleton(ctx: Context, index: number): ConversationSkeleton {
  const r = new Rng(ctx.seed, 'skeleton', index);
  const edge = ctx.edgeCases ? edgeConversationIndexes(ctx) : undefined;
  const isLong = index < ctx.size.longConversations;
  let state: ConversationState = r.weighted([['closed', 60], ['open', 30], ['snoozed', 10]] as const);
  let partCount = r.int(0, ctx.size.maxPartsPerConversation);
  if (isLong) partCount = 501 + r.int(0, 150);
  if (edge) {
    if (index === edge.everyPartType) [state, partCount] = ['closed', EVERY_PART_TYPE_SCRIPT.length];
    if (index === edge.openUnassignedEmail) [state, partCount] = ['open', Math.max(partCount, 2)];
    if (index === edge.snoozed) [state, partCount] = ['snoozed', Math.max(partCount, 3)];
    if (index === edge.groupWithNastySource) state = 'closed';
    if (index === edge.tagsAttributesAndFiles) [state, partCount] = ['closed', Math.max(partCount, 4)];
  }
  if (state !== 'open' && partCount === 0) partCount = 1; // closing and snoozing leave a part
  const createdAt = ctx.start - r.int(DAY, 730 * DAY);
  const maxSpan = Math.min(ctx.start - createdAt - 60, (isLong ? 60 : 20) * DAY);
  const span = partCount === 0 ? 0 : Math.max(partCount, r.int(partCount * 30, Math.max(partCount * 30, maxSpan)));
  return { index, id: conversationId(ctx, index), created_at: createdAt, updated_at: createdAt + span, state, partCount };
}

/** Time of generated part `k` of `n`: spread evenly between creation and the last update. */
export function partTime(s: ConversationSkeleton, k: number): number {
  const span = s.updated_at - s.created_at;
  return s.created_at + Math.floor((span * (k + 1)) / s.partCount);
}
