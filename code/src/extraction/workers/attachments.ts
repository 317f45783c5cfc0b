/**
 * Worker of START/CONTINUE_EXTRACTING_ATTACHMENTS: streams every attachment the data phase listed
 * from Intercom to the platform (the platform layer pipes, never buffers). A signed URL that
 * expired (403) is refreshed by re-reading its parent (the conversation or the article); only
 * Intercom hosts and the configured emulator host are ever contacted. When the phase is done the
 * run is complete: its start time becomes the bookmark of the next sync.
 */
import { processTask, ExtractorEventType } from '../../adaas';
import { ATTACHMENTS_AT_ONCE, streamFunction } from '../attachment-stream';
import { uploadEmptyFile } from '../empty-file';
import { userMessage } from '../../connection/connection';
import { openInvocation } from '../invocation';
import { completeRun, type ConnectorStateEnvelope } from '../state';


processTask<ConnectorStateEnvelope>({
  task: async ({ adapter }) => {
    const inv = await openInvocation(adapter, ExtractorEventType.AttachmentExtractionError, ExtractorEventType.AttachmentExtractionDelayed);
    if (!inv) return;
    try {
      const open = streamFunction(inv.client, inv.state, (item) => uploadEmptyFile(adapter, item));
      // The platform layer may emit PROGRESS itself on a timeout: keep the report on the adapter current.
      const stream: typeof open = async (params) => {
        const response = await open(params);
        inv.save();
        return response;
      };
      const result = await adapter.streamAttachments({ stream, batchSize: ATTACHMENTS_AT_ONCE });
      if (result?.delay !== undefined) {
        inv.state.report.http.delays += 1;
        inv.save();
        await adapter.emit(ExtractorEventType.AttachmentExtractionDelayed, { delay: result.delay });
      } else if (result?.error) {
        inv.save();
        await adapter.emit(ExtractorEventType.AttachmentExtractionError, { error: result.error });
      } else if (adapter.isTimeout) {
        inv.save();
        await adapter.emit(ExtractorEventType.AttachmentExtractionProgress);
      } else {
        inv.save(completeRun(inv.state)); // the run is complete: its start becomes the bookmark
        await adapter.emit(ExtractorEventType.AttachmentExtractionDone);
      }
    } catch (error) {
      inv.save();
      await adapter.emit(ExtractorEventType.AttachmentExtractionError, { error: { message: userMessage(error) } });
    }
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.AttachmentExtractionProgress);
  },
});
