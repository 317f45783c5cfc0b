/**
 * The function entry (`code/src/index.ts`) fed each recorded event fixture, in the order DevRev sends
 * them: its hosts pointed at a callback server over HTTP and at the Intercom emulator, everything else
 * as recorded. Each fixture's expected answer is written here by hand, with what the reply must carry.
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { EventType, type AirdropEvent } from '../../src/adaas';
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { createFunctions } from '../../src/index';
import { PlatformServer, type RecordedRequest } from '../adaas/helpers/platform-server';

const FIXTURES = path.join(__dirname, '../../fixtures/events');
const functions = createFunctions({ timeoutMs: 60_000, local: true });
/** An invocation that stops starting work 4 s in (half its soft timeout). */
const shortFunctions = createFunctions({ timeoutMs: 8000, local: true });
/** `itemType/id` of the items the delayed invocation pushed. */
let pushedBefore: string[] = [];

let intercom: IntercomEmulator;
const extractor = new PlatformServer();
const loader = new PlatformServer();

beforeAll(async () => {
  intercom = await startIntercomEmulator({
    seed: 4,
    size: { admins: 2, teams: 1, tags: 2, companies: 2, contacts: 3, conversations: 3, collections: 1, sections: 1, articles: 1, tickets: 1, longConversations: 0 },
    edgeCases: false,
  });
  await extractor.start();
  await loader.start();
});
afterAll(async () => {
  await extractor.stop();
  await loader.stop();
  await intercom.close();
});

/** A recorded fixture aimed at `server` and the Intercom emulator; the rest is as recorded. */
function fixture(file: string, server: PlatformServer): AirdropEvent {
  const event = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
  event.payload.event_context.callback_url = `${server.baseUrl}/callback_url`;
  event.payload.event_context.worker_data_url = `${server.baseUrl}/worker_data_url`;
  event.execution_metadata.devrev_endpoint = server.baseUrl;
  event.payload.connection_data.key = intercom.token;
  event.input_data.global_values.intercom_api_base_url = intercom.baseUrl;
  // The recorded events share one request id; the platform gives each invocation its own (a repeated
  // id means a re-delivery after a lost reply, which the data workers roll back for).
  const requestId = randomUUID();
  Object.assign(event.payload.event_context, { request_id: requestId, request_id_adaas: requestId, uuid: requestId });
  event.execution_metadata.request_id = requestId;
  return event;
}

/** Runs one fixture through the function the manifest names for it; returns the one event it emitted. */
async function answer(file: string, server: PlatformServer, fns = functions): Promise<RecordedRequest> {
  const event = fixture(file, server);
  const before = server.callbacks().length;
  const fn = event.execution_metadata.function_name === 'loading' ? fns.loading : fns.extraction;
  await fn([event]);
  const emitted = server.callbacks().slice(before);
  expect(emitted.map((c) => c.json.event_type)).toHaveLength(1);
  expect(emitted[0].json.event_context.request_id).toBe(event.payload.event_context.request_id);
  return emitted[0];
}

/** The lines of an uploaded artifact. */
function artifactLines(server: PlatformServer, id: string): any[] {
  const bytes = server.uploads.get(id)!.file!.data;
  return gunzipSync(bytes).toString('utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
}

/** `itemType/id` of every item in the artifacts a reply lists. */
function itemIds(reply: RecordedRequest): string[] {
  return (reply.json.event_data.artifacts ?? []).flatMap((a: { id: string; item_type: string }) =>
    artifactLines(extractor, a.id).map((item) => `${a.item_type}/${item.id}`));
}

/** Artifacts of a reply summed by item type. */
function countsByType(reply: RecordedRequest): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of reply.json.event_data.artifacts ?? []) counts[a.item_type] = (counts[a.item_type] ?? 0) + a.item_count;
  return counts;
}

const extractorState = () => JSON.parse(extractor.states.get('5')!);

describe('the function entry answers each recorded event (extraction, in DevRev\'s order)', () => {
  it('start_extracting_external_sync_units.json → EXTERNAL_SYNC_UNIT_EXTRACTION_DONE with the workspace of the token', async () => {
    const reply = await answer('start_extracting_external_sync_units.json', extractor);
    expect(reply.json.event_type).toBe('EXTERNAL_SYNC_UNIT_EXTRACTION_DONE');
    const [artifact] = reply.json.event_data.artifacts;
    expect(artifact).toMatchObject({ item_type: 'external_sync_units', item_count: 1 });
    const [unit] = artifactLines(extractor, artifact.id);
    const me = (await fetch(`${intercom.baseUrl}/me`, { headers: { authorization: `Bearer ${intercom.token}` } }).then((r) => r.json())) as { app: { id_code: string } };
    expect(unit).toMatchObject({ id: me.app.id_code, item_type: 'conversations' });
  });

  it('start_extracting_metadata.json → METADATA_EXTRACTION_DONE with one metadata artifact', async () => {
    const reply = await answer('start_extracting_metadata.json', extractor);
    expect(reply.json.event_data?.error).toBeUndefined();
    expect(reply.json.event_type).toBe('METADATA_EXTRACTION_DONE');
    expect(countsByType(reply)).toEqual({ external_domain_metadata: 1 });
    const [metadata] = artifactLines(extractor, reply.json.event_data.artifacts[0].id);
    expect(Object.keys(metadata.record_types)).toEqual(expect.arrayContaining(['conversations', 'conversation_parts', 'contacts', 'tickets']));
  });

  it('start_extracting_data.json under a rate limit it cannot wait out → DATA_EXTRACTION_DELAYED with its seconds', async () => {
    // 5 requests per 10 s, and an invocation that must stop 4 s in: the window's reset does not fit.
    intercom.setRateLimit({ appPer10s: 5 });
    const reply = await answer('start_extracting_data.json', extractor, shortFunctions);
    expect(reply.json.event_type).toBe('DATA_EXTRACTION_DELAYED');
    expect(reply.json.event_data.delay).toBeGreaterThan(0);
    expect(reply.json.event_data.delay).toBeLessThanOrEqual(11); // the 10 s window, rounded up, and a second to spare
    pushedBefore = itemIds(reply);
  });

  it('continue_extracting_data.json resumes the run → DATA_EXTRACTION_DONE: every closed conversation and contact, none twice', async () => {
    intercom.setRateLimit({ appPer10s: 10_000 });
    const reply = await answer('continue_extracting_data.json', extractor);
    expect(reply.json.event_type).toBe('DATA_EXTRACTION_DONE');
    const all = [...pushedBefore, ...itemIds(reply)];
    const ofType = (t: string) => all.filter((k) => k.startsWith(`${t}/`)).map((k) => k.slice(t.length + 1)).sort();
    const truth = intercom.workspace.truth;
    // The fixtures say import_all_conversations "false": closed ones only.
    expect(ofType('conversations')).toEqual([...truth.ids('conversations', { allConversations: false })].sort());
    expect(ofType('contacts')).toEqual([...truth.ids('contacts')].sort());
    expect(ofType('tickets')).toHaveLength(1);
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
    // The run's start becomes the bookmark only when the attachments phase is done.
    expect(extractorState().intercom.bookmark).toBeNull();
  });

  it('start_extracting_attachments.json → ATTACHMENT_EXTRACTION_DONE, every file of the workspace uploaded', async () => {
    const uploadsBefore = extractor.uploads.size;
    const reply = await answer('start_extracting_attachments.json', extractor);
    expect(reply.json.event_type).toBe('ATTACHMENT_EXTRACTION_DONE');
    const files = intercom.workspace.truth.attachments({ allConversations: false }).length;
    expect(files).toBeGreaterThan(0);
    const listed = (reply.json.event_data.artifacts ?? []).filter((a: { item_type: string }) => a.item_type === 'ssor_attachment');
    expect(listed.reduce((n: number, a: { item_count: number }) => n + a.item_count, 0)).toBe(files);
    expect(extractor.uploads.size - uploadsBefore).toBe(files + listed.length); // each file once, and the listing
    expect(extractorState().intercom.bookmark).toBeGreaterThan(0); // the run is complete
  });

  it('continue_extracting_attachments.json with nothing left → ATTACHMENT_EXTRACTION_DONE, no file again', async () => {
    const uploadsBefore = extractor.uploads.size;
    const reply = await answer('continue_extracting_attachments.json', extractor);
    expect(reply.json.event_type).toBe('ATTACHMENT_EXTRACTION_DONE');
    expect(extractor.uploads.size).toBe(uploadsBefore);
  });

  it('start_extracting_data.incremental.json → DATA_EXTRACTION_DONE, only the changed conversation and its new part', async () => {
    const changed = intercom.workspace.truth.ids('conversations', { allConversations: false })[0];
    const newPart = intercom.workspace.mutate.addPart(changed, { partType: 'note' });
    const reply = await answer('start_extracting_data.incremental.json', extractor);
    expect(reply.json.event_type).toBe('DATA_EXTRACTION_DONE');
    const pushed = itemIds(reply);
    expect(pushed.filter((k) => k.startsWith('conversations/'))).toEqual([`conversations/${changed}`]);
    expect(pushed).toContain(`conversation_parts/${newPart}`);
  });

  it.each([
    ['start_deleting_extractor_state.json', 'EXTRACTOR_STATE_DELETION_DONE'],
    ['start_deleting_extractor_attachments_state.json', 'EXTRACTOR_ATTACHMENTS_STATE_DELETION_DONE'],
  ])('%s → %s, the state neither read nor written (the platform drops it)', async (file, expected) => {
    const stateRequests = () => extractor.requests.filter((r) => r.path.startsWith('/worker_data_url')).length;
    const before = stateRequests();
    expect((await answer(file, extractor)).json.event_type).toBe(expected);
    expect(stateRequests()).toBe(before);
  });
});

describe('the function entry answers each recorded event (loading)', () => {
  const STATS_FILE = 'don:core:dvrv-us-1:devo/1b2c3d:artifact/901';
  const TAGS_FILE = 'don:core:dvrv-us-1:devo/1b2c3d:artifact/902';
  const ATTACHMENTS_FILE = 'don:core:dvrv-us-1:devo/1b2c3d:artifact/903';
  const jsonl = (lines: object[]) => gzipSync(lines.map((l) => JSON.stringify(l)).join('\n'));

  beforeAll(() => {
    // The platform's stats file names one transformer file per item type (§7.1).
    loader.putArtifact(STATS_FILE, jsonl([
      { id: TAGS_FILE, item_type: 'tags', file_name: 'tags.jsonl', count: '1' },
      { id: ATTACHMENTS_FILE, item_type: 'attachment', file_name: 'attachment.jsonl', count: '1' },
    ]));
    loader.putArtifact(TAGS_FILE, jsonl([{
      id: { devrev: 'don:core:dvrv-us-1:devo/1b2c3d:tag/77' }, created_date: '2026-01-02T00:00:00Z', modified_date: '2026-01-02T00:00:00Z',
      data: { name: 'made-in-devrev' },
    }]));
    loader.putArtifact(ATTACHMENTS_FILE, jsonl([{
      reference_id: 'don:core:dvrv-us-1:devo/1b2c3d:artifact/950', parent_type: 'comment', parent_reference_id: 'don:core:dvrv-us-1:devo/1b2c3d:comment/3',
      file_name: 'a.png', file_type: 'image/png', file_size: 3, url: `${loader.baseUrl}/download/none`, valid_until: '2026-01-03T00:00:00Z',
      created_by_id: 'DEVU-1', created_date: '2026-01-02T00:00:00Z', modified_by_id: 'DEVU-1', modified_date: '2026-01-02T00:00:00Z',
    }]));
  });

  it('start_loading_data.json → DATA_LOADING_DONE: the DevRev tag created in Intercom and reported created', async () => {
    const reply = await answer('start_loading_data.json', loader);
    expect(reply.json.event_type).toBe('DATA_LOADING_DONE');
    expect(reply.json.event_data.reports).toEqual([expect.objectContaining({ item_type: 'tags', created: 1 })]);
    expect(intercom.workspace.tags().map((t) => t.name)).toContain('made-in-devrev');
    expect(loader.mapperRecords.map((m) => m.targets)).toEqual([['don:core:dvrv-us-1:devo/1b2c3d:tag/77']]);
  });

  it('continue_loading_data.json with every file loaded → DATA_LOADING_DONE, nothing created twice', async () => {
    const tags = intercom.workspace.tags().length;
    const reply = await answer('continue_loading_data.json', loader);
    expect(reply.json.event_type).toBe('DATA_LOADING_DONE');
    expect(intercom.workspace.tags()).toHaveLength(tags);
  });

  it('start_loading_attachments.json → ATTACHMENT_LOADING_DONE, the file reported not loaded (Intercom cannot add it)', async () => {
    const reply = await answer('start_loading_attachments.json', loader);
    expect(reply.json.event_type).toBe('ATTACHMENT_LOADING_DONE');
    expect(reply.json.event_data.reports).toEqual([expect.objectContaining({ item_type: 'attachments', skipped: 1 })]);
  });

  it('continue_loading_attachments.json → ATTACHMENT_LOADING_DONE', async () => {
    const reply = await answer('continue_loading_attachments.json', loader);
    expect(reply.json.event_type).toBe('ATTACHMENT_LOADING_DONE');
  });

  it.each([
    ['start_deleting_loader_state.json', 'LOADER_STATE_DELETION_DONE'],
    ['start_deleting_loader_attachment_state.json', 'LOADER_ATTACHMENT_STATE_DELETION_DONE'],
  ])('%s → %s', async (file, reply) => {
    expect((await answer(file, loader)).json.event_type).toBe(reply);
  });
});

it('the fixtures cover every incoming event type, and each is answered above (a new one needs its expected answer here)', () => {
  const types = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')).payload.event_type);
  const known = Object.values(EventType).filter((t) => t !== EventType.UnknownEventType && !/^EXTRACTION_/.test(t));
  expect(new Set(types)).toEqual(new Set(known));
  const self = fs.readFileSync(__filename, 'utf8');
  const missing = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !self.includes(`'${f}`));
  expect(missing).toEqual([]);
});
