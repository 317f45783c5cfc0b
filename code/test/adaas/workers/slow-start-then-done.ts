// Test worker: its start-up takes `global_values.start_delay_ms` (blocked before processTask, without using the
// CPU), then it emits DONE at once.
import { workerData } from 'node:worker_threads';
import { ExtractorEventType, processTask } from '../../../src/adaas';

const delayMs = Number((workerData as { event: { input_data?: { global_values?: Record<string, string> } } }).event.input_data?.global_values?.start_delay_ms ?? '0');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delayMs);

processTask({
  task: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.DataExtractionDone);
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.DataExtractionProgress);
  },
});
