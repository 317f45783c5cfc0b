// Test worker: works for `global_values.sleep_ms` ms, then emits DONE unless told to wrap up first.
import { ExtractorEventType, processTask } from '../../../src/adaas';

processTask({
  task: async ({ adapter }) => {
    const ms = Number(adapter.event.input_data.global_values.sleep_ms ?? '300');
    await Promise.race([new Promise((r) => setTimeout(r, ms)), adapter.timeoutSignal]);
    if (!adapter.isTimeout) await adapter.emit(ExtractorEventType.DataExtractionDone);
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.DataExtractionProgress);
  },
});
