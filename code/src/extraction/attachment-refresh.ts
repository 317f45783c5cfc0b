/**
 * Fresh URLs for attachments whose signed URL expired: the parent (a conversation, ticket or article)
 * is read again and normalized the same way as in the data phase; the attachment with the same
 * (deterministic) id carries the new URL.
 */
import type { NormalizedAttachment } from '../adaas';
import type { IntercomClient } from '../intercom';
import { kindOf } from '../kinds';
import type { NormalizeContext } from '../normalize/types';

/** Which object to re-read for an attachment, from its contract id (contract §1). */
export function parentOf(item: Pick<NormalizedAttachment, 'id' | 'parent_id' | 'grand_parent_id'>):
  { kind: 'articles' | 'conversations' | 'tickets'; id: string } | undefined {
  if (item.id.startsWith('article-')) return { kind: 'articles', id: item.parent_id };
  // Files of ticket parts (and of a ticket's description) carry their ticket id.
  if (item.id.startsWith('ticket-part-')) return item.grand_parent_id ? { kind: 'tickets', id: String(item.grand_parent_id) } : undefined;
  if (item.grand_parent_id !== undefined && item.grand_parent_id !== null && item.grand_parent_id !== '') {
    return { kind: 'conversations', id: String(item.grand_parent_id) };
  }
  // A source's item id is `<conversation id>-source`.
  const source = /^(.+)-source$/.exec(item.parent_id);
  return source ? { kind: 'conversations', id: source[1]! } : undefined;
}

/** The attachment's current URL, or undefined when its parent no longer lists it. */
export async function refreshAttachmentUrl(
  client: IntercomClient,
  item: NormalizedAttachment,
  context: NormalizeContext | undefined,
): Promise<string | undefined> {
  const parent = parentOf(item);
  if (!parent) return undefined;
  const kind = kindOf(parent.kind)!;
  const listed = { id: parent.id };
  const obj = kind.fetchDetail
    ? await kind.fetchDetail(client, listed)
    : ((await client.get(`/${parent.kind}/${encodeURIComponent(parent.id)}`)) as Record<string, unknown>);
  const ctx: NormalizeContext = context ?? { appId: '', observedAt: new Date().toISOString() };
  return kind.normalize(obj, ctx).attachments.find((a) => a.id === item.id)?.url;
}
