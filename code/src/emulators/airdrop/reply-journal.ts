/**
 * `worker-data/reply.json`: the first event emitted for the invocation in flight, written before the callback
 * answers. DevRev holds an event once it answered the callback: a connector process that dies afterwards
 * (mid-invocation, or while the platform ingests the reply) is not asked for that invocation again; the next
 * call goes on from the journaled reply (the SDK saved the state before emitting, so it matches the reply).
 */
import { readJsonIfExists, writeFileAtomic } from '../../files/atomic';
import type { OutputLayout } from './layout';
import type { WireEmittedEvent } from './wire';

interface JournaledReply {
  requestId: string;
  reply: WireEmittedEvent;
}

/** Keeps the first emit of invocation `requestId` (a second one is a protocol violation the driver judges). */
export function journalReply(layout: OutputLayout, requestId: string, reply: WireEmittedEvent): void {
  if (readJsonIfExists<JournaledReply>(layout.replyJournalFile)?.requestId === requestId) return;
  writeFileAtomic(layout.replyJournalFile, JSON.stringify({ requestId, reply } satisfies JournaledReply));
}

/** The reply the platform accepted for invocation `requestId`, if any. */
export function journaledReply(layout: OutputLayout, requestId: string): WireEmittedEvent | undefined {
  const journal = readJsonIfExists<JournaledReply>(layout.replyJournalFile);
  return journal?.requestId === requestId ? journal.reply : undefined;
}
