/** The parts of a conversation or ticket, each validated and normalized on its own. */
import type { z } from 'zod';
import { describeIssues, parseItem } from '../intercom/schemas';
import type { NormalizedAttachment, NormalizedItem } from './types';

/** What normalizing the parts of one parent gathers; a skipped part names its id (when readable) and why. */
export interface PartsOut {
  parts: NormalizedItem[];
  attachments: NormalizedAttachment[];
  skipped: Array<{ id: string | null; reason: string }>;
}

/**
 * Each raw part validated by `schema` and normalized into `out`; a part that fails either step is
 * skipped with the reason (`<what> <id>: …`), and the others still go through.
 */
export function normalizeParts<S extends z.ZodType<{ id: string }>>(
  raws: unknown[],
  schema: S,
  what: string,
  normalizeOne: (part: z.output<S>) => { item: NormalizedItem; attachments: NormalizedAttachment[] },
  out: PartsOut,
): void {
  for (const raw of raws) {
    const parsed = parseItem(schema, raw);
    if (!parsed.ok) {
      out.skipped.push({ id: parsed.issues[0]?.id ?? null, reason: describeIssues(what, parsed.issues) });
      continue;
    }
    try {
      const result = normalizeOne(parsed.value);
      out.parts.push(result.item);
      out.attachments.push(...result.attachments);
    } catch (err) {
      out.skipped.push({ id: parsed.value.id, reason: `${what} ${parsed.value.id}: ${(err as Error).message}` });
    }
  }
}
