import { ExtractorEventType, processTask } from '../../../../../src/adaas';

processTask({
  task: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.ExternalSyncUnitExtractionDone, {
      external_sync_units: [
        { id: 'workspace-main', name: 'Main workspace', description: 'everything' },
        { id: 'workspace-other', name: 'Other workspace', description: 'unused' },
      ],
    });
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.ExternalSyncUnitExtractionError, { error: { message: 'timeout' } });
  },
});
