import type { ExternalSystemAttachment, ExternalSystemItem, ExternalSystemLoadingFunction, FileToLoad, ItemTypeToLoad, LoadItemTypesResponse, StatsFileObject } from '../types/loading';
import { LoaderEventType } from '../types/loading';
import { EventType } from '../types/extraction';
import type { LoadingSdkState } from '../types/state';
import { logger } from '../common/logger';
import { downloadArtifactItems } from '../uploader/uploader';
import type { WorkerAdapter } from '../workers/worker-adapter';
import { exitWorkerThread } from '../workers/worker-messages';
import { loadAttachment, loadItem, LoadOutcome } from './load-item';
import { addToReports } from './reports';

const ATTACHMENT_ITEM_TYPE = 'attachment';
const ATTACHMENT_REPORT_TYPE = 'attachments';

function loadingState(adapter: WorkerAdapter<unknown>): LoadingSdkState {
  const state = adapter.state as Partial<LoadingSdkState>;
  state.fromDevRev ??= { filesToLoad: [] };
  state.fromDevRev.filesToLoad ??= [];
  return state as LoadingSdkState;
}

/** Reads the stats file and keeps the files of the supported item types, in the given order. */
async function filesFromStatsFile(adapter: WorkerAdapter<unknown>, supported: string[]): Promise<FileToLoad[]> {
  const statsFile = adapter.event.payload.event_data?.stats_file;
  if (!statsFile) throw new Error('Loading event has no event_data.stats_file');
  const stats = await downloadArtifactItems<StatsFileObject>(adapter.event, statsFile);
  const files = stats
    .filter((s) => supported.includes(s.item_type))
    .sort((a, b) => supported.indexOf(a.item_type) - supported.indexOf(b.item_type));
  return files.map((s) => ({
    id: s.id,
    file_name: s.file_name,
    itemType: s.item_type,
    count: parseInt(s.count, 10),
    lineToProcess: 0,
    completed: false,
  }));
}

/**
 * Walks `state.fromDevRev.filesToLoad` (filled from the stats file on a START event), loading every
 * line with `loadOne`. On timeout emits PROGRESS, on a delay emits DELAYED, both with the reports so far.
 */
async function loadFiles<Item>(
  adapter: WorkerAdapter<unknown>,
  supported: string[],
  startEvent: EventType,
  events: { progress: LoaderEventType; delayed: LoaderEventType },
  loadOne: (item: Item, file: FileToLoad) => Promise<LoadOutcome>,
  reportType: (file: FileToLoad) => string,
): Promise<LoadItemTypesResponse> {
  const state = loadingState(adapter);
  if (adapter.event.payload.event_type === startEvent) {
    state.fromDevRev.filesToLoad = await filesFromStatsFile(adapter, supported);
  }
  for (const file of state.fromDevRev.filesToLoad) {
    if (file.completed) continue;
    const items = await downloadArtifactItems<Item>(adapter.event, file.id);
    for (let line = file.lineToProcess; line < items.length; line++) {
      if (adapter.isTimeout) {
        await adapter.emit(events.progress);
        exitWorkerThread(0);
        return { reports: adapter.reports, processed_files: adapter.processedFiles };
      }
      const outcome = await loadOne(items[line], file);
      if (outcome.delay !== undefined) {
        await adapter.emit(events.delayed, { delay: outcome.delay });
        exitWorkerThread(0);
        return { reports: adapter.reports, processed_files: adapter.processedFiles };
      }
      if (outcome.action) addToReports(adapter.reports, reportType(file), outcome.action);
      file.lineToProcess = line + 1;
    }
    file.completed = true;
    adapter.processedFiles.push(file.id);
    logger.info({ fileId: file.id, itemType: file.itemType }, 'Loaded file');
  }
  return { reports: adapter.reports, processed_files: adapter.processedFiles };
}

/** `adapter.loadItemTypes`: loads the transformer files of the given item types (§7). */
export function loadItemTypes(adapter: WorkerAdapter<unknown>, itemTypesToLoad: ItemTypeToLoad[]): Promise<LoadItemTypesResponse> {
  const byType = new Map(itemTypesToLoad.map((t) => [t.itemType, t]));
  return loadFiles<ExternalSystemItem>(
    adapter,
    itemTypesToLoad.map((t) => t.itemType),
    EventType.StartLoadingData,
    { progress: LoaderEventType.DataLoadingProgress, delayed: LoaderEventType.DataLoadingDelayed },
    (item, file) => loadItem(adapter.event, adapter.mappers, item, byType.get(file.itemType)!),
    (file) => file.itemType,
  );
}

/** `adapter.loadAttachments`: loads the attachment files of the stats file with `create` (§7). */
export function loadAttachments(
  adapter: WorkerAdapter<unknown>,
  create: ExternalSystemLoadingFunction<ExternalSystemAttachment>,
): Promise<LoadItemTypesResponse> {
  return loadFiles<ExternalSystemAttachment>(
    adapter,
    [ATTACHMENT_ITEM_TYPE],
    EventType.StartLoadingAttachments,
    { progress: LoaderEventType.AttachmentLoadingProgress, delayed: LoaderEventType.AttachmentLoadingDelayed },
    (item) => loadAttachment(adapter.event, adapter.mappers, item, create),
    () => ATTACHMENT_REPORT_TYPE,
  );
}
