/**
 * Worker of START_EXTRACTING_DATA / CONTINUE_EXTRACTING_DATA: starts (or resumes) the run and hands
 * the kinds table to the one data loop. Maps every outcome to exactly one platform event:
 * done → DONE, out of time → PROGRESS, a wait too long for this invocation → DELAYED with its
 * seconds (also after 429s that outlast the retries), anything else (e.g. a rejected token) → ERROR with a message for the user.
 */
import { processTask, EventType, ExtractorEventType, SyncMode, type WorkerAdapter } from '../../adaas';
import { iteratePages, retryLaterSeconds } from '../../intercom';
import { withAnswersReadBefore } from '../answers-read-before';
import { KINDS, ATTACHMENTS_ITEM_TYPE, allItemTypes } from '../../kinds';
import { extraDownloadHosts, userMessage } from '../../connection/connection';
import { scrollDeadlineOf } from '../../connection/deadline';
import { runDataLoop } from '../data-loop';
import { queueRetries } from '../file-retries';
import { openInvocation, type Invocation } from '../invocation';
import { armUnconfirmedReply, startingPoint } from '../reply-guard';
import { newestStamp, readRunContext, readWorkspaceAndClock, runStartTime } from '../run-context';
import { beginRun, type ConnectorState, type ConnectorStateEnvelope } from '../state';
import { windowStartFor } from '../window';
import { platformIdSetStore } from '../id-set-store';

type Adapter = WorkerAdapter<ConnectorStateEnvelope>;

/**
 * Starts a new run on START, or when there is no unfinished run to resume. `answers` receives what
 * the run context read that the loop lists again.
 */
async function startRunIfNeeded(adapter: Adapter, { state, client, options, region, startedWith }: Invocation, answers: Map<string, unknown>): Promise<ConnectorState> {
  const isStart = adapter.event.payload.event_type === EventType.StartExtractingData;
  if (!isStart && state.run && !state.run.dataDone) return state;
  const localNowMs = Date.now();
  const { workspace, serverNow } = startedWith ?? (await readWorkspaceAndClock(client));
  const incremental = adapter.event.payload.event_context.mode === SyncMode.INCREMENTAL && state.bookmark !== null;
  // The metadata phase of this run read the custom attribute definitions (and /me) moments ago; taken once.
  const { intercomMetadataAttributes: customAttributes, intercomMetadataWorkspace: _taken, ...envelope } = adapter.state;
  adapter.state = envelope;
  // The newest stamps and the context are read at once: neither depends on the other.
  const [newest, context] = await Promise.all([
    newestStamp(client),
    readRunContext(client, workspace, { ...options, region }, extraDownloadHosts(options), { customAttributes, answers }),
  ]);
  const startedAt = runStartTime(serverNow, newest, localNowMs);
  return beginRun(state, {
    startedAt,
    windowStart: incremental ? windowStartFor(state.bookmark!) : null,
    options: { importAllConversations: options.importAllConversations, contactReferenceField: options.contactReferenceField, region },
    context: { ...context, observedAt: new Date(startedAt * 1000).toISOString() },
  });
}

processTask<ConnectorStateEnvelope>({
  task: async ({ adapter }) => {
    // A companies scroll left between invocations expires (a minute idle): it runs on past the soft timeout.
    const scrollDeadline = scrollDeadlineOf(adapter);
    const inv = await openInvocation(adapter, ExtractorEventType.DataExtractionError, ExtractorEventType.DataExtractionDelayed);
    if (!inv) return;
    const { client } = inv;
    armUnconfirmedReply(adapter, startingPoint(adapter, inv.state));
    try {
      const answersReadBefore = new Map<string, unknown>();
      inv.save(await startRunIfNeeded(adapter, inv, answersReadBefore));
      const pagingClient = withAnswersReadBefore(client, answersReadBefore);
      const state = inv.state;
      adapter.initializeRepos([...allItemTypes(), ATTACHMENTS_ITEM_TYPE].map((itemType) => ({ itemType })));
      // Files kept after a passing failure in an earlier run are tried again in this one (file-retries.ts).
      const retries = queueRetries(state);
      if (retries.length > 0) await adapter.getRepo(ATTACHMENTS_ITEM_TYPE)!.push(retries as never);
      const outcome = await runDataLoop({
        kinds: KINDS.filter((k) => adapter.shouldExtract(k.itemType)),
        client: {
          paginate: (spec, from) => iteratePages(pagingClient, spec, from as never),
          get: (path, o) => client.get(path, o),
        },
        state,
        listContext: { importAllConversations: state.report.options?.importAllConversations ?? inv.options.importAllConversations },
        normalizeContext: state.run!.context,
        push: async (itemType, items) => {
          await adapter.getRepo(itemType)!.push(items);
        },
        // The position goes to the platform only with the invocation's one emit, which uploads the
        // repos, saves this state and lists every artifact once: a saved state never claims pages
        // whose artifacts were not reported (extraction README, "Crashes").
        checkpoint: async () => inv.save(),
        isTimeout: () => adapter.isTimeout || Date.now() >= inv.deadline,
        mustLeaveScroll: () => Date.now() >= scrollDeadline,
        idSetStore: platformIdSetStore(adapter.event),
      });
      inv.save();
      await adapter.emit(outcome === 'done' ? ExtractorEventType.DataExtractionDone : ExtractorEventType.DataExtractionProgress);
    } catch (error) {
      // A wait too long for this invocation, or 429s that outlasted the retries: DELAY, never ERROR.
      const later = retryLaterSeconds(error);
      if (later !== undefined) {
        inv.state.report.http.delays += 1;
        inv.save();
        await adapter.emit(ExtractorEventType.DataExtractionDelayed, { delay: later });
        return;
      }
      inv.save();
      await adapter.emit(ExtractorEventType.DataExtractionError, { error: { message: userMessage(error) } });
    }
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.DataExtractionProgress);
  },
});
