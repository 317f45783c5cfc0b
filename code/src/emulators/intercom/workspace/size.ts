/** Workspace size defaults and the minimums edge cases need. */
import type { WorkspaceSize } from './types';

/** Demo-sized defaults (about 200 conversations). */
export const DEFAULT_SIZE: WorkspaceSize = {
  admins: 12,
  teams: 4,
  tags: 24,
  companies: 40,
  contacts: 150,
  conversations: 200,
  collections: 6,
  sections: 8,
  articles: 30,
  helpCenters: 2,
  maxPartsPerConversation: 40,
  longConversations: 1,
  deletedConversations: 5,
  tickets: 25,
};

/**
 * With edge cases on, sizes are raised to what the guaranteed cases need (e.g. a contact with
 * more than 10 tags needs at least 12 tags).
 */
const EDGE_MINIMUM: WorkspaceSize = {
  admins: 4,
  teams: 2,
  tags: 12,
  companies: 12,
  contacts: 8,
  conversations: 8,
  collections: 2,
  sections: 2,
  articles: 6,
  helpCenters: 2,
  maxPartsPerConversation: 1,
  longConversations: 1,
  deletedConversations: 1,
  tickets: 3,
};

/** Merges the requested size over the defaults; rejects negative or fractional numbers. */
export function resolveSize(requested: Partial<WorkspaceSize> | undefined, edgeCases: boolean): WorkspaceSize {
  const size: WorkspaceSize = { ...DEFAULT_SIZE };
  for (const [key, value] of Object.entries(requested ?? {})) {
    if (!(key in DEFAULT_SIZE)) throw new Error(`workspace size: unknown knob "${key}"`);
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) throw new Error(`workspace size: "${key}" must be a non-negative integer, got ${String(value)}`);
    size[key as keyof WorkspaceSize] = value;
  }
  if (size.longConversations > size.conversations) size.longConversations = size.conversations;
  // Unless asked for, tickets keep the default's proportion to conversations (one per eight).
  if (requested?.tickets === undefined) size.tickets = Math.round(size.conversations / 8);
  if (edgeCases) {
    for (const key of Object.keys(EDGE_MINIMUM) as Array<keyof WorkspaceSize>) {
      size[key] = Math.max(size[key], EDGE_MINIMUM[key]);
    }
  }
  if (size.helpCenters === 0 && size.collections + size.sections + size.articles > 0) size.helpCenters = 1;
  if (size.collections === 0) size.sections = 0;
  return size;
}
