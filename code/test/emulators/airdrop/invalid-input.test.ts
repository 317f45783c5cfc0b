/**
 * Every kind of bad input ends the run with status `error` and a message naming the offending
 * artifact, line or event. The connector is the protocol-correct one, except in one place.
 */
import type { AirdropEmulatorInternals, RunResult } from '../../../src/emulators/airdrop';
import { MAX_STATE_BYTES } from '../../../src/emulators/airdrop';
import { goodConnector } from './helpers/good-connector';
import { CONNECTION, readJsonl, scripted, startEmulator, tempDir } from './helpers/setup';
import { item, METADATA, WireClient } from './helpers/wire-client';

const good = goodConnector({ users: 3, tickets: 2, perInvocation: 10, attachments: 2 });

type Override = (client: WireClient) => Promise<void>;

describe('airdrop emulator: bad input fails the run loudly', () => {
  let emulator: AirdropEmulatorInternals;

  beforeEach(async () => {
    emulator = await startEmulator(tempDir());
  });
  afterEach(async () => {
    await emulator.close();
  });

  /** Runs an import whose connector misbehaves on `eventType` only. */
  async function importWith(eventType: string, override: Override): Promise<RunResult> {
    const result = await emulator.runImport({
      invoke: scripted(async (type, client, event) => (type === eventType ? override(client) : good(type, client, event))),
      connection: CONNECTION,
    });
    expect(result.status).toBe('error');
    const runs = readJsonl(emulator.layout.runsFile) as unknown as RunResult[];
    expect(runs[runs.length - 1]).toMatchObject({ status: 'error', error: result.error });
    return result;
  }

  it('an artifact whose item type is not a record type of the metadata', async () => {
    let artifactId = '';
    const result = await importWith('START_EXTRACTING_DATA', async (client) => {
      const artifact = await client.uploadItems('widgets', [item('w1')]);
      artifactId = artifact.id;
      await client.emit('DATA_EXTRACTION_DONE', { artifacts: [artifact] });
    });
    expect(result.error).toContain(`artifact ${artifactId} (item type widgets)`);
    expect(result.error).toMatch(/item type widgets is not a record type of the external domain metadata \(record types: users, tickets\)/);
    expect(readJsonl(emulator.layout.itemsFile('widgets'))).toHaveLength(0);
  });

  it('an item artifact before any metadata was uploaded', async () => {
    const result = await importWith('START_EXTRACTING_METADATA', async (client) => {
      const artifact = await client.uploadItems('users', [item('u1')]);
      await client.emit('METADATA_EXTRACTION_DONE', { artifacts: [artifact] });
    });
    expect(result.error).toMatch(/no external domain metadata was uploaded, so item type users is unknown/);
  });

  const badLines: [string, string, unknown, RegExp][] = [
    ['an id that is not a string', 'users', { ...item('x'), id: 42 }, /line 2: \/id: must be string/],
    ['an empty id', 'users', { ...item('x'), id: '' }, /line 2 \(id \): \/id: must NOT have fewer than 1 characters/],
    ['a created_date that is not RFC3339', 'users', { ...item('u9'), created_date: '2024-01-01' }, /line 2 \(id u9\): \/created_date: must match format "date-time"/],
    ['a modified_date without time zone', 'users', { ...item('u9'), modified_date: '2024-01-01T10:00:00' }, /line 2 \(id u9\): \/modified_date: must match format "date-time"/],
    ['a missing modified_date', 'users', { id: 'u9', created_date: '2024-01-01T00:00:00Z', data: {} }, /line 2 \(id u9\): \/: must have required property 'modified_date'/],
    ['data that is not an object', 'tickets', { ...item('t9'), data: 'text' }, /line 2 \(id t9\): \/data: must be object/],
    ['an attachment without url', 'attachments', { id: 'a1', file_name: 'f', parent_id: 'p' }, /line 2 \(id a1\): \/: must have required property 'url'/],
    ['an attachment without parent_id', 'attachments', { id: 'a1', file_name: 'f', url: 'http://x' }, /must have required property 'parent_id'/],
    ['an attachment without file_name', 'attachments', { id: 'a1', parent_id: 'p', url: 'http://x' }, /must have required property 'file_name'/],
  ];

  it.each(badLines)('a JSONL line with %s', async (_what, itemType, bad, message) => {
    const first = itemType === 'attachments' ? { id: 'a0', url: 'http://x', file_name: 'f', parent_id: 'p' } : item('ok');
    let artifactId = '';
    const result = await importWith('START_EXTRACTING_DATA', async (client) => {
      const artifact = await client.uploadItems(itemType, [first, bad]);
      artifactId = artifact.id;
      await client.emit('DATA_EXTRACTION_DONE', { artifacts: [artifact] });
    });
    expect(result.error).toContain(`artifact ${artifactId} (item type ${itemType}): 1 invalid item line(s)`);
    expect(result.error).toMatch(message);
    // The whole artifact is refused: not even its good line is merged.
    expect(readJsonl(emulator.layout.itemsFile(itemType))).toHaveLength(0);
  });

  it('a JSONL line that is not JSON', async () => {
    const result = await importWith('START_EXTRACTING_DATA', async (client) => {
      const artifact = await client.uploadItems('users', [], [JSON.stringify(item('u1')), '{"id": "u2",']);
      await client.emit('DATA_EXTRACTION_DONE', { artifacts: [artifact] });
    });
    expect(result.error).toMatch(/1 invalid item line\(s\): line 2: not JSON/);
  });

  it('an ssor_attachment record without the external id', async () => {
    const result = await importWith('START_EXTRACTING_ATTACHMENTS', async (client) => {
      const file = await client.uploadBytes(Buffer.from('bytes'), 'f.txt', 'text/plain');
      const artifact = await client.uploadItems('ssor_attachment', [{ id: { devrev: file }, parent_id: { external: 'p' } }]);
      await client.emit('ATTACHMENT_EXTRACTION_DONE', { artifacts: [artifact] });
    });
    expect(result.error).toMatch(/\(item type ssor_attachment\): 1 invalid item line\(s\): line 1: \/id: must have required property 'external'/);
  });

  it('an ssor_attachment whose external id is not file-name safe', async () => {
    const result = await importWith('START_EXTRACTING_ATTACHMENTS', async (client) => {
      const file = await client.uploadBytes(Buffer.from('bytes'), 'f.txt', 'text/plain');
      const artifact = await client.uploadItems('ssor_attachment', [{ id: { devrev: file, external: '../evil' }, parent_id: { external: 'p' } }]);
      await client.emit('ATTACHMENT_EXTRACTION_DONE', { artifacts: [artifact] });
    });
    expect(result.error).toMatch(/line 1: attachment id "..\/evil" is not file-name safe/);
  });

  it('an artifact whose item_count does not match its lines', async () => {
    const result = await importWith('START_EXTRACTING_DATA', async (client) => {
      const artifact = await client.uploadItems('users', [item('u1'), item('u2')]);
      await client.emit('DATA_EXTRACTION_DONE', { artifacts: [{ ...artifact, item_count: 3 }] });
    });
    expect(result.error).toMatch(/declares item_count 3 but holds 2 line\(s\)/);
  });

  it('an artifact listed in the event but never uploaded', async () => {
    const result = await importWith('START_EXTRACTING_DATA', async (client) => {
      await client.emit('DATA_EXTRACTION_DONE', { artifacts: [{ id: 'artifact-abc-0123', item_type: 'users', item_count: 1 }] });
    });
    expect(result.error).toMatch(/artifact artifact-abc-0123 \(item type users\): listed in event_data.artifacts but never uploaded/);
  });

  it('an artifact listed a second time', async () => {
    let first: Awaited<ReturnType<WireClient['uploadItems']>> | undefined;
    const result = await emulator.runImport({
      invoke: scripted(async (type, client, event) => {
        if (type === 'START_EXTRACTING_DATA') {
          first = await client.uploadItems('users', [item('u1')]);
          await client.emit('DATA_EXTRACTION_PROGRESS', { artifacts: [first] });
        } else if (type === 'CONTINUE_EXTRACTING_DATA') {
          await client.emit('DATA_EXTRACTION_DONE', { artifacts: [first] });
        } else await good(type, client, event);
      }),
      connection: CONNECTION,
    });
    expect(result.status).toBe('error');
    expect(result.error).toBe(
      `invocation 2 of phase data (CONTINUE_EXTRACTING_DATA): artifact ${first!.id} (item type users) was already listed earlier in this run`,
    );
    expect(result.items.users).toEqual({ received: 1, new: 1, updated: 0 });
  });

  it('an event body above 200,000 bytes', async () => {
    let status = 0;
    const result = await importWith('START_EXTRACTING_DATA', async (client) => {
      const artifacts = Array.from({ length: 1700 }, (_, i) => ({ id: `artifact-never-${i}-${'0'.repeat(80)}`, item_type: 'users', item_count: 1 }));
      status = (await client.emit('DATA_EXTRACTION_DONE', { artifacts })).status;
    });
    expect(status).toBe(413);
    expect(result.error).toMatch(
      /^invocation 1 of phase data \(START_EXTRACTING_DATA\): emitted event DATA_EXTRACTION_DONE refused: the body is \d+ bytes, above the platform's limit of 200000 bytes \(1700 artifacts listed\)/,
    );
  });

  it('an artifact uploaded but never reported is a warning in the run report', async () => {
    let orphan = '';
    const result = await emulator.runImport({
      invoke: scripted(async (type, client, event) => {
        if (type === 'START_EXTRACTING_DATA') orphan = (await client.uploadItems('users', [item('u1')])).id;
        await good(type, client, event);
      }),
      connection: CONNECTION,
    });
    expect(result.status).toBe('done');
    expect(result.warnings).toEqual([`artifact ${orphan} (users.jsonl.gz) was uploaded but no event reported it`]);
    const runs = readJsonl(emulator.layout.runsFile) as unknown as RunResult[];
    expect(runs[runs.length - 1].warnings).toEqual(result.warnings);
  });

  it('a state body above 1 MB', async () => {
    let status = 0;
    const result = await importWith('START_EXTRACTING_DATA', async (client) => {
      status = (await client.postState({ blob: 'z'.repeat(MAX_STATE_BYTES) })).status;
      await client.emit('DATA_EXTRACTION_DONE', { artifacts: [] });
    });
    expect(status).toBe(413);
    expect(result.error).toMatch(/invocation 1 of phase data \(START_EXTRACTING_DATA\): extractor state update for sync unit \w+ refused: the body is \d+ bytes, above the 1 MB limit/);
  });

  it('an invocation that emits nothing', async () => {
    const result = await importWith('START_EXTRACTING_METADATA', async () => {});
    expect(result.error).toBe(
      'invocation 1 of phase metadata (START_EXTRACTING_METADATA) ended without emitting an event; exactly one emit per invocation is required',
    );
  });

  it('an invocation that emits twice', async () => {
    const result = await importWith('START_EXTRACTING_DATA', async (client) => {
      await client.emit('DATA_EXTRACTION_PROGRESS', { artifacts: [] });
      await client.emit('DATA_EXTRACTION_DONE', { artifacts: [] });
    });
    expect(result.error).toMatch(/emitted 2 events \(DATA_EXTRACTION_PROGRESS, DATA_EXTRACTION_DONE\); exactly one is allowed/);
  });

  it('an event emitted for a request that is not in progress', async () => {
    const result = await importWith('START_EXTRACTING_METADATA', async (client) => {
      const stale = { ...client.event, payload: { ...client.event.payload, event_context: { ...client.event.payload.event_context, request_id: 'stale-request' } } };
      await new WireClient(stale).emit('METADATA_EXTRACTION_DONE', { artifacts: [] });
      await good('START_EXTRACTING_METADATA', client, client.event);
    });
    expect(result.error).toBe(
      'invocation 1 of phase metadata (START_EXTRACTING_METADATA): an event METADATA_EXTRACTION_DONE was emitted for ' +
        'request stale-request, which is not an invocation in progress',
    );
  });

  it('a reply type not allowed for the incoming event', async () => {
    const result = await importWith('START_EXTRACTING_METADATA', async (client) => {
      await client.emit('DATA_EXTRACTION_DONE', { artifacts: [] });
    });
    expect(result.error).toBe(
      'invocation 1 of phase metadata (START_EXTRACTING_METADATA): reply DATA_EXTRACTION_DONE is not allowed for ' +
        'START_EXTRACTING_METADATA (allowed: METADATA_EXTRACTION_DONE, METADATA_EXTRACTION_ERROR)',
    );
  });

  it('a DELAYED reply without a delay', async () => {
    const result = await importWith('START_EXTRACTING_DATA', async (client) => {
      await client.emit('DATA_EXTRACTION_DELAYED', { artifacts: [] });
    });
    expect(result.error).toMatch(/DATA_EXTRACTION_DELAYED needs event_data.delay in seconds/);
  });

  it.each([
    ['an unknown field type', { record_types: { users: { fields: { name: { type: 'texty' } } } } }, /\/record_types\/users\/fields\/name\/type: must be equal to one of the allowed values/],
    ['is_filterable, which the schema rejects', { record_types: { users: { fields: { name: { type: 'text', is_filterable: true } } } } }, /must NOT have additional properties \(is_filterable\)/],
    ['no record_types', { schema_version: 'v0.2.0' }, /must have required property 'record_types'/],
    ['a wrong schema_version', { ...METADATA, schema_version: 'v9' }, /\/schema_version: must be equal to one of the allowed values/],
  ])('external domain metadata with %s', async (_what, metadata, message) => {
    const result = await importWith('START_EXTRACTING_METADATA', async (client) => {
      const artifact = await client.uploadItems('external_domain_metadata', [metadata]);
      await client.emit('METADATA_EXTRACTION_DONE', { artifacts: [artifact] });
    });
    expect(result.error).toMatch(/\(item type external_domain_metadata\): 1 invalid external domain metadata line\(s\): line 1: /);
    expect(result.error).toMatch(message);
  });

  it('a *_ERROR reply ends the run with its message, secrets redacted', async () => {
    const errorRun = await importWith('START_EXTRACTING_DATA', async (client) => {
      await client.emit('DATA_EXTRACTION_ERROR', { error: { message: `Intercom said 401 for token ${CONNECTION.key}` }, artifacts: [] });
    });
    expect(errorRun.error).toBe(
      'invocation 1 of phase data (START_EXTRACTING_DATA): the connector replied DATA_EXTRACTION_ERROR: Intercom said 401 for token [REDACTED]',
    );
    expect(JSON.stringify(readJsonl(emulator.layout.runsFile))).not.toContain(CONNECTION.key);
  });

  it('a snap-in function that throws', async () => {
    const result = await importWith('START_EXTRACTING_DATA', async () => {
      throw new Error('boom');
    });
    expect(result.error).toBe('invocation 1 of phase data (START_EXTRACTING_DATA): the snap-in function threw: boom');
  });

  it('a requested sync unit the connector did not report', async () => {
    const result = await emulator.runImport({ invoke: scripted(good), connection: CONNECTION, syncUnitId: 'nope' });
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/sync unit nope is not among the reported external sync units \(unit-a\)/);
  });
});
