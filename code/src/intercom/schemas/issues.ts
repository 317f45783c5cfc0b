import { z } from 'zod';

/** One validation problem of one item: its id (when readable), the dotted field path and zod's message. */
export interface SchemaIssue {
  id: string | null;
  path: string;
  message: string;
}

/** The id of a raw item when it has a usable one, for error reports about items that failed validation. */
export function rawItemId(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

/** Validates one item; returns the parsed value or the issues naming the item's id and field paths. */
export function parseItem<T extends z.ZodType>(
  schema: T,
  raw: unknown,
): { ok: true; value: z.output<T> } | { ok: false; issues: SchemaIssue[] } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const id = rawItemId(raw);
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      id,
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    })),
  };
}

/** One line of text for a failed item, e.g. `conversation 123: source.author.type: Invalid input`. */
export function describeIssues(kind: string, issues: SchemaIssue[]): string {
  const id = issues[0]?.id ?? '(no id)';
  return `${kind} ${id}: ` + issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
