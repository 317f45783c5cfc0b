/**
 * Worker of START_DELETING_EXTRACTOR_ATTACHMENTS_STATE: nothing of the attachments phase lives
 * outside the platform's state (its list of attachment artifacts and processed ids), which the
 * platform drops after this answer.
 */
import { processTask, ExtractorEventType } from '../../adaas';
import type { ConnectorStateEnvelope } from '../state';

processTask<ConnectorStateEnvelope>({
  task: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.ExtractorAttachmentsStateDeletionDone);
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.ExtractorAttachmentsStateDeletionError, {
      error: { message: 'Timed out deleting the attachments state.' },
    });
  },
});
