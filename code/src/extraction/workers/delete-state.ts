/**
 * Worker of START_DELETING_EXTRACTOR_STATE: the import is being deleted. The connector keeps
 * nothing outside the platform's state, which the platform drops after this answer; the worker
 * resets its part so nothing of it survives in this invocation either.
 */
import { processTask, ExtractorEventType } from '../../adaas';
import { initialConnectorState, type ConnectorStateEnvelope } from '../state';

processTask<ConnectorStateEnvelope>({
  task: async ({ adapter }) => {
    adapter.state = { ...adapter.state, intercom: initialConnectorState() };
    await adapter.emit(ExtractorEventType.ExtractorStateDeletionDone);
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.ExtractorStateDeletionError, { error: { message: 'Timed out deleting the extractor state.' } });
  },
});
