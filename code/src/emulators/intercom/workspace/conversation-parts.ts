/**
 * The parts of a generated conversation: one part from (seed, conversation, index) and the
 * conversation's plan, the part and author shapes of 2.16, the state a part leaves the
 * conversation in, and redaction.
 */
import type { Faker } from '@faker-js/faker';
import { attachmentObject, embeddableUrl, randomFile, randomImage } from './attachments';
import type { ConversationDeps, Plan } from './conversations';
import { ALL_HTML_FEATURES, type HtmlFeature, htmlBody, randomFeatures } from './html';
import type { Person } from './people';
import { Rng } from '../random';
import { type AuthorKind, type ConversationSkeleton, FUTURE_PART_TYPE, PART_TYPE_WEIGHTS, partTime } from './skeleton';
import type { ConversationState, JsonObject } from './types';

export const EVENT_TYPES = new Set(['assignment', 'default_assignment', 'assign_and_reopen', 'away_mode_assignment', 'open', 'close', 'snoozed', 'unsnoozed', 'participant_added', 'participant_removed', 'conversation_attribute_updated_by_admin', 'language_detection_details', 'custom_action_started', 'custom_action_finished', 'operator_workflow_event', 'conversation_rating_changed', FUTURE_PART_TYPE]);

export const ISSUE_TYPES = ['Billing', 'Bug', 'Feature request', 'Account access', 'Other'];

/** Part `k`; `lite` skips bodies and attachments (enough for list shapes, much cheaper). */
export function generatedPart(deps: ConversationDeps, skel: ConversationSkeleton, plan: Plan, k: number, stateBefore: ConversationState, lite: boolean, f: Faker): JsonObject {
  const { ctx } = deps;
  const r = new Rng(ctx.seed, 'part', skel.index, k);
  const last = k === skel.partCount - 1;
  const scripted = plan.script?.[k];
  let partType: string;
  if (scripted) partType = scripted[0];
  else if (last && skel.state === 'closed') partType = 'close';
  else if (last && skel.state === 'snoozed') partType = 'snoozed';
  else if (last) partType = r.chance(0.7) ? 'comment' : 'note';
  else partType = r.weighted(PART_TYPE_WEIGHTS);
  if (!scripted && !last && (partType === FUTURE_PART_TYPE) && !ctx.edgeCases) partType = 'comment';
  const flags = scripted ? scripted.slice(2) : [];
  const author = pickAuthor(plan, scripted ? scripted[1] : defaultAuthorKind(partType, r), r);
  const at = partTime(skel, k);
  const state = stateAfter(partType, author, stateBefore, last ? skel.state : undefined);
  const part = basePart(ctx.ids.partId(skel.index, k), partType, at, author, state);

  if (!EVENT_TYPES.has(partType) && !lite) {
    const r = new Rng(ctx.seed, 'part-body', skel.index, k);
    const drawn: HtmlFeature[] = flags.includes('rich') ? ALL_HTML_FEATURES.filter((x) => x !== 'articleLink' && x !== 'fileLink') : randomFeatures(r, ['link', 'image', 'mention', 'code', 'list', 'emoji', 'rtl', 'brokenEntity', 'table']);
    const features = flags.includes('rich') || ctx.keepsFile('part-img', skel.index, k) ? drawn : drawn.filter((x) => x !== 'image');
    if (flags.includes('image')) features.push('image');
    if (flags.includes('mention')) features.push('mention');
    let img = 0;
    part.body = partType === 'quick_reply' ? '<p>Did that answer your question?</p>' : htmlBody(f, r, features, {
      image: () => embeddableUrl(ctx, randomImage(ctx, r, 'part-img', skel.index, k, img++)),
      admins: deps.people.allAdmins,
    });
    const withFiles = flags.includes('attachments') || (!scripted && (partType === 'comment' || partType === 'note') && r.chance(0.07) && ctx.keepsFile('part-file', skel.index, k));
    if (withFiles) {
      const count = flags.includes('attachments') ? 3 : r.int(1, 3);
      part.attachments = Array.from({ length: count }, (_, a) => attachmentObject(ctx, randomFile(ctx, r, 'part-file', skel.index, k, a)));
    }
    if (flags.includes('redacted')) {
      part.redacted = true;
      part.body = REDACTED_BODY;
      part.attachments = [];
    }
  }
  if (partType === 'quick_reply') {
    part.metadata = {
      quick_reply_options: [
        { text: 'Yes 👍', uuid: uuidFrom(r) },
        { text: 'No, talk to a person', uuid: uuidFrom(r) },
      ],
    };
  }
  if (partType.includes('assign')) {
    const toTeam = plan.team && (author.type === 'team' || r.chance(0.3));
    part.assigned_to = toTeam ? { type: 'team', id: plan.team!.id } : { type: 'admin', id: plan.admins[0].id };
  }
  if (partType === 'conversation_attribute_updated_by_admin') {
    part.event_details = { attribute: { name: 'issue_type' }, value: { name: r.pick(ISSUE_TYPES), previous: r.chance(0.5) ? r.pick(ISSUE_TYPES) : null } };
  }
  if (plan.sourceType === 'email' && partType === 'comment' && isCustomer(author)) {
    part.email_message_metadata = {
      subject: 'Re: your request',
      email_address_headers: [{ type: 'from', email_address: author.email ?? 'unknown@example.com', name: author.name }],
      message_id: `<${part.id}@mail.example.com>`,
    };
  }
  return part;
}

/** The person of `kind` among the conversation's participants. */
export function pickAuthor(plan: Plan, kind: AuthorKind, r: Rng): Person {
  switch (kind) {
    case 'customer':
      return r.pick(plan.customers).person;
    case 'user':
      return (plan.customers.find((c) => c.person.type === 'user') ?? plan.customers[0]).person;
    case 'lead':
      return (plan.customers.find((c) => c.person.type === 'lead') ?? plan.customers[0]).person;
    case 'admin':
      return r.pick(plan.admins);
    case 'deletedAdmin':
      return plan.deletedAdmin ?? plan.admins[0];
    case 'bot':
      return plan.bot;
    case 'team':
      return plan.team ? { type: 'team', id: plan.team.id, name: plan.team.name, email: null } : plan.admins[0];
  }
}

export const REDACTED_BODY = '<p>This message was redacted.</p>';

export function basePart(id: string, partType: string, at: number, author: Person, state: ConversationState): JsonObject {
  return {
    type: 'conversation_part',
    id,
    part_type: partType,
    body: null,
    created_at: at,
    updated_at: at,
    notified_at: at,
    assigned_to: null,
    author: partAuthor(author),
    attachments: [],
    external_id: null,
    redacted: false,
    state,
    tags: [],
    event_details: null,
    app_package_code: null,
  };
}

function partAuthor(p: Person): JsonObject {
  const out: JsonObject = { type: p.type, id: p.id, name: p.name };
  if (p.email) out.email = p.email; // the schema wants a valid address or nothing
  if (p.type === 'bot') {
    out.from_ai_agent = p.name === 'Fin';
    out.is_ai_answer = p.name === 'Fin';
  }
  return out;
}

export function isCustomer(author: unknown): boolean {
  const type = (author as JsonObject).type;
  return type === 'user' || type === 'lead' || type === 'contact';
}

export function applyRedaction(target: JsonObject, redacted: Map<string, number>, id = String(target.id)): void {
  const at = redacted.get(id);
  if (at === undefined) return;
  target.redacted = true;
  target.body = REDACTED_BODY;
  target.attachments = [];
  if ('updated_at' in target) target.updated_at = Math.max(Number(target.updated_at), at);
}

function defaultAuthorKind(partType: string, r: Rng): AuthorKind {
  switch (partType) {
    case 'comment':
      return r.weighted<AuthorKind>([['customer', 50], ['admin', 40], ['bot', 8], ['team', 2]]);
    case 'note':
      return r.chance(0.95) ? 'admin' : 'bot';
    case 'quick_reply':
    case 'language_detection_details':
    case 'operator_workflow_event':
    case 'custom_action_started':
    case 'custom_action_finished':
    case FUTURE_PART_TYPE:
      return 'bot';
    case 'conversation_rating_changed':
      return 'customer';
    default:
      return r.chance(0.8) ? 'admin' : 'bot';
  }
}

/** The conversation state right after a part. */
export function stateAfter(partType: string, author: Person, before: ConversationState, forced?: ConversationState): ConversationState {
  if (forced) return forced;
  if (partType === 'close') return 'closed';
  if (partType === 'snoozed') return 'snoozed';
  if (partType === 'open' || partType === 'assign_and_reopen' || partType === 'unsnoozed') return 'open';
  if (partType === 'comment' && (author.type === 'user' || author.type === 'lead')) return 'open';
  return before;
}

function uuidFrom(r: Rng): string {
  const hex = Array.from({ length: 32 }, () => r.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
