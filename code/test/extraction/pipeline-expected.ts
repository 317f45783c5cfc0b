/**
 * What the pipeline tests expect, written from the contracts rather than computed with the code under
 * test: the attachment id of each ground-truth file (docs/contracts.md §1) and the reference fields of
 * each record type, with the record types each may point at.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { TruthAttachment } from '../../src/emulators/intercom/workspace/types';
import type { Pipeline } from './pipeline-helpers';

/** `[A-Za-z0-9._-]` only; anything else becomes `_` (contract §1). */
const fileSafe = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, '_');
/** First 16 hex of sha256 of the URL without its query string. */
const urlHash = (url: string) => createHash('sha256').update(url.split('#')[0].split('?')[0]).digest('hex').slice(0, 16);

/** The attachment id contract §1 gives a file of the ground truth. */
export function attachmentIdOf(a: TruthAttachment): string {
  const index = a.index ?? 0;
  switch (a.owner.type) {
    case 'ticket_part':
      return fileSafe(a.kind === 'attachment' ? `ticket-part-${a.owner.id}-att-${index}` : `ticket-part-${a.owner.id}-img-${urlHash(a.url)}`);
    case 'article':
      return fileSafe(`article-${a.owner.id}-${a.kind === 'linked_file' ? 'file' : 'img'}-${urlHash(a.url)}`);
    default: {
      const part = a.owner.type === 'source' ? `${a.owner.conversationId}-source` : a.owner.id;
      return fileSafe(a.kind === 'attachment' ? `part-${part}-att-${index}` : `part-${part}-img-${urlHash(a.url)}`);
    }
  }
}

/** Reference fields per record type and the record types each may name (normalize README, contracts §1). */
export const REFERENCES: Record<string, Record<string, string[]>> = {
  admins: { team_ids: ['teams'] },
  teams: { admin_ids: ['admins'] },
  companies: { tag_ids: ['tags'] },
  contacts: { owner_id: ['admins'], company_ids: ['companies'], tag_ids: ['tags'] },
  conversations: {
    admin_assignee_id: ['admins'], team_assignee_id: ['teams'], contact_ids: ['contacts'], teammate_ids: ['admins', 'bots'],
    company_id: ['companies'], tag_ids: ['tags'],
  },
  conversation_parts: {
    conversation_id: ['conversations'], author_id: ['admins', 'contacts', 'bots'], author_team_id: ['teams'],
    assigned_to_admin_id: ['admins'], assigned_to_team_id: ['teams'], tag_ids: ['tags'],
  },
  collections: { parent_id: ['collections'] },
  articles: { author_id: ['admins'], created_by_id: ['admins'], updated_by_id: ['admins'], parent_ids: ['collections'], tag_ids: ['tags'] },
  tickets: {
    admin_assignee_id: ['admins'], team_assignee_id: ['teams'], contact_ids: ['contacts'], linked_conversation_ids: ['conversations'],
    linked_ticket_ids: ['tickets'],
  },
  ticket_parts: {
    ticket_id: ['tickets'], author_id: ['admins', 'contacts', 'bots'], author_team_id: ['teams'], assigned_to_admin_id: ['admins'],
    assigned_to_team_id: ['teams'],
  },
};

/** The reference fields the metadata the platform received declares, in the shape of {@link REFERENCES}. */
export function declaredReferences(p: Pipeline): Record<string, Record<string, string[]>> {
  const metadata = JSON.parse(fs.readFileSync(path.join(p.outDir, 'external_domain_metadata.json'), 'utf8'));
  const out: Record<string, Record<string, string[]>> = {};
  for (const [type, rt] of Object.entries<{ fields: Record<string, { reference?: { refers_to?: object } }> }>(metadata.record_types)) {
    for (const [key, field] of Object.entries(rt.fields)) {
      const targets = Object.keys(field.reference?.refers_to ?? {}).map((t) => t.replace('#record:', ''));
      if (targets.length > 0) (out[type] ??= {})[key] = targets;
    }
  }
  return out;
}

/**
 * References that resolve to no extracted item (placeholders stand in for teammates Intercom no
 * longer lists, bot items for bot authors); a contact Intercom no longer lists is allowed (README:
 * deleted contacts of old conversations keep their Intercom id).
 */
export function unresolvedReferences(p: Pipeline): string[] {
  const stored = new Map<string, Set<string>>();
  const typesNamed = new Set([...Object.keys(REFERENCES), ...Object.values(REFERENCES).flatMap((f) => Object.values(f).flat())]);
  for (const type of typesNamed) stored.set(type, new Set(p.items(type).map((i) => i.id)));
  const liveContacts = new Set(p.intercom.workspace.truth.ids('contacts'));
  const unresolved: string[] = [];
  for (const [type, fields] of Object.entries(REFERENCES)) {
    for (const item of p.items(type)) {
      for (const [key, targets] of Object.entries(fields)) {
        const raw = item.data[key];
        const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== null && v !== undefined) as string[];
        for (const value of values) {
          if (targets.some((t) => stored.get(t)?.has(value))) continue;
          if (targets.includes('contacts') && !liveContacts.has(value)) continue;
          unresolved.push(`${type}/${item.id}.${key} → ${value}`);
        }
      }
    }
  }
  return unresolved;
}
