import type { IntercomAdmin } from '../intercom/schemas';
import { bool, itemUrl, many, ref, text } from './fields';
import { adminUrl } from './links';
import type { NormalizeContext, NormalizedItem, RecordTypeDefinition } from './types';
import { boolOrNull, observedDates, refList, textOrNull } from './values';

/** Data of an `admins` item (Intercom teammate → DevRev dev user). */
export type AdminData = {
  name: string | null;
  email: string | null;
  job_title: string | null;
  away_mode_enabled: boolean | null;
  away_mode_reassign: boolean | null;
  has_inbox_seat: boolean | null;
  team_ids: string[];
  avatar_url: string | null;
  item_url_field: string;
};

/** Record type `admins`. */
export const adminRecordType: RecordTypeDefinition = {
  name: 'Admin',
  description: 'An Intercom teammate',
  fields: {
    name: text('Name'),
    email: text('Email', { is_identifier: true }),
    job_title: text('Job title'),
    away_mode_enabled: bool('Away'),
    away_mode_reassign: bool('Reassign conversations while away'),
    has_inbox_seat: bool('Has inbox seat'),
    team_ids: many(ref('Teams', ['teams'])),
    avatar_url: text('Avatar URL'),
    item_url_field: itemUrl(),
  },
};

/** Admin → item. Admins have no timestamps: both dates are `ctx.observedAt`. */
export function normalizeAdmin(admin: IntercomAdmin, ctx: NormalizeContext): NormalizedItem<AdminData> {
  const avatar = typeof admin.avatar === 'string' ? admin.avatar : (admin.avatar?.image_url ?? null);
  return {
    id: admin.id, ...observedDates(ctx),
    data: {
      name: textOrNull(admin.name),
      email: textOrNull(admin.email),
      job_title: textOrNull(admin.job_title),
      away_mode_enabled: boolOrNull(admin.away_mode_enabled),
      away_mode_reassign: boolOrNull(admin.away_mode_reassign),
      has_inbox_seat: boolOrNull(admin.has_inbox_seat),
      team_ids: refList(admin.team_ids),
      avatar_url: textOrNull(avatar),
      item_url_field: adminUrl(ctx, admin.id),
    },
  };
}
