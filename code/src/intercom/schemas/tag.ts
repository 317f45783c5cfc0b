import { z } from 'zod';
import { IntercomId, OptionalUnixSeconds, ReferenceSchema } from './common';

/** A tag (`tag` / `tag_basic`); `applied_at`/`applied_by` appear only when embedded on a tagged object. */
export const TagSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  name: z.string(),
  applied_at: OptionalUnixSeconds,
  applied_by: ReferenceSchema.nullish(),
});
export type IntercomTag = z.infer<typeof TagSchema>;

/** `{"type":"tag.list","tags":[...]}` as embedded on conversations, companies and articles. */
export const TagListSchema = z.looseObject({
  type: z.string().optional(),
  tags: z.array(TagSchema).default([]),
});
export type IntercomTagList = z.infer<typeof TagListSchema>;
