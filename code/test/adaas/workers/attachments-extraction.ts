// Test worker: the usual connector attachments phase. In the first invocation the stream for `att-2`
// waits for the soft timeout (as a slow download would), so the SDK loop must wrap up with PROGRESS.
import { EventType, ExtractorEventType, processTask } from '../../../src/adaas';
import { streamFromUrl } from '../helpers/attachments';

processTask({
  task: async ({ adapter }) => {
    const result = await adapter.streamAttachments({
      stream: async (params) => {
        const first = adapter.event.payload.event_type === EventType.StartExtractingAttachments;
        if (params.item.id === 'att-2' && first) await adapter.timeoutSignal;
        return streamFromUrl(params);
      },
    });
    if (result?.delay !== undefined) await adapter.emit(ExtractorEventType.AttachmentExtractionDelayed, { delay: result.delay });
    else if (result?.error) await adapter.emit(ExtractorEventType.AttachmentExtractionError, { error: result.error });
    else await adapter.emit(ExtractorEventType.AttachmentExtractionDone);
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.AttachmentExtractionProgress);
  },
});
