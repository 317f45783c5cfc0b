// Test worker: emits a legacy outgoing type and echoes the event type it received into state.
import { EventType, ExtractorEventType, processTask } from '../../../src/adaas';

processTask({
  task: async ({ adapter }) => {
    (adapter.state as any).receivedType = adapter.event.payload.event_type;
    (adapter.state as any).comparesToNew = adapter.event.payload.event_type === EventType.StartExtractingData;
    await adapter.emit(ExtractorEventType.ExtractionDataDone);
  },
  onTimeout: async () => {},
});
