/**
 * The event fixtures: every fixture is a complete event, and together they cover every incoming
 * event type. (The deletion phases run through the real workers in the pipeline suite.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { EventType } from '../../src/adaas';

const FIXTURES = path.join(__dirname, '../../fixtures/events');
const REQUIRED_CONTEXT = ['callback_url', 'dev_oid', 'dev_uid', 'external_sync_unit_id', 'external_system_id', 'mode', 'request_id',
  'request_id_adaas', 'run_id', 'snap_in_slug', 'snap_in_version_id', 'sync_unit', 'sync_unit_id', 'worker_data_url'];

describe('event fixtures', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  const events = files.map((f) => ({ file: f, event: JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) }));

  it('cover every incoming event type', () => {
    const known = Object.values(EventType).filter((t) => t !== EventType.UnknownEventType && !/^EXTRACTION_/.test(t));
    expect(new Set(events.map((e) => e.event.payload.event_type))).toEqual(new Set(known));
  });

  it.each(files)('%s is a complete event', (file) => {
    const { event } = events.find((e) => e.file === file)!;
    expect(typeof event.context.secrets.service_account_token).toBe('string');
    expect(typeof event.execution_metadata.devrev_endpoint).toBe('string');
    expect(event.input_data.global_values).toEqual(expect.objectContaining({ import_all_conversations: expect.any(String) }));
    expect(Object.keys(event.payload.connection_data).sort()).toEqual(['key', 'key_type', 'org_id', 'org_name']);
    for (const key of REQUIRED_CONTEXT) expect({ key, present: key in event.payload.event_context }).toEqual({ key, present: true });
  });
});
