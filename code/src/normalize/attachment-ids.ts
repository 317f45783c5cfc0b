import { createHash } from 'node:crypto';

/**
 * Attachment ids per contract §1: deterministic and file-name safe (`[A-Za-z0-9._-]`), because the
 * platform emulator stores bytes at `attachments/<id>`.
 */

/** Replaces every character outside `[A-Za-z0-9._-]` with `_`. */
export function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** First 16 hex of sha256 of the URL without its query string (signed URLs change their query, not the file). */
export function urlHash(url: string): string {
  const withoutQuery = url.split('#')[0]!.split('?')[0]!;
  return createHash('sha256').update(withoutQuery).digest('hex').slice(0, 16);
}

/** `part-<part id>-att-<index>`: the n-th entry of a part's (or source's) `attachments`; `ticket-part-…` for ticket parts. */
export function partAttachmentId(partId: string, index: number, prefix: 'part' | 'ticket-part' = 'part'): string {
  return fileSafe(`${prefix}-${partId}-att-${index}`);
}

/** `part-<part id>-img-<hash>` / `ticket-part-<part id>-img-<hash>` / `article-<article id>-img-<hash>` / `article-<article id>-file-<hash>`. */
export function inlineFileId(owner: { kind: 'part' | 'ticket-part' | 'article'; id: string }, what: 'img' | 'file', url: string): string {
  return fileSafe(`${owner.kind}-${owner.id}-${what}-${urlHash(url)}`);
}
