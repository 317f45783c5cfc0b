/**
 * The platform emulator's loading run, seen from a hand-written connector: the events it sends,
 * the files behind `stats_file`, and how it judges replies (§2.4, one emit per invocation).
 */
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { startAirdropEmulator, type AirdropEmulatorInternals } from '../../src/emulators/airdrop';
import { tempDir } from '../temp-dir';

jest.setTimeout(30_000);

type Event = Record<string, any>;
const connection = { key: 'secret-intercom-token-123', key_type: 'pat', org_id: 'org', org_name: 'Org' };
const item = (n: number) => ({ id: { devrev: `don:core:dvrv-us-1:devo/0:comment/${n}` }, created_date: '2026-01-01T00:00:00Z', modified_date: '2026-01-02T00:00:00Z', data: { n } });

async function emit(event: Event, eventType: string, eventData: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch(event.payload.event_context.callback_url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: event.context.secrets.service_account_token },
    body: JSON.stringify({ event_type: eventType, event_context: event.payload.event_context, event_data: { reports: [], processed_files: [], ...eventData } }),
  });
  expect(response.status).toBe(200);
}

async function download(event: Event, artifactId: string): Promise<Buffer> {
  const base = event.execution_metadata.devrev_endpoint;
  const auth = { authorization: event.context.secrets.service_account_token };
  const { download_url } = (await (await fetch(`${base}/internal/airdrop.artifacts.download-url?artifact_id=${artifactId}`, { headers: auth })).json()) as { download_url: string };
  return Buffer.from(await (await fetch(download_url)).arrayBuffer());
}

describe('runLoad on the platform emulator', () => {
  let outDir: string;
  let airdrop: AirdropEmulatorInternals;

  beforeEach(async () => {
    outDir = tempDir('loading-run-');
    airdrop = await startAirdropEmulator({ outDir });
  });
  afterEach(async () => {
    await airdrop.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  test('sends LOADING events with a stats file and gzip transformer files, sums the reports of every reply', async () => {
    const seen: Event[] = [];
    const files: Record<string, unknown[]> = {};
    const invoke = async ([event]: Event[]) => {
      seen.push(event);
      const type = event.payload.event_type;
      if (type === 'START_LOADING_DATA') {
        const stats = (await download(event, event.payload.event_data.stats_file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
        for (const s of stats) files[s.item_type] = gunzipSync(await download(event, s.id)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
        expect(stats.map((s: { count: string }) => s.count)).toEqual(['2', '1']);
        return emit(event, 'DATA_LOADING_PROGRESS', { reports: [{ item_type: 'conversation_parts', created: 1 }] });
      }
      if (type === 'CONTINUE_LOADING_DATA' && seen.length === 2) return emit(event, 'DATA_LOADING_DELAYED', { delay: 3, reports: [] });
      if (type === 'CONTINUE_LOADING_DATA') return emit(event, 'DATA_LOADING_DONE', { reports: [{ item_type: 'conversation_parts', created: 1, failed: 1 }, { item_type: 'tags', created: 1 }], processed_files: ['a'] });
      return emit(event, 'ATTACHMENT_LOADING_DONE');
    };
    const result = await airdrop.runLoad({ invoke: invoke as never, connection, items: { conversation_parts: [item(1), item(2)], tags: [item(3)] }, delayScale: 0.01 });
    expect(result.error).toBeUndefined();
    expect(seen.map((e) => e.payload.event_type)).toEqual(['START_LOADING_DATA', 'CONTINUE_LOADING_DATA', 'CONTINUE_LOADING_DATA', 'START_LOADING_ATTACHMENTS']);
    for (const e of seen) {
      expect(e.payload.event_context.mode).toBe('LOADING');
      expect(e.payload.event_context.worker_data_url).toMatch(/\/loader$/);
      expect(e.payload.event_data.stats_file).toBe(seen[0].payload.event_data.stats_file);
    }
    expect(files.conversation_parts).toEqual([item(1), item(2)]);
    expect(files.tags).toEqual([item(3)]);
    expect(result.phases[0]).toMatchObject({ phase: 'load_data', invocations: 3, delays: 1, delaySeconds: 3 });
    expect(result.reports).toEqual([
      { item_type: 'conversation_parts', created: 2, updated: 0, skipped: 0, deleted: 0, failed: 1 },
      { item_type: 'tags', created: 1, updated: 0, skipped: 0, deleted: 0, failed: 0 },
    ]);
    const lines = fs.readFileSync(path.join(outDir, 'runs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([result]);
  });

  test('a reply of the wrong phase, two emits or none fail the run with the invocation named', async () => {
    const wrong = await airdrop.runLoad({ invoke: (async ([e]: Event[]) => emit(e, 'DATA_EXTRACTION_DONE')) as never, connection, items: { tags: [item(1)] } });
    expect(wrong.status).toBe('error');
    expect(wrong.error).toMatch(/invocation 1 of phase load_data \(START_LOADING_DATA\): reply DATA_EXTRACTION_DONE is not allowed/);

    const twice = await airdrop.runLoad({
      invoke: (async ([e]: Event[]) => { await emit(e, 'DATA_LOADING_DONE'); await emit(e, 'DATA_LOADING_DONE'); }) as never, connection, items: { tags: [item(1)] },
    });
    expect(twice.error).toMatch(/emitted 2 events/);

    const none = await airdrop.runLoad({ invoke: (async () => undefined) as never, connection, items: { tags: [item(1)] } });
    expect(none.error).toMatch(/ended without emitting an event/);

    const failing = await airdrop.runLoad({
      invoke: (async ([e]: Event[]) => emit(e, 'DATA_LOADING_ERROR', { error: { message: `bad token ${connection.key}` } })) as never, connection, items: { tags: [item(1)] },
    });
    expect(failing.error).toMatch(/replied DATA_LOADING_ERROR: bad token \[REDACTED\]/);
  });

  test('a bad input item is named and nothing is invoked', async () => {
    let calls = 0;
    const result = await airdrop.runLoad({
      invoke: (async () => { calls++; }) as never, connection,
      items: { conversation_parts: [item(1), { id: {}, created_date: 'x', modified_date: 'y', data: {} }] },
    });
    expect(result.status).toBe('error');
    expect(result.error).toBe('items.conversation_parts[1] has no id.devrev (string)');
    expect(calls).toBe(0);
  });
});
