import { z } from 'zod';
import { IntercomId, OptionalString, OptionalUnixSeconds, UnixSeconds } from './common';
import { TagListSchema } from './tag';

/** Values of `custom_attributes`: the spec says strings, real data has numbers, booleans, null, lists. */
export const CustomAttributesSchema = z.record(z.string(), z.unknown());
export type IntercomCustomAttributes = z.infer<typeof CustomAttributesSchema>;

/** A company (`GET /companies/scroll`, `GET /companies/{id}`); `id` is Intercom's, `company_id` the customer's own. */
export const CompanySchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  company_id: OptionalString,
  app_id: OptionalString,
  name: OptionalString,
  plan: z
    .looseObject({ id: z.union([z.string(), z.number()]).nullish(), name: z.string().nullish() })
    .nullish(),
  remote_created_at: OptionalUnixSeconds,
  created_at: UnixSeconds,
  updated_at: UnixSeconds,
  last_request_at: OptionalUnixSeconds,
  size: z.number().nullish(),
  website: OptionalString,
  industry: OptionalString,
  monthly_spend: z.number().nullish(),
  session_count: z.number().nullish(),
  user_count: z.number().nullish(),
  custom_attributes: CustomAttributesSchema.nullish(),
  tags: TagListSchema.nullish(),
  segments: z
    .looseObject({ segments: z.array(z.looseObject({ id: IntercomId, name: z.string().nullish() })).default([]) })
    .nullish(),
});
export type IntercomCompany = z.infer<typeof CompanySchema>;
