/**
 * Worker of START_EXTRACTING_METADATA: checks the import options against the workspace (an unknown
 * "Contact reference ID" attribute is an error now, before any data moves) and uploads the
 * external domain metadata built from the kinds table and the workspace's custom attributes.
 */
import { processTask, ExtractorEventType } from '../../adaas';
import { KINDS } from '../../kinds';
import { clientForInvocation, optionsOf, userMessage } from '../../connection/connection';
import { buildExternalDomainMetadata } from '../metadata';
import { readInOneShotPhase } from '../one-shot';
import { checkContactReferenceField, readCustomAttributes } from '../run-context';
import type { ConnectorStateEnvelope } from '../state';

const METADATA_ITEM_TYPE = 'external_domain_metadata';

processTask<ConnectorStateEnvelope>({
  task: async ({ adapter }) => {
    try {
      const options = optionsOf(adapter);
      const custom = await readInOneShotPhase(adapter, async (deadline) => {
        const { client } = await clientForInvocation(adapter, options, undefined, { deadline });
        return readCustomAttributes(client);
      });
      checkContactReferenceField(options.contactReferenceField, custom.contacts ?? []);
      // The data phase of this run takes them from here instead of reading them again.
      adapter.state = { ...adapter.state, intercomMetadataAttributes: custom };
      adapter.initializeRepos([{ itemType: METADATA_ITEM_TYPE }]);
      await adapter.getRepo(METADATA_ITEM_TYPE)!.push([buildExternalDomainMetadata(KINDS, custom)]);
      await adapter.emit(ExtractorEventType.MetadataExtractionDone);
    } catch (error) {
      await adapter.emit(ExtractorEventType.MetadataExtractionError, { error: { message: userMessage(error) } });
    }
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.MetadataExtractionError, {
      error: { message: 'Reading the metadata from Intercom took longer than one invocation allows; run the import again.' },
    });
  },
});
