import type { z } from 'zod';
import { describeIssues, parseItem, rawItemId } from '../intercom/schemas';
import type { BatchResult, NormalizeContext } from './types';

/**
 * Validates and normalizes a list of raw Intercom objects, one at a time: an object that fails its
 * schema, or whose normalizer throws (unknown role, unparseable timestamp...), is reported in `skipped`
 * with its id and the reason, and the rest of the list goes on. Never throws for a bad item.
 *
 * @example normalizeBatch('contact', ContactSchema, page.data, normalizeContact, ctx)
 */
export function normalizeBatch<S extends z.ZodType, R>(
  kind: string,
  schema: S,
  raws: readonly unknown[],
  normalize: (obj: z.output<S>, ctx: NormalizeContext) => R,
  ctx: NormalizeContext,
): BatchResult<R> {
  const result: BatchResult<R> = { items: [], skipped: [] };
  for (const raw of raws) {
    const one = normalizeOne(kind, schema, raw, normalize, ctx);
    if (one.ok) result.items.push(one.value);
    else result.skipped.push({ id: one.id, reason: one.reason });
  }
  return result;
}

/** The single-object form of normalizeBatch. */
export function normalizeOne<S extends z.ZodType, R>(
  kind: string,
  schema: S,
  raw: unknown,
  normalize: (obj: z.output<S>, ctx: NormalizeContext) => R,
  ctx: NormalizeContext,
): { ok: true; value: R } | { ok: false; id: string | null; reason: string } {
  const parsed = parseItem(schema, raw);
  if (!parsed.ok) return { ok: false, id: rawItemId(raw), reason: describeIssues(kind, parsed.issues) };
  try {
    return { ok: true, value: normalize(parsed.value, ctx) };
  } catch (err) {
    const id = rawItemId(raw);
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, id, reason: `${kind} ${id ?? '(no id)'}: ${message}` };
  }
}
