/**
 * Conversations: the skeletons (small, held for all), the overlay mutations write (added parts, tags,
 * state, redactions), the deleted ones, and the conversation as handed out (built by the factory
 * from skeleton and overlay, signed URLs, the 500 most recent parts).
 */
import { signAll } from './attachments';
import type { ContactBook } from './contact-book';
import type { Context } from './context';
import { customerOf } from './contacts';
import { type ConversationOverlay, ConversationFactory, type Customer, PART_LIMIT } from './conversations';
import { Memo } from './collection';
import { URL_LIFETIME_SECONDS } from './files';
import type { People } from './people';
import { Rng } from '../random';
import { type ConversationSkeleton, conversationIndexOf, generatedConversationCount, generateSkeleton, initiallyDeletedIndexes } from './skeleton';
import type { ConversationIndexEntry, DeletedConversation, JsonObject } from './types';

export class ConversationStore {
  readonly factory: ConversationFactory;
  readonly conversationOverlays = new Map<string, ConversationOverlay>();
  readonly deleted = new Map<string, DeletedConversation>();

  private skeletonList?: ConversationSkeleton[];
  private indexCache?: ConversationIndexEntry[];
  private readonly customerMemo = new Memo<number, Customer>(200_000);

  constructor(
    private readonly ctx: Context,
    people: People,
    contacts: ContactBook,
    tag: (id: string) => JsonObject | undefined,
    /** The workspace's clock (unix s): signed URLs expire an hour after it. */
    private readonly now: () => number,
  ) {
    this.factory = new ConversationFactory({
      ctx,
      people,
      customerByIndex: (i) => this.customerMemo.get(i, () => customerOf(contacts.baseContact(i))),
      customerById: (id) => {
        const index = contacts.contactIndex(id);
        if (index !== undefined) return customerOf(contacts.baseContact(index));
        const created = contacts.contactsOverlay.created.get(id);
        return created ? customerOf(created) : undefined;
      },
      liveTag: tag,
      contactCount: () => ctx.size.contacts,
    });
    for (const index of initiallyDeletedIndexes(ctx)) {
      const skel = this.skeletons()[index];
      const r = new Rng(ctx.seed, 'deleted-at', index);
      this.deleted.set(skel.id, {
        id: skel.id,
        deleted_at: Math.min(ctx.start - 60, skel.updated_at + r.int(60, 30 * 86_400)),
        metrics_retained: r.chance(0.5),
      });
    }
  }

  skeletons(): ConversationSkeleton[] {
    if (!this.skeletonList) {
      this.skeletonList = Array.from({ length: generatedConversationCount(this.ctx) }, (_, i) => generateSkeleton(this.ctx, i));
    }
    return this.skeletonList;
  }

  /** The skeleton of a live (not deleted) conversation. */
  liveSkeleton(id: string): ConversationSkeleton | undefined {
    const index = conversationIndexOf(this.ctx, id);
    if (index === undefined || this.deleted.has(id)) return undefined;
    const skel = this.skeletons()[index];
    return skel && skel.id === id ? skel : undefined;
  }

  overlay(id: string): ConversationOverlay | undefined {
    return this.conversationOverlays.get(id);
  }

  invalidateIndex(): void {
    this.indexCache = undefined;
  }

  conversationIndex(): ConversationIndexEntry[] {
    if (!this.indexCache) {
      const out: ConversationIndexEntry[] = [];
      for (const s of this.skeletons()) {
        if (this.deleted.has(s.id)) continue;
        const o = this.conversationOverlays.get(s.id);
        out.push({ id: s.id, created_at: s.created_at, updated_at: Math.max(s.updated_at, o?.updatedAt ?? 0), state: o?.state ?? s.state });
      }
      this.indexCache = out;
    }
    return this.indexCache.map((e) => ({ ...e }));
  }

  /** The conversation as handed out (signed URLs, ≤ 500 parts) plus the total part count. */
  conversation(id: string, withParts: boolean): JsonObject | undefined {
    const skel = this.liveSkeleton(id);
    if (!skel) return undefined;
    const { conversation, parts } = this.factory.build(skel, this.conversationOverlays.get(id), withParts);
    if (withParts) {
      const list = conversation.conversation_parts as JsonObject;
      list.conversation_parts = parts.slice(-PART_LIMIT);
    }
    return signAll(this.ctx, conversation, this.now() + URL_LIFETIME_SECONDS);
  }

  deletedConversations(): DeletedConversation[] {
    return [...this.deleted.values()].sort((a, b) => a.deleted_at - b.deleted_at || a.id.localeCompare(b.id)).map((d) => ({ ...d }));
  }
}
