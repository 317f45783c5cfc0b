/**
 * Worker of START_EXTRACTING_METADATA: checks the import options against the workspace (an unknown
 * "Contact reference ID" attribute is an error now, before any data moves) and uploads the
 * external domain metadata built from the kinds table and the workspace's custom attributes.
 */
import { processTask, ExtractorEventType } from '../../adaas';
import { KINDS } from '../../kinds';
import { clientAndMe, optionsOf, userMessage } from '../../connection/connection';
import { buildExternalDomainMetadata } from '../metadata';
import { readInOneShotPhase } from '../one-shot';
import { checkContactReferenceField, readCustomAttributes, workspaceAndClockOf } from '../run-context';
import type { ConnectorStateEnvelope } from '../state';

const METADATA_ITEM_TYPE = 'external_domain_metadata';

processTask<ConnectorStateEnvelope>({
  task: async ({ adapter }) => {
    try {
      const options = optionsOf(adapter);
      const { custom, workspace } = await readInOneShotPhase(adapter, async (deadline) => {
        // This /me is the run's live check of the token and region, before any data moves.
        const { client, me, region } = await clientAndMe(adapter, options, { deadline });
        return { custom: await readCustomAttributes(client), workspace: { ...workspaceAndClockOf(me), region } };
      });
      checkContactReferenceField(options.contactReferenceField, custom.contacts ?? []);
      // The data phase of this run takes them from here instead of reading them again.
      adapter.state = { ...adapter.state, intercomMetadataAttributes: custom, intercomMetadataWorkspace: workspace };
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
