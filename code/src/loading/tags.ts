/**
 * `tags` loader: a DevRev tag becomes an Intercom tag of the same name (`POST /tags` creates it, or
 * finds the one with that name). Intercom's tags have only a name: an update whose name matches is
 * `updated` with nothing to change; a rename is reported skipped.
 */
import { z } from 'zod';
import type { ExternalSystemItem } from '../adaas';
import type { ItemTypeToLoad, Mappers } from './sdk-types';
import { dataOf, ItemDataError, loadOne, type LoadContext } from './context';

export const TAGS_ITEM_TYPE = 'tags';

const TagSchema = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), name: z.string() });

function tagName(item: ExternalSystemItem): string {
  const name = dataOf(item).name;
  if (typeof name !== 'string' || name.trim() === '') throw new ItemDataError('name must be a non-empty string');
  return name.trim();
}

async function createTag(ctx: LoadContext, item: ExternalSystemItem) {
  const tag = await ctx.client.post('/tags', { name: tagName(item) }, { schema: TagSchema, kind: 'tag' });
  return { id: tag.id };
}

/** The Intercom id the item was loaded as: from the item, else from its sync mapper record. */
async function externalIdOf(item: ExternalSystemItem, mappers: Mappers, syncUnit: string): Promise<string | undefined> {
  if (item.id.external) return item.id.external;
  const record = (await mappers.getByTargetId({ sync_unit: syncUnit, target: item.id.devrev })).data.sync_mapper_record;
  return record.external_ids[record.external_ids.length - 1];
}

async function updateTag(ctx: LoadContext, item: ExternalSystemItem, mappers: Mappers, syncUnit: string) {
  const name = tagName(item);
  const tagId = await externalIdOf(item, mappers, syncUnit);
  if (!tagId) throw new ItemDataError('its sync mapper record has no Intercom tag id');
  const tag = await ctx.client.get(`/tags/${encodeURIComponent(tagId)}`, { schema: TagSchema, kind: 'tag' });
  if (tag.name === name) return { id: tag.id };
  return {
    error: ctx.ledger.skipped({
      itemType: TAGS_ITEM_TYPE,
      id: item.id.devrev,
      reason: `renaming Intercom tag ${tag.id} from "${tag.name}" to "${name}" is not supported by this loader`,
    }),
  };
}

/** The `tags` entry of `loadItemTypes`. */
export function tagsLoader(ctx: LoadContext): ItemTypeToLoad {
  return {
    itemType: TAGS_ITEM_TYPE,
    create: ({ item }) => loadOne(ctx, TAGS_ITEM_TYPE, item, () => createTag(ctx, item), () => 'tag'),
    update: ({ item, mappers, event }) =>
      loadOne(ctx, TAGS_ITEM_TYPE, item, () => updateTag(ctx, item, mappers, event.payload.event_context.sync_unit), () => `tag ${item.id.external ?? ''}`.trim()),
  };
}
