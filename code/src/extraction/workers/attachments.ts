/**
 * Worker of START/CONTINUE_EXTRACTING_ATTACHMENTS: streams every attachment the data phase listed
 * from Intercom to the platform (the platform layer pipes, never buffers). A signed URL that
 * expired (403) is refreshed by re-reading its parent (the conversation or the article); only
 * Intercom hosts and the configured emulator host are ever contacted. When the phase is done the
 * run is complete: its start time becomes the bookmark of the next sync.
 */
import {
  processTask, ExtractorEventType, type ExternalSystemAttachmentStreamingFunction, type NormalizedAttachment,
} from '../../adaas';
import { IntercomDelayRequired, IntercomError, type IntercomClient } from '../../intercom';
import { refreshAttachmentUrl } from '../attachment-refresh';
import { extraDownloadHosts, userMessage } from '../connection';
import { openInvocation } from '../invocation';
import { completeRun, reportCounters, type ConnectorState, type ConnectorStateEnvelope } from '../state';

const statusOf = (error: unknown): number | undefined => (error instanceof IntercomError ? error.status : undefined);

function streamFunction(client: IntercomClient, allowedHosts: string[], state: ConnectorState): ExternalSystemAttachmentStreamingFunction {
  const open = async (url: string) => {
    const response = await client.download(url, { allowedHosts });
    return { httpStream: response as never };
  };
  const failed = (item: NormalizedAttachment, error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    reportCounters.skipped(state.report, 'attachments', item.id, reason);
    return { error: { message: `Attachment ${item.id} (${item.file_name}) of ${item.parent_id}: ${reason}`, statusCode: statusOf(error) } };
  };
  return async ({ item }) => {
    try {
      return await open(item.url);
    } catch (error) {
      if (error instanceof IntercomDelayRequired) return { delay: error.delaySeconds };
      if (statusOf(error) !== 403 && statusOf(error) !== 410) return failed(item, error);
    }
    // The signed URL expired: read the parent again for a fresh one.
    try {
      const fresh = await refreshAttachmentUrl(client, item, state.run?.context);
      if (!fresh) return failed(item, new Error('its URL expired and the parent no longer lists it'));
      return await open(fresh);
    } catch (error) {
      if (error instanceof IntercomDelayRequired) return { delay: error.delaySeconds };
      return failed(item, error);
    }
  };
}

processTask<ConnectorStateEnvelope>({
  task: async ({ adapter }) => {
    const inv = await openInvocation(adapter, ExtractorEventType.AttachmentExtractionError);
    if (!inv) return;
    try {
      const stream = streamFunction(inv.client, extraDownloadHosts(inv.options), inv.state);
      const result = await adapter.streamAttachments({ stream });
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
