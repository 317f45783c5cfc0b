import type { IntercomTag } from '../intercom/schemas';
import { text } from './fields';
import type { NormalizeContext, NormalizedItem, RecordTypeDefinition } from './types';
import { observedDates } from './values';

/** Data of a `tags` item. */
export type TagData = {
  name: string;
};

/** Record type `tags`. */
export const tagRecordType: RecordTypeDefinition = {
  name: 'Tag',
  is_loadable: true, // DevRev tags can be created in Intercom (loading/)
  fields: { name: text('Name', { is_required: true }) },
};

/** Tag → item. Tags have no timestamps: both dates are `ctx.observedAt`. */
export function normalizeTag(tag: IntercomTag, ctx: NormalizeContext): NormalizedItem<TagData> {
  return { id: tag.id, ...observedDates(ctx), data: { name: tag.name } };
}
