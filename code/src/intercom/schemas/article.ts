import { z } from 'zod';
import { IntercomId, OptionalString, OptionalUnixSeconds, UnixSeconds } from './common';
import { TagListSchema } from './tag';

/** One locale's content of an article (`article_content`); null for locales without a translation. */
export const ArticleContentSchema = z
  .looseObject({
    type: z.string().nullish(),
    title: OptionalString,
    description: OptionalString,
    body: OptionalString,
    author_id: IntercomId.nullish(),
    state: OptionalString,
    created_at: OptionalUnixSeconds,
    updated_at: OptionalUnixSeconds,
    url: OptionalString,
  })
  .nullable();
export type IntercomArticleContent = z.infer<typeof ArticleContentSchema>;

/** An article (`GET /articles` item or `GET /articles/{id}`), 2.16 shape: parents only in `parent_ids`. */
export const ArticleSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  workspace_id: OptionalString,
  title: z.string(),
  description: OptionalString,
  body: OptionalString,
  author_id: IntercomId.nullish(),
  state: z.string(),
  created_at: UnixSeconds,
  updated_at: UnixSeconds,
  url: OptionalString,
  parent_ids: z.array(IntercomId).nullish(),
  default_locale: OptionalString,
  // Keyed by locale code (plus `type`); see ArticleContentSchema.
  translated_content: z.record(z.string(), z.union([ArticleContentSchema, z.string()])).nullish(),
  tags: TagListSchema.nullish(),
  has_unpublished_changes: z.boolean().nullish(),
  created_by_id: IntercomId.nullish(),
  updated_by_id: IntercomId.nullish(),
  help_center_audience: OptionalString,
});
export type IntercomArticle = z.infer<typeof ArticleSchema>;
