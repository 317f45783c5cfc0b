import { z } from 'zod';
import { IntercomId, OptionalString, OptionalUnixSeconds, UnixSeconds } from './common';
import { CustomAttributesSchema } from './company';

/** An inline relationship preview on a contact (`tags`, `companies`, `notes`): at most 10 items, `has_more` says more exist. */
export const ContactRelationPreviewSchema = z.looseObject({
  type: z.string().optional(),
  data: z.array(z.looseObject({ type: z.string().optional(), id: IntercomId, url: z.string().nullish() })).default([]),
  url: z.string().nullish(),
  total_count: z.number().nullish(),
  has_more: z.boolean().nullish(),
});
export type IntercomContactRelationPreview = z.infer<typeof ContactRelationPreviewSchema>;

/** A contact (user or lead) from `GET /contacts` / `POST /contacts/search`. `role` is checked by the normalizer. */
export const ContactSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  workspace_id: OptionalString,
  external_id: OptionalString,
  role: z.string(),
  email: OptionalString,
  email_domain: OptionalString,
  phone: OptionalString,
  name: OptionalString,
  owner_id: z.union([z.string(), z.number()]).nullish(),
  avatar: z
    .union([z.looseObject({ image_url: z.string().nullish() }), z.string()])
    .nullish(),
  has_hard_bounced: z.boolean().nullish(),
  marked_email_as_spam: z.boolean().nullish(),
  unsubscribed_from_emails: z.boolean().nullish(),
  created_at: UnixSeconds,
  updated_at: UnixSeconds,
  signed_up_at: OptionalUnixSeconds,
  last_seen_at: OptionalUnixSeconds,
  last_replied_at: OptionalUnixSeconds,
  last_contacted_at: OptionalUnixSeconds,
  last_email_opened_at: OptionalUnixSeconds,
  last_email_clicked_at: OptionalUnixSeconds,
  language_override: OptionalString,
  browser: OptionalString,
  os: OptionalString,
  location: z
    .looseObject({ country: OptionalString, region: OptionalString, city: OptionalString })
    .nullish(),
  custom_attributes: CustomAttributesSchema.nullish(),
  tags: ContactRelationPreviewSchema.nullish(),
  companies: ContactRelationPreviewSchema.nullish(),
});
export type IntercomContact = z.infer<typeof ContactSchema>;

/** `GET /contacts/{id}/companies`: the contact's companies, by page number (`pages.total_pages`). */
export const ContactCompaniesPageSchema = z.looseObject({
  companies: z.array(z.looseObject({ id: IntercomId })).default([]),
  total_count: z.number().nullish(),
  pages: z.looseObject({ page: z.number().nullish(), total_pages: z.number().nullish() }).nullish(),
});
/** `GET /contacts/{id}/tags`: every tag of the contact. */
export const ContactTagsSchema = z.looseObject({ data: z.array(z.looseObject({ id: IntercomId })).default([]) });
