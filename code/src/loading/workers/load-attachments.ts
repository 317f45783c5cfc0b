/**
 * Worker of START_LOADING_ATTACHMENTS / CONTINUE_LOADING_ATTACHMENTS. Intercom's API cannot upload a
 * file to an existing conversation part, so every attachment is reported skipped with that reason
 * (and recorded with its id in the loader state); the phase ends DONE.
 */
import { LoaderEventType, processTask, type WorkerAdapter } from '../../adaas';
import { userMessage } from '../../connection/connection';
import { emitErrorAndExit } from '../invocation';
import { LoadLedger, loaderStateOf } from '../ledger';

/** The platform layer reports attachments under this item type. */
const ATTACHMENTS_REPORT_TYPE = 'attachments';

const REASON = "Intercom's API cannot add a file to an existing conversation part; the attachment is not loaded";

processTask<unknown>({
  task: async ({ adapter }) => {
    const worker = adapter as WorkerAdapter<unknown>;
    const ledger = new LoadLedger(loaderStateOf(worker, false));
    ledger.attach(worker);
    try {
      await worker.loadAttachments({
        create: async ({ item }) => ({
          error: ledger.skipped({
            itemType: ATTACHMENTS_REPORT_TYPE,
            id: item?.reference_id ?? '(no reference id)',
            reason: `${REASON} (${item?.file_name ?? 'unnamed file'} on ${item?.parent_type ?? 'item'} ${item?.parent_reference_id ?? '?'})`,
          }),
        }),
      });
    } catch (error) {
      if (!worker.hasWorkerEmitted) await emitErrorAndExit(worker, LoaderEventType.AttachmentLoadingError, `Loading attachments failed: ${userMessage(error)}`);
      throw error;
    }
    if (!worker.hasWorkerEmitted) await worker.emit(LoaderEventType.AttachmentLoadingDone);
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(LoaderEventType.AttachmentLoadingProgress);
  },
});
