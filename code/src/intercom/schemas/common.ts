import { z } from 'zod';

/**
 * Building blocks shared by the Intercom response schemas.
 *
 * Policy: every object is a `z.looseObject` (unknown fields pass through untouched), only what the
 * connector truly needs is required, and fields Intercom documents as nullable accept `null`.
 */

/** An Intercom id. JSON carries most ids as strings but some as integers (part ids, team_ids...); we always get a string. */
export const IntercomId = z.union([z.string().min(1), z.number()]).transform((v) => String(v));

/** Unix seconds, as every Intercom timestamp is. */
export const UnixSeconds = z.number();

/** A timestamp Intercom may send as null or leave out. */
export const OptionalUnixSeconds = UnixSeconds.nullish();

/** A string Intercom may send as null or leave out. */
export const OptionalString = z.string().nullish();

/** `{ type, id }` pointer used by assigned_to, applied_by, teammates... (`id` may be null). */
export const ReferenceSchema = z.looseObject({
  type: z.string().nullish(),
  id: z.union([z.string(), z.number()]).nullish(),
});
export type Reference = z.infer<typeof ReferenceSchema>;

/** Cursor paging block (`cursor_pages`): `next.starting_after` is the next cursor, absent on the last page. */
export const CursorPagesSchema = z
  .looseObject({
    type: z.string().optional(),
    page: z.number().optional(),
    per_page: z.number().optional(),
    total_pages: z.number().optional(),
    // Page-number endpoints put a URL string here instead of a cursor object.
    next: z
      .union([
        z.looseObject({ per_page: z.number().optional(), starting_after: z.string().nullish() }),
        z.string(),
      ])
      .nullish(),
  })
  .nullish();
export type CursorPages = z.infer<typeof CursorPagesSchema>;
