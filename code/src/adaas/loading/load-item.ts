import { isAxiosError } from 'axios';
import type { AirdropEvent } from '../types/extraction';
import type { ExternalSystemAttachment, ExternalSystemItem, ExternalSystemLoadingFunction, ItemTypeToLoad } from '../types/loading';
import { ActionType } from '../types/loading';
import { SyncMapperRecordStatus } from '../types/mappers';
import { errorMessage } from '../common/errors';
import { logger } from '../common/logger';
import type { Mappers } from '../mappers/mappers';

/** Outcome of loading one item: an action for the report, or a delay that stops the phase. */
export interface LoadOutcome {
  action?: ActionType;
  delay?: number;
}

function versions(modifiedDate: string | undefined) {
  return modifiedDate ? [{ modified_date: modifiedDate, recipe_version: 0 }] : undefined;
}

/** Loads one DevRev record: update when a sync mapper record exists for it, create on 404. */
export async function loadItem(
  event: AirdropEvent,
  mappers: Mappers,
  item: ExternalSystemItem,
  itemType: ItemTypeToLoad,
): Promise<LoadOutcome> {
  const syncUnit = event.payload.event_context.sync_unit;
  const devrevId = item.id.devrev;
  try {
    let record;
    try {
      record = (await mappers.getByTargetId({ sync_unit: syncUnit, target: devrevId })).data.sync_mapper_record;
    } catch (error) {
      if (!(isAxiosError(error) && error.response?.status === 404)) throw error;
    }
    const fn = record ? itemType.update : itemType.create;
    const result = await fn({ item, mappers, event });
    if (result.delay !== undefined) return { delay: result.delay };
    if (!result.id) {
      logger.warn({ itemType: itemType.itemType, devrevId, reason: result.error }, 'Loading an item failed; skipping it');
      return { action: ActionType.FAILED };
    }
    const external_versions = versions(result.modifiedDate);
    if (record) {
      await mappers.update({
        id: record.id,
        sync_unit: syncUnit,
        status: SyncMapperRecordStatus.OPERATIONAL,
        external_ids: { add: [result.id] },
        targets: { add: [devrevId] },
        ...(external_versions ? { external_versions: { add: external_versions } } : {}),
      });
      return { action: ActionType.UPDATED };
    }
    await mappers.create({
      sync_unit: syncUnit,
      status: SyncMapperRecordStatus.OPERATIONAL,
      external_ids: [result.id],
      targets: [devrevId],
      ...(external_versions ? { external_versions } : {}),
    });
    return { action: ActionType.CREATED };
  } catch (error) {
    logger.warn({ itemType: itemType.itemType, devrevId, reason: errorMessage(error) }, 'Loading an item failed; skipping it');
    return { action: ActionType.FAILED };
  }
}

/** Loads one DevRev attachment: connector create, then a sync mapper record targeting its reference id. */
export async function loadAttachment(
  event: AirdropEvent,
  mappers: Mappers,
  item: ExternalSystemAttachment,
  create: ExternalSystemLoadingFunction<ExternalSystemAttachment>,
): Promise<LoadOutcome> {
  try {
    const result = await create({ item, mappers, event });
    if (result.delay !== undefined) return { delay: result.delay };
    if (!result.id) {
      logger.warn({ referenceId: item.reference_id, reason: result.error }, 'Loading an attachment failed; skipping it');
      return { action: ActionType.FAILED };
    }
    await mappers.create({
      sync_unit: event.payload.event_context.sync_unit,
      status: SyncMapperRecordStatus.OPERATIONAL,
      external_ids: [result.id],
      targets: [item.reference_id],
    });
    return { action: ActionType.CREATED };
  } catch (error) {
    logger.warn({ referenceId: item.reference_id, reason: errorMessage(error) }, 'Loading an attachment failed; skipping it');
    return { action: ActionType.FAILED };
  }
}
