import { z } from 'zod';
import { IntercomId, OptionalString, UnixSeconds } from './common';

/** A help center (`GET /help_center/help_centers`); its `url` and `custom_domain` identify article links. */
export const HelpCenterSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  workspace_id: OptionalString,
  created_at: UnixSeconds.nullish(),
  updated_at: UnixSeconds.nullish(),
  identifier: OptionalString,
  display_name: OptionalString,
  url: OptionalString,
  custom_domain: OptionalString,
  website_turned_on: z.boolean().nullish(),
  default: z.boolean().nullish(),
  locales: z.array(z.string()).nullish(),
});
export type IntercomHelpCenter = z.infer<typeof HelpCenterSchema>;

/** Per-locale name/description of a collection or section (`group_content`); null for untranslated locales. */
export const GroupContentSchema = z
  .looseObject({ name: OptionalString, description: OptionalString })
  .nullable();

/** A help-center collection, or a section (a collection whose `parent_id` is not null). */
export const CollectionSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  workspace_id: OptionalString,
  name: z.string(),
  description: OptionalString,
  created_at: UnixSeconds,
  updated_at: UnixSeconds,
  url: OptionalString,
  icon: OptionalString,
  order: z.number().nullish(),
  default_locale: OptionalString,
  // Keyed by locale; also carries `type`. Values are null for untranslated locales.
  translated_content: z.record(z.string(), z.union([GroupContentSchema, z.string()])).nullish(),
  parent_id: IntercomId.nullish(),
  help_center_id: IntercomId.nullish(),
});
export type IntercomCollection = z.infer<typeof CollectionSchema>;
