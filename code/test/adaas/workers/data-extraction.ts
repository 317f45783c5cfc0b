// Test worker: pushes `global_values.count` items (batchSize from options) and emits DATA_EXTRACTION_DONE.
// `global_values.emit_twice === "true"` tries a second emit, which must be ignored.
import { ExtractorEventType, processTask } from '../../../src/adaas';

processTask({
  task: async ({ adapter }) => {
    const count = Number(adapter.event.input_data.global_values.count ?? '3');
    adapter.initializeRepos([
      {
        itemType: 'tasks',
        normalize: (r: any) => ({ id: String(r.id), created_date: r.created, modified_date: r.modified, data: { title: r.title } }),
      },
    ]);
    const items = Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      title: `Task ${i + 1}`,
      created: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
      modified: new Date(Date.UTC(2024, 5, 1 + i)).toISOString(),
    }));
    await adapter.getRepo('tasks')!.push(items);
    (adapter.state as any).cursor = `done-${count}`;
    await adapter.emit(ExtractorEventType.DataExtractionDone);
    if (adapter.event.input_data.global_values.emit_twice === 'true') {
      await adapter.emit(ExtractorEventType.DataExtractionProgress);
    }
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.DataExtractionProgress);
  },
});
