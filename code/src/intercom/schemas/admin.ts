import { z } from 'zod';
import { IntercomId, OptionalString } from './common';

/** A teammate from `GET /admins` (no timestamps on admins). `avatar` is a URL string here, an object in `/me`. */
export const AdminSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  name: z.string().nullish(),
  email: z.string().nullish(),
  job_title: OptionalString,
  away_mode_enabled: z.boolean().nullish(),
  away_mode_reassign: z.boolean().nullish(),
  away_status_reason_id: z.number().nullish(),
  has_inbox_seat: z.boolean().nullish(),
  team_ids: z.array(IntercomId).nullish(),
  avatar: z
    .union([z.string(), z.looseObject({ image_url: z.string().nullish() })])
    .nullish(),
  role: z.looseObject({ id: z.union([z.string(), z.number()]).nullish(), name: z.string().nullish() }).nullish(),
});
export type IntercomAdmin = z.infer<typeof AdminSchema>;
