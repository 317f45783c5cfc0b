import { ExtractorEventType, processTask } from '../../../../../src/adaas';
import { METADATA } from '../config';

processTask({
  task: async ({ adapter }) => {
    adapter.initializeRepos([{ itemType: 'external_domain_metadata' }]);
    await adapter.getRepo('external_domain_metadata')?.push([METADATA]);
    await adapter.emit(ExtractorEventType.MetadataExtractionDone);
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.MetadataExtractionError, { error: { message: 'timeout' } });
  },
});
