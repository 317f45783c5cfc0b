/**
 * Worker of START_EXTRACTING_EXTERNAL_SYNC_UNITS: the one sync unit is the Intercom workspace of
 * the connection (`GET /me`), with its name, region and time zone for the user to recognise.
 */
import { processTask, ExtractorEventType, type ExternalSyncUnit } from '../../adaas';
import { clientAndMe, optionsOf, userMessage } from '../../connection/connection';
import { readInOneShotPhase } from '../one-shot';
import { workspaceOf, type Workspace } from '../run-context';
import type { ConnectorStateEnvelope } from '../state';

/** The sync unit of a workspace. */
export function syncUnitOf(workspace: Workspace): ExternalSyncUnit {
  return {
    id: workspace.id,
    name: `${workspace.name} (Intercom)`,
    description: `Intercom workspace ${workspace.id} · region ${workspace.region} · time zone ${workspace.timezone}`,
    item_type: 'conversations',
  };
}

processTask<ConnectorStateEnvelope>({
  task: async ({ adapter }) => {
    try {
      const options = optionsOf(adapter);
      const workspace = await readInOneShotPhase(adapter, async (deadline) => {
        // The /me that told the region names the workspace too: one request, not two.
        const { me } = await clientAndMe(adapter, options, { deadline });
        return workspaceOf(me.data);
      });
      await adapter.emit(ExtractorEventType.ExternalSyncUnitExtractionDone, { external_sync_units: [syncUnitOf(workspace)] });
    } catch (error) {
      await adapter.emit(ExtractorEventType.ExternalSyncUnitExtractionError, { error: { message: userMessage(error) } });
    }
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.ExternalSyncUnitExtractionError, {
      error: { message: 'Intercom did not answer in time while listing the workspace; run the import again.' },
    });
  },
});
