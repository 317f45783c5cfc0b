// Streams every listed attachment from the fake external system through the SDK layer.
import axios from 'axios';
import { ExtractorEventType, processTask, type ExternalSystemAttachmentStreamingFunction } from '../../../../../src/adaas';

const stream: ExternalSystemAttachmentStreamingFunction = async ({ item }) => {
  try {
    const httpStream = await axios.get(item.url, { responseType: 'stream' });
    return { httpStream };
  } catch (err) {
    return { error: { message: `download of ${item.id} failed: ${(err as Error).message}` } };
  }
};

processTask({
  task: async ({ adapter }) => {
    const result = await adapter.streamAttachments({ stream });
    if (adapter.hasWorkerEmitted) return;
    if (result?.delay !== undefined) await adapter.emit(ExtractorEventType.AttachmentExtractionDelayed, { delay: result.delay });
    else if (result?.error) await adapter.emit(ExtractorEventType.AttachmentExtractionError, { error: result.error });
    else await adapter.emit(ExtractorEventType.AttachmentExtractionDone);
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.AttachmentExtractionProgress);
  },
});
