/**
 * Worker of START_EXTRACTING_DATA / CONTINUE_EXTRACTING_DATA: starts (or resumes) the run and hands
 * the kinds table to the one data loop. Maps every outcome to exactly one platform event:
 * done → DONE, out of time → PROGRESS, a wait too long for this invocation → DELAYED with its
 * seconds, anything else (e.g. a rejected token) → ERROR with a message for the user.
 */
import { processTask, EventType, ExtractorEventType, SyncMode, type WorkerAdapter } from '../../adaas';
import { IntercomDelayRequired, type IntercomClient } from '../../intercom';
import { KINDS, ATTACHMENTS_ITEM_TYPE, allItemTypes } from '../../kinds';
import { runDataLoop } from '../data-loop';
import { createIntercomClient, extraDownloadHosts, userMessage } from '../connection';
import { readOptions } from '../options';
import { newestStamp, readRunContext, readWorkspaceAndClock, runStartTime } from '../run-context';
import { beginRun, loadConnectorState, type ConnectorState, type ConnectorStateEnvelope } from '../state';
import { HttpStatsRecorder } from '../http-stats';
import { windowStartFor } from '../window';
import { backoffCapMs, deadlineOf } from '../deadline';

type Adapter = WorkerAdapter<ConnectorStateEnvelope>;

/** Starts a new run on START, or when there is nothing to resume. */
async function startRunIfNeeded(adapter: Adapter, state: ConnectorState, client: IntercomClient): Promise<ConnectorState> {
  const isStart = adapter.event.payload.event_type === EventType.StartExtractingData;
  if (!isStart && state.run && !state.run.dataDone) return state;
  const options = readOptions(adapter.event.input_data?.global_values);
  const { workspace, serverNow } = await readWorkspaceAndClock(client);
  const startedAt = runStartTime(serverNow, await newestStamp(client));
  const incremental = adapter.event.payload.event_context.mode === SyncMode.INCREMENTAL && state.bookmark !== null;
  const context = await readRunContext(client, workspace, options, new Date(startedAt * 1000).toISOString(), extraDownloadHosts(options));
  return beginRun(state, {
    startedAt,
    windowStart: incremental ? windowStartFor(state.bookmark!) : null,
    options: { importAllConversations: options.importAllConversations, contactReferenceField: options.contactReferenceField, region: options.region },
    context,
  });
}

processTask<ConnectorStateEnvelope>({
  task: async ({ adapter }) => {
    const deadline = deadlineOf(adapter);
    let state: ConnectorState;
    try {
      state = loadConnectorState(adapter.state);
    } catch (error) {
      await adapter.emit(ExtractorEventType.DataExtractionError, { error: { message: userMessage(error) } });
      return;
    }
    const options = readOptions(adapter.event.input_data?.global_values);
    const client = createIntercomClient(adapter.event, options, { deadline, backoffCapMs: backoffCapMs(adapter) });
    const stats = new HttpStatsRecorder(client);
    const save = () => {
      stats.addTo(state.report);
      adapter.state = { ...adapter.state, intercom: state };
    };
    try {
      state = await startRunIfNeeded(adapter, state, client);
      save();
      adapter.initializeRepos([...allItemTypes(), ATTACHMENTS_ITEM_TYPE].map((itemType) => ({ itemType })));
      const outcome = await runDataLoop({
        kinds: KINDS.filter((k) => adapter.shouldExtract(k.itemType)),
        client: {
          paginate: (spec, from) => client.paginate(spec, from as never),
          get: (path, o) => client.get(path, o),
        },
        state,
        listContext: { importAllConversations: state.report.options?.importAllConversations ?? options.importAllConversations },
        normalizeContext: state.run!.context,
        push: async (itemType, items) => {
          await adapter.getRepo(itemType)!.push(items);
        },
        checkpoint: async () => {
          await adapter.uploadAllRepos();
          save();
          await adapter.postState();
        },
        isTimeout: () => adapter.isTimeout || Date.now() >= deadline,
      });
      save();
      await adapter.emit(outcome === 'done' ? ExtractorEventType.DataExtractionDone : ExtractorEventType.DataExtractionProgress);
    } catch (error) {
      if (error instanceof IntercomDelayRequired) {
        state.report.http.delays += 1;
        save();
        await adapter.emit(ExtractorEventType.DataExtractionDelayed, { delay: error.delaySeconds });
        return;
      }
      save();
      await adapter.emit(ExtractorEventType.DataExtractionError, { error: { message: userMessage(error) } });
    }
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.DataExtractionProgress);
  },
});
