/**
 * Closes the one gap the SDK's `emit` leaves: it saves the state and then POSTs the event (two
 * requests). If the process dies between them, the platform holds a state that claims this
 * invocation's pages while the event listing their artifacts never arrived; having no reply, it
 * delivers the same event again (same request id).
 *
 * So the state each data invocation emits carries the connector state that invocation started from,
 * tagged with the event's request id. An invocation that receives that request id again knows its
 * reply was lost and starts over from there; any other event means the platform got the reply, and
 * the copy is dropped.
 */
import type { AirdropEvent, WorkerAdapter } from '../adaas';
import type { ConnectorState, ConnectorStateEnvelope } from './state';

/** What a data invocation leaves beside its state until the platform has its reply. */
export interface UnconfirmedReply {
  requestId: string;
  /** The connector state the invocation started from. */
  before: ConnectorState;
  /** How many attachment artifact ids the SDK state listed when the invocation started. */
  attachmentArtifacts: number;
}

interface SdkAttachmentList {
  toDevRev?: { attachmentsMetadata?: { artifactIds?: string[] } };
}

type Adapter = WorkerAdapter<ConnectorStateEnvelope>;

export function requestIdOf(event: AirdropEvent): string {
  const context = event.payload.event_context;
  return context.request_id_adaas || context.request_id;
}

const attachmentArtifactIds = (state: unknown): string[] | undefined =>
  (state as SdkAttachmentList).toDevRev?.attachmentsMetadata?.artifactIds;

/**
 * Call first in every stateful worker: rolls the state back when this event is a re-delivery of one
 * whose reply was lost, and drops the copy otherwise.
 */
export function settleUnconfirmedReply(adapter: Adapter): 'rolled back' | 'confirmed' | 'none' {
  const unconfirmed = adapter.state.intercomUnconfirmed;
  if (!unconfirmed) return 'none';
  const next = { ...adapter.state, intercomUnconfirmed: undefined };
  const lost = unconfirmed.requestId === requestIdOf(adapter.event);
  if (lost) {
    next.intercom = unconfirmed.before;
    attachmentArtifactIds(next)?.splice(unconfirmed.attachmentArtifacts);
  }
  adapter.state = next;
  return lost ? 'rolled back' : 'confirmed';
}

/** The starting point of this invocation, to arm with `armUnconfirmedReply` just before emitting. */
export function startingPoint(adapter: Adapter, state: ConnectorState): UnconfirmedReply {
  return {
    requestId: requestIdOf(adapter.event),
    before: structuredClone(state),
    attachmentArtifacts: attachmentArtifactIds(adapter.state)?.length ?? 0,
  };
}

export function armUnconfirmedReply(adapter: Adapter, start: UnconfirmedReply): void {
  adapter.state = { ...adapter.state, intercomUnconfirmed: start };
}
