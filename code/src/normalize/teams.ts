import type { IntercomTeam } from '../intercom/schemas';
import { int, many, ref, text } from './fields';
import type { NormalizeContext, NormalizedItem, RecordTypeDefinition } from './types';
import { numberOrNull, observedDates, refList, textOrNull } from './values';

/** Data of a `teams` item (→ DevRev group). */
export type TeamData = {
  name: string;
  admin_ids: string[];
  assignment_limit: number | null;
  distribution_method: string | null;
};

/** Record type `teams`. */
export const teamRecordType: RecordTypeDefinition = {
  name: 'Team',
  description: 'An Intercom team of teammates',
  fields: {
    name: text('Name', { is_required: true }),
    admin_ids: many(ref('Members', ['admins'])),
    assignment_limit: int('Assignment limit'),
    distribution_method: text('Distribution method'),
  },
};

/** Team → item. Teams have no timestamps: both dates are `ctx.observedAt`. */
export function normalizeTeam(team: IntercomTeam, ctx: NormalizeContext): NormalizedItem<TeamData> {
  return {
    id: team.id, ...observedDates(ctx),
    data: {
      name: team.name,
      admin_ids: refList(team.admin_ids),
      assignment_limit: numberOrNull(team.assignment_limit),
      distribution_method: textOrNull(team.distribution_method),
    },
  };
}
