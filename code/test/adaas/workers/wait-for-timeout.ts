// Test worker: waits for the soft timeout signal, then returns without emitting; onTimeout emits PROGRESS.
import { ExtractorEventType, processTask } from '../../../src/adaas';

processTask({
  task: async ({ adapter }) => {
    (adapter.state as any).seenTimeout = false;
    await adapter.timeoutSignal;
    (adapter.state as any).seenTimeout = adapter.isTimeout;
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.DataExtractionProgress);
  },
});
