/**
 * Stand-in worker for the loading phases until the loaders (code/src/loading/) exist: it answers
 * each phase as done, loading nothing, so a two-way run does not hang.
 */
import { processTask, EventType, LoaderEventType } from '../../adaas';

processTask<object>({
  task: async ({ adapter }) => {
    const type = adapter.event.payload.event_type;
    const data = type === EventType.StartLoadingData || type === EventType.ContinueLoadingData;
    await adapter.emit(data ? LoaderEventType.DataLoadingDone : LoaderEventType.AttachmentLoadingDone);
  },
  onTimeout: async ({ adapter }) => {
    const type = adapter.event.payload.event_type;
    const data = type === EventType.StartLoadingData || type === EventType.ContinueLoadingData;
    await adapter.emit(data ? LoaderEventType.DataLoadingProgress : LoaderEventType.AttachmentLoadingProgress);
  },
});
