/**
 * A well-behaved connector written directly against the wire protocol (no SDK layer): it keeps a
 * cursor in the platform state, pushes `perInvocation` items per data invocation (PROGRESS until done),
 * lists its attachments in the data phase and uploads their bytes in the attachments phase.
 */
import type { AirdropEvent } from '../../../../src/emulators/airdrop';
import { item, METADATA, type WireClient } from './wire-client';

export interface GoodConnectorOptions {
  users: number;
  tickets: number;
  perInvocation: number;
  attachments: number;
  /** Reply DATA_EXTRACTION_DELAYED with this delay on the second data invocation. */
  delaySeconds?: number;
  /** Sync units to report; default one unit `unit-a`. */
  syncUnits?: { id: string; name: string; description: string }[];
}

interface GoodState {
  cursor: number;
  delayed: boolean;
  attachmentsListed: boolean;
  attachmentsUploaded: number;
  syncs: number;
}

type Handler = (eventType: string, client: WireClient, event: AirdropEvent) => Promise<void>;

/** The bytes of attachment `i` (distinct sizes so byte counts are checkable). */
export function attachmentBytes(i: number): Buffer {
  return Buffer.from(`attachment ${i} `.repeat(i + 1));
}

export function goodConnector(o: GoodConnectorOptions): Handler {
  const all = [
    ...Array.from({ length: o.users }, (_, i) => ({ type: 'users', item: item(`u${i}`) })),
    ...Array.from({ length: o.tickets }, (_, i) => ({ type: 'tickets', item: item(`t${i}`, { owner: `u${i % Math.max(o.users, 1)}` }) })),
  ];
  const loadState = async (client: WireClient): Promise<GoodState> => {
    const res = await client.getState();
    if (res.status === 404) return { cursor: 0, delayed: false, attachmentsListed: false, attachmentsUploaded: 0, syncs: 0 };
    return JSON.parse((res.data as { state: string }).state) as GoodState;
  };

  return async (eventType, client) => {
    switch (eventType) {
      case 'START_EXTRACTING_EXTERNAL_SYNC_UNITS':
      case 'EXTRACTION_EXTERNAL_SYNC_UNITS_START': {
        const units = o.syncUnits ?? [{ id: 'unit-a', name: 'Unit A', description: 'the only unit' }];
        const artifact = await client.uploadItems('external_sync_units', units);
        await client.emit('EXTERNAL_SYNC_UNIT_EXTRACTION_DONE', { artifacts: [artifact] });
        return;
      }
      case 'START_EXTRACTING_METADATA':
      case 'EXTRACTION_METADATA_START': {
        const state = await loadState(client);
        if (client.event.payload.event_context.mode === 'INCREMENTAL') {
          // An incremental sync re-sends everything changed: here, everything again.
          state.cursor = 0;
          state.attachmentsListed = false;
          state.attachmentsUploaded = 0;
          state.syncs++;
        }
        await client.postState(state);
        const artifact = await client.uploadItems('external_domain_metadata', [METADATA]);
        await client.emit('METADATA_EXTRACTION_DONE', { artifacts: [artifact] });
        return;
      }
      case 'START_EXTRACTING_DATA':
      case 'CONTINUE_EXTRACTING_DATA':
      case 'EXTRACTION_DATA_START':
      case 'EXTRACTION_DATA_CONTINUE': {
        const state = await loadState(client);
        if (o.delaySeconds !== undefined && !state.delayed && state.cursor > 0) {
          state.delayed = true;
          await client.postState(state);
          await client.emit('DATA_EXTRACTION_DELAYED', { delay: o.delaySeconds, artifacts: [] });
          return;
        }
        const slice = all.slice(state.cursor, state.cursor + o.perInvocation);
        const artifacts = [];
        for (const type of ['users', 'tickets']) {
          const items = slice.filter((s) => s.type === type).map((s) => s.item);
          if (items.length > 0) artifacts.push(await client.uploadItems(type, items));
        }
        if (!state.attachmentsListed && o.attachments > 0) {
          const list = Array.from({ length: o.attachments }, (_, i) => ({
            url: `http://127.0.0.1:1/files/${i}`,
            id: `att-${i}`,
            file_name: `file-${i}.txt`,
            parent_id: 't0',
          }));
          artifacts.push(await client.uploadItems('attachments', list));
          state.attachmentsListed = true;
        }
        state.cursor += slice.length;
        await client.postState(state);
        const done = state.cursor >= all.length;
        await client.emit(done ? 'DATA_EXTRACTION_DONE' : 'DATA_EXTRACTION_PROGRESS', { artifacts });
        return;
      }
      case 'START_EXTRACTING_ATTACHMENTS':
      case 'CONTINUE_EXTRACTING_ATTACHMENTS':
      case 'EXTRACTION_ATTACHMENTS_START':
      case 'EXTRACTION_ATTACHMENTS_CONTINUE': {
        const state = await loadState(client);
        // Two files per invocation, to exercise ATTACHMENT_EXTRACTION_PROGRESS.
        const ssor = [];
        for (let i = state.attachmentsUploaded; i < Math.min(o.attachments, state.attachmentsUploaded + 2); i++) {
          const artifactId = await client.uploadBytes(attachmentBytes(i), `file-${i}.txt`, 'text/plain');
          ssor.push({ id: { devrev: artifactId, external: `att-${i}` }, parent_id: { external: 't0' } });
        }
        state.attachmentsUploaded += ssor.length;
        await client.postState(state);
        const artifacts = ssor.length > 0 ? [await client.uploadItems('ssor_attachment', ssor)] : [];
        const done = state.attachmentsUploaded >= o.attachments;
        await client.emit(done ? 'ATTACHMENT_EXTRACTION_DONE' : 'ATTACHMENT_EXTRACTION_PROGRESS', { artifacts });
        return;
      }
      case 'START_DELETING_EXTRACTOR_STATE':
      case 'EXTRACTION_DATA_DELETE':
        await client.emit('EXTRACTOR_STATE_DELETION_DONE');
        return;
      case 'START_DELETING_EXTRACTOR_ATTACHMENTS_STATE':
      case 'EXTRACTION_ATTACHMENTS_DELETE':
        await client.emit('EXTRACTOR_ATTACHMENTS_STATE_DELETION_DONE');
        return;
      default:
        throw new Error(`good connector: unexpected event type ${eventType}`);
    }
  };
}
