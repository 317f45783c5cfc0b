/**
 * The artifacts an extraction reply lists (§2.4): each ingested once per run (a second listing fails the
 * run), its pushes logged once, its counts added to the run's result.
 */
import { ArtifactError, type ArtifactIngest, type IngestResult } from './artifact-ingest';
import type { RunPosition } from './position';
import { appendPushes } from './push-log';
import { RunFailure } from './run-driver';
import type { WireEmittedEvent } from './wire';

type ListedArtifact = { id: string; item_type: string; item_count: number };

/** Ingests every artifact `reply` lists into the store; `onArtifact` after each. */
export function ingestListedArtifacts(
  ingest: ArtifactIngest,
  pushLog: { file: string; alreadyPushed: ReadonlySet<string> },
  current: RunPosition,
  reply: WireEmittedEvent,
  label: string,
  onArtifact: (artifact: ListedArtifact) => void,
): void {
  const listed = reply.event_data?.artifacts ?? [];
  if (!Array.isArray(listed)) throw new RunFailure(`${label}: event_data.artifacts must be an array`);
  const ingested = (current.ingestedArtifacts ??= []);
  for (const artifact of listed) {
    if (ingested.includes(artifact?.id)) {
      throw new RunFailure(`${label}: artifact ${artifact.id} (item type ${artifact.item_type}) was already listed earlier in this run`);
    }
    let result: IngestResult;
    try {
      result = ingest.ingest(artifact);
    } catch (err) {
      if (err instanceof ArtifactError) throw new RunFailure(`${label}: ${err.message}`);
      throw err;
    }
    ingested.push(artifact.id);
    // Ingesting again (a replayed reply) merges by id; only the push log would count it twice.
    if ((result.kind === 'items' || result.kind === 'attachments') && !pushLog.alreadyPushed.has(artifact.id)) {
      const { runId: run, kind } = current;
      appendPushes(pushLog.file, result.ids.map((id) => ({ run, kind, item_type: artifact.item_type, id, artifact: artifact.id })));
    }
    addToResult(current, result);
    onArtifact(artifact);
  }
}

function addToResult(current: RunPosition, result: IngestResult): void {
  const r = current.result;
  if (result.kind === 'items') {
    const counts = (r.items[result.itemType] ??= { received: 0, new: 0, updated: 0 });
    counts.received += result.counts.received;
    counts.new += result.counts.new;
    counts.updated += result.counts.updated;
  } else if (result.kind === 'attachments') {
    r.attachments.received += result.received;
    r.attachments.bytes += result.bytes;
  } else if (result.kind === 'sync_units') {
    (current.externalSyncUnits ??= []).push(...result.units);
  }
}
