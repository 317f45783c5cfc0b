import { z } from 'zod';
import { IntercomId } from './common';

/** A team from `GET /teams` (no timestamps on teams). */
export const TeamSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  name: z.string(),
  admin_ids: z.array(IntercomId).nullish(),
  assignment_limit: z.number().nullish(),
  distribution_method: z.string().nullish(),
});
export type IntercomTeam = z.infer<typeof TeamSchema>;
