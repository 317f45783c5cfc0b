// Plain JavaScript worker (runs without tsx): emits EXTERNAL_SYNC_UNIT_EXTRACTION_DONE with one unit.
require('tsx/cjs'); // lets this .js file import the TypeScript layer
const { ExtractorEventType, processTask } = require('../../../src/adaas');

processTask({
  task: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.ExternalSyncUnitExtractionDone, {
      external_sync_units: [{ id: 'ws-1', name: 'Workspace 1', description: 'the only one' }],
    });
  },
  onTimeout: async () => {},
});
