/**
 * Worker of START_LOADING_DATA / CONTINUE_LOADING_DATA: loads the transformer files of the loadable
 * item types into Intercom (comments → replies/notes, tags → tags) through `adapter.loadItemTypes`,
 * which emits PROGRESS on timeout and DELAYED on a rate limit itself; DONE when all files are loaded.
 */
import { EventType, LoaderEventType, processTask, type WorkerAdapter } from '../../adaas';
import { userMessage } from '../../connection/connection';
import { retryLaterSeconds } from '../../intercom';
import { commentsLoader, COMMENTS_ITEM_TYPE } from '../comments';
import { emitErrorAndExit, startDataLoading } from '../invocation';
import { tagsLoader, TAGS_ITEM_TYPE } from '../tags';

/** The loaded item types, in loading order: one list for the loading and for the listing before a delay. */
const LOADERS = [
  { itemType: COMMENTS_ITEM_TYPE, loader: commentsLoader },
  { itemType: TAGS_ITEM_TYPE, loader: tagsLoader },
];

/**
 * Ends a START invocation that must wait (asking /me met a long rate-limit wait) with DELAYED, after
 * the platform layer has listed the run's files: it lists them on START only, so a CONTINUE after a
 * plain DELAYED would find nothing to load and end DONE with nothing loaded. Every loader answers
 * `delay`, so the first item ends the invocation with DELAYED and the files' positions in the state.
 */
async function delayAfterListingFiles(worker: WorkerAdapter<unknown>, delay: number): Promise<void> {
  const wait = async () => ({ delay });
  await worker.loadItemTypes({ itemTypesToLoad: LOADERS.map(({ itemType }) => ({ itemType, create: wait, update: wait })) });
}

processTask<unknown>({
  task: async ({ adapter }) => {
    const worker = adapter as WorkerAdapter<unknown>;
    try {
      const { ctx, done } = await startDataLoading(worker);
      await worker.loadItemTypes({ itemTypesToLoad: LOADERS.map(({ loader }) => loader(ctx)) });
      done();
    } catch (error) {
      const later = retryLaterSeconds(error); // e.g. asking /me met a wait too long for this invocation
      if (later !== undefined && !worker.hasWorkerEmitted) {
        if (worker.event.payload.event_type === EventType.StartLoadingData) await delayAfterListingFiles(worker, later);
        // Nothing to load at all: the CONTINUE after this DELAYED ends DONE.
        if (!worker.hasWorkerEmitted) await worker.emit(LoaderEventType.DataLoadingDelayed, { delay: later });
        return;
      }
      if (!worker.hasWorkerEmitted) await emitErrorAndExit(worker, LoaderEventType.DataLoadingError, `Loading data failed: ${userMessage(error)}`);
      throw error;
    }
    if (!worker.hasWorkerEmitted) await worker.emit(LoaderEventType.DataLoadingDone);
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(LoaderEventType.DataLoadingProgress);
  },
});
