/**
 * Worker of START_LOADING_DATA / CONTINUE_LOADING_DATA: loads the transformer files of the loadable
 * item types into Intercom (comments → replies/notes, tags → tags) through `adapter.loadItemTypes`,
 * which emits PROGRESS on timeout and DELAYED on a rate limit itself; DONE when all files are loaded.
 */
import { LoaderEventType, processTask, type WorkerAdapter } from '../../adaas';
import { userMessage } from '../../connection/connection';
import { retryLaterSeconds } from '../../intercom';
import { commentsLoader } from '../comments';
import { emitErrorAndExit, startDataLoading } from '../invocation';
import { tagsLoader } from '../tags';

processTask<unknown>({
  task: async ({ adapter }) => {
    const worker = adapter as WorkerAdapter<unknown>;
    try {
      const { ctx, done } = await startDataLoading(worker);
      await worker.loadItemTypes({ itemTypesToLoad: [commentsLoader(ctx), tagsLoader(ctx)] });
      done();
    } catch (error) {
      const later = retryLaterSeconds(error); // e.g. asking /me met a wait too long for this invocation
      if (later !== undefined && !worker.hasWorkerEmitted) {
        await worker.emit(LoaderEventType.DataLoadingDelayed, { delay: later });
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
