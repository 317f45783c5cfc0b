import { z } from 'zod';
import { IntercomId, OptionalString, OptionalUnixSeconds } from './common';

/**
 * A data attribute definition from `GET /data_attributes?model=contact|company`
 * (`data_type`: string | integer | float | boolean | date).
 */
export const DataAttributeSchema = z.looseObject({
  type: z.string().optional(),
  id: z.number().nullish(),
  model: OptionalString,
  name: z.string().min(1),
  full_name: OptionalString,
  label: OptionalString,
  description: OptionalString,
  data_type: z.string(),
  options: z.array(z.unknown()).nullish(),
  custom: z.boolean().nullish(),
  archived: z.boolean().nullish(),
  created_at: OptionalUnixSeconds,
  updated_at: OptionalUnixSeconds,
});
export type IntercomDataAttribute = z.infer<typeof DataAttributeSchema>;

/**
 * A conversation attribute definition from `GET /conversations/attributes` (2.16)
 * (`data_type`: string | integer | list | decimal | boolean | datetime | relationship | files).
 */
export const ConversationAttributeSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId.nullish(),
  name: z.string().min(1),
  description: OptionalString,
  data_type: z.string(),
  options: z.array(z.unknown()).nullish(),
  archived: z.boolean().nullish(),
  created_at: OptionalUnixSeconds,
  updated_at: OptionalUnixSeconds,
});
export type IntercomConversationAttribute = z.infer<typeof ConversationAttributeSchema>;
