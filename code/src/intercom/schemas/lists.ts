import { z } from 'zod';
import { CursorPagesSchema } from './common';

/**
 * List envelopes. Items are kept as `unknown` here on purpose: the client validates the envelope
 * first and then each item on its own with the item schema, so one bad item is reported with its id
 * and skipped instead of failing the whole page. `typedList` gives the strict variant for tests and
 * tools that want every item checked at once.
 */
const item = z.unknown();

/** `GET /admins`. */
export const AdminListSchema = z.looseObject({ type: z.string().optional(), admins: z.array(item) });
/** `GET /teams`. */
export const TeamListSchema = z.looseObject({ type: z.string().optional(), teams: z.array(item) });
/** `GET /tags`, `GET /data_attributes`, `GET /conversations/attributes`, `GET /help_center/help_centers`. */
export const DataListSchema = z.looseObject({
  type: z.string().optional(),
  data: z.array(item),
  total_count: z.number().nullish(),
  pages: CursorPagesSchema,
});
/** `GET /companies/scroll`: the end is an empty `data`; `scroll_param` continues. */
export const CompanyScrollSchema = z.looseObject({
  type: z.string().optional(),
  data: z.array(item).default([]),
  scroll_param: z.string().nullish(),
  total_count: z.number().nullish(),
  pages: CursorPagesSchema,
});
/** `GET /contacts`, `POST /contacts/search` (cursor), `GET /help_center/collections`, `GET /articles` (page number). */
export const PagedDataListSchema = DataListSchema;
/** `GET /conversations`, `POST /conversations/search`. */
export const ConversationPageSchema = z.looseObject({
  type: z.string().optional(),
  conversations: z.array(item),
  total_count: z.number().nullish(),
  pages: CursorPagesSchema,
});
/** `GET /conversations/deleted` (2.16; `pages.next` is a URL). */
export const DeletedConversationPageSchema = ConversationPageSchema;

/** Builds a list schema that validates every item with `itemSchema` under `key`. */
export function typedList<T extends z.ZodType>(key: string, itemSchema: T) {
  return z.looseObject({ type: z.string().optional(), [key]: z.array(itemSchema), pages: CursorPagesSchema });
}

/**
 * The items under `key` of a list answer that pass `itemSchema`; the others are left out (a listing
 * of the same objects reports them, with their ids). For answers read once for context (admins' names,
 * attribute definitions, help centers), where one bad item must not stop the run.
 */
export function validItems<T extends z.ZodType>(answer: unknown, key: string, itemSchema: T): Array<z.output<T>> {
  const items = (answer as Record<string, unknown> | null | undefined)?.[key];
  if (!Array.isArray(items)) return [];
  return items.flatMap((raw) => {
    const parsed = itemSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}
