// Pushes `items` tickets in chunks, each chunk costing time, until the soft timeout (then PROGRESS
// from onTimeout); asks for one DELAY half way; lists the attachments once.
import { setTimeout as sleep } from 'node:timers/promises';
import { ExtractorEventType, processTask, type NormalizedItem } from '../../../../../src/adaas';
import { fromEvent, ticket, type TestConnectorState } from '../config';

const CHUNK = 10;

function normalizeTicket(record: object): NormalizedItem {
  const t = record as ReturnType<typeof ticket>;
  return { id: t.id, created_date: t.created_at, modified_date: t.updated_at, data: { title: t.title, owner: t.owner } };
}

processTask<TestConnectorState>({
  task: async ({ adapter }) => {
    const config = fromEvent(adapter.event);
    adapter.initializeRepos([{ itemType: 'tickets', normalize: normalizeTicket }, { itemType: 'attachments' }]);

    if (!adapter.state.attachmentsListed) {
      const list = Array.from({ length: config.attachments }, (_, i) => ({
        url: `${config.filesUrl}/files/${i}`,
        id: `ticket-att-${i}`,
        file_name: `file-${i}.bin`,
        parent_id: `t${i % Math.max(config.items, 1)}`,
      }));
      await adapter.getRepo('attachments')?.push(list);
      adapter.state.attachmentsListed = true;
    }

    while (adapter.state.cursor < config.items) {
      if (adapter.isTimeout) return;
      if (!adapter.state.delayed && adapter.state.cursor >= config.delayAt) {
        adapter.state.delayed = true;
        await adapter.emit(ExtractorEventType.DataExtractionDelayed, { delay: config.delaySeconds });
        return;
      }
      const start = adapter.state.cursor;
      const end = Math.min(config.items, start + CHUNK);
      await sleep(config.itemCostMs * (end - start));
      const batch = Array.from({ length: end - start }, (_, k) => ticket(start + k));
      await adapter.getRepo('tickets')?.push(batch);
      adapter.state.cursor = end;
    }
    await adapter.emit(ExtractorEventType.DataExtractionDone);
  },
  onTimeout: async ({ adapter }) => {
    await adapter.emit(ExtractorEventType.DataExtractionProgress);
  },
});
