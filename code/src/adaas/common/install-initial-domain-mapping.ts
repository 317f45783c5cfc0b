import type { AirdropEvent } from '../types/extraction';
import type { InitialDomainMapping } from '../types/common';
import { axiosClient } from '../http/axios-client';
import { internalUrl, rawAuthHeaders } from '../http/platform-headers';
import { errorMessage, truncateMessage } from './errors';
import { logger } from './logger';

interface SnapInResponse {
  snap_in?: { imports?: { name?: string }[]; snap_in_version?: { slug?: string } };
}

/**
 * Installs the initial domain mapping (§9.4): snap-ins.get → optional recipe blueprint → IDM install.
 * Throws when the install fails; a failing blueprint creation is tolerated.
 */
export async function installInitialDomainMapping(event: AirdropEvent, idm: InitialDomainMapping): Promise<void> {
  const headers = rawAuthHeaders(event);
  const snapIn = await axiosClient.get<SnapInResponse>(internalUrl(event, 'snap-ins.get'), {
    params: { id: event.context.snap_in_id },
    headers,
  });
  const importSlug = snapIn.data.snap_in?.imports?.[0]?.name;
  const snapInSlug = snapIn.data.snap_in?.snap_in_version?.slug;
  if (!importSlug || !snapInSlug) {
    // As the SDK: without both slugs the platform cannot tell which import the mapping belongs to.
    throw new Error(`Cannot install the initial domain mapping: snap-ins.get names no import slug or snap-in slug (${truncateMessage(JSON.stringify(snapIn.data), 500)})`);
  }

  let blueprintId: string | undefined;
  if (idm.starting_recipe_blueprint && Object.keys(idm.starting_recipe_blueprint).length > 0) {
    try {
      const created = await axiosClient.post<{ recipe_blueprint?: { id?: string } }>(
        internalUrl(event, 'airdrop.recipe.blueprints.create'),
        idm.starting_recipe_blueprint,
        { headers },
      );
      blueprintId = created.data.recipe_blueprint?.id;
    } catch (error) {
      logger.warn({ error: errorMessage(error) }, 'Creating the recipe blueprint failed; installing without it');
    }
  }

  await axiosClient.post(
    internalUrl(event, 'airdrop.recipe.initial-domain-mappings.install'),
    {
      external_system_type: 'ADaaS',
      import_slug: importSlug,
      snap_in_slug: snapInSlug,
      ...(blueprintId ? { starting_recipe_blueprint: blueprintId } : {}),
      ...(idm.additional_mappings ?? {}),
    },
    { headers },
  );
  logger.info('Installed the initial domain mapping');
}
