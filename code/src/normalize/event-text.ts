import type { IntercomConversationPart } from '../intercom/schemas';

/**
 * Readable timeline text for event parts (assignment, close, open, snooze, attribute changes...), e.g.
 * "Assigned to Ann Lee by Bob Stone". Names come from the part's author, then from the admin/team name
 * maps, then fall back to "admin 123"/"team 5". Unknown part types read "<part type in words> by <author>".
 */

/** Part types that are messages (everything else is an event, as intercom-api.md §5.6 advises). */
export const MESSAGE_PART_TYPES: ReadonlySet<string> = new Set(['comment', 'note', 'quick_reply']);

/** Name maps the text may use. */
export interface EventNames {
  adminNames?: Record<string, string>;
  teamNames?: Record<string, string>;
}

/** The text for one event part. */
/** What the timeline text of a part reads: conversation and ticket parts both have it. */
export type EventPart = Pick<IntercomConversationPart, 'part_type' | 'author' | 'assigned_to' | 'event_details'>;

export function eventText(part: EventPart, names: EventNames): string {
  const by = authorName(part, names);
  const details = (part.event_details ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  switch (part.part_type) {
    case 'assignment':
    case 'default_assignment':
    case 'away_mode_assignment':
    case 'assign_and_reopen': {
      const to = assigneeName(part, names);
      const verb = part.part_type === 'assign_and_reopen' ? 'Reopened and assigned' : 'Assigned';
      const how = part.part_type === 'away_mode_assignment' ? ' (away mode)' : part.part_type === 'default_assignment' ? ' (default assignment)' : '';
      return to === null ? `Unassigned by ${by}${how}` : `${verb} to ${to} by ${by}${how}`;
    }
    case 'open':
      return `Reopened by ${by}`;
    case 'close':
      return `Closed by ${by}`;
    case 'snoozed':
      return `Snoozed by ${by}`;
    case 'unsnoozed':
      return `Unsnoozed by ${by}`;
    case 'timer_unsnooze':
      return 'Unsnoozed (snooze timer ended)';
    case 'participant_added':
      return `Participant added by ${by}`;
    case 'participant_removed':
      return `Participant removed by ${by}`;
    case 'conversation_rating_changed':
      return `Conversation rating changed by ${by}`;
    case 'merged_primary_conversation':
      return `Conversation merged by ${by}`;
    case 'conversation_attribute_updated_by_admin':
    case 'conversation_attribute_updated_by_user':
    case 'conversation_attribute_updated_by_workflow': {
      const attribute = str(details.attribute?.name) ?? 'an attribute';
      const value = str(details.value?.name);
      const previous = str(details.value?.previous);
      const workflow = str(details.workflow?.name);
      const change = value === null ? `cleared ${attribute}` : `set ${attribute} to "${value}"`;
      return `${by} ${change}${previous !== null ? ` (was "${previous}")` : ''}${workflow ? ` via workflow "${workflow}"` : ''}`;
    }
    case 'custom_action_started':
      return `${by} started custom action "${str(details.action?.name) ?? 'unknown'}"`;
    case 'custom_action_finished': {
      const result = str(details.action?.result);
      return `Custom action "${str(details.action?.name) ?? 'unknown'}" finished${result ? `: ${result}` : ''}`;
    }
    case 'operator_workflow_event': {
      const workflow = str(details.workflow?.name) ?? 'a workflow';
      const event = str(details.event?.type);
      const result = str(details.event?.result);
      return `Workflow "${workflow}"${event ? ` ${event.replace(/_/g, ' ')}` : ' event'}${result ? `: ${result}` : ''}`;
    }
    default: {
      const words = part.part_type.replace(/_/g, ' ');
      return `${words.charAt(0).toUpperCase()}${words.slice(1)} by ${by}`;
    }
  }
}

function authorName(part: EventPart, names: EventNames): string {
  const author = part.author;
  if (!author) return 'someone';
  const id = author.id === null || author.id === undefined ? null : String(author.id);
  if (author.name) return author.name;
  if (id && author.type === 'admin' && names.adminNames?.[id]) return names.adminNames[id]!;
  if (id && author.type === 'team' && names.teamNames?.[id]) return names.teamNames[id]!;
  return id ? `${author.type} ${id}` : author.type;
}

/** The assignee's name; null when the part assigns to nobody. */
function assigneeName(part: EventPart, names: EventNames): string | null {
  const to = part.assigned_to;
  const id = to?.id === null || to?.id === undefined ? null : String(to.id);
  if (!to || id === null || id === '' || id === '0' || to.type === 'nobody_admin') return null;
  if (to.type === 'team') return names.teamNames?.[id] ?? `team ${id}`;
  if (to.type === 'admin') return names.adminNames?.[id] ?? `admin ${id}`;
  return `${to.type ?? 'someone'} ${id}`;
}
