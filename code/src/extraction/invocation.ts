/**
 * What the stateful workers (data, attachments) set up at the start of every invocation: the
 * connector state, the options, a client whose waits end before the invocation's deadline, and a
 * `save` that folds the client's counters into the report and puts the state back on the adapter.
 * Unusable state or options, or a region option that disagrees with `/me`, end the invocation at
 * once with the phase's error event.
 */
import { EventType, ExtractorEventType, type WorkerAdapter } from '../adaas';
import { retryLaterSeconds } from '../intercom';
import type { IntercomClient, IntercomRegion } from '../intercom';
import { clientForInvocation, optionsOf, userMessage, type ConnectedInvocation } from '../connection/connection';
import { workspaceAndClockOf, type WorkspaceAndClock } from './run-context';
import { HttpStatsRecorder } from './http-stats';
import type { ExtractionOptions } from '../connection/options';
import { settleUnconfirmedReply } from './reply-guard';
import { loadConnectorState, type ConnectorState, type ConnectorStateEnvelope } from './state';

export interface Invocation {
  state: ConnectorState;
  options: ExtractionOptions;
  client: IntercomClient;
  /** The workspace's region, as `/me` named it (the client calls its host). */
  region: IntercomRegion;
  /**
   * What `/me` said for a run's start: read by this invocation, or by the metadata phase of this run
   * moments before (then this invocation asks nothing before its reads).
   */
  startedWith?: WorkspaceAndClock;
  /** Epoch ms at which the loop should wrap up. */
  deadline: number;
  /** Writes `state` (or a replacement) back to the adapter, with the HTTP counters added to its report. */
  save(next?: ConnectorState): void;
}

export async function openInvocation(
  adapter: WorkerAdapter<ConnectorStateEnvelope>,
  errorEvent: ExtractorEventType,
  delayEvent: ExtractorEventType,
): Promise<Invocation | undefined> {
  let state: ConnectorState;
  let options: ExtractionOptions;
  let connected: ConnectedInvocation;
  let readAtMetadata: ConnectorStateEnvelope['intercomMetadataWorkspace'];
  try {
    settleUnconfirmedReply(adapter);
    state = loadConnectorState(adapter.state);
    options = optionsOf(adapter);
    // A run in progress asked /me when it started: its later invocations call that region's host directly.
    // A run's start takes the metadata phase's /me (that phase checked the token and region live; a
    // token revoked since fails this invocation's first read all the same).
    const starting = adapter.event.payload.event_type === EventType.StartExtractingData;
    readAtMetadata = starting ? adapter.state.intercomMetadataWorkspace : undefined;
    connected = await clientForInvocation(adapter, options, starting ? readAtMetadata?.region : state.run?.context.region);
  } catch (error) {
    // Asking /me met a wait too long for this invocation: DELAY, not an error.
    const later = retryLaterSeconds(error);
    if (later !== undefined) await adapter.emit(delayEvent, { delay: later });
    else await adapter.emit(errorEvent, { error: { message: userMessage(error) } });
    return undefined;
  }
  const { client, deadline, region, me } = connected;
  const stats = new HttpStatsRecorder(client);
  const invocation: Invocation = {
    state,
    options,
    client,
    region,
    startedWith: me ? workspaceAndClockOf(me) : readAtMetadata,
    deadline,
    save(next) {
      if (next) invocation.state = next;
      stats.addTo(invocation.state.report);
      adapter.state = { ...adapter.state, intercom: invocation.state };
    },
  };
  return invocation;
}
