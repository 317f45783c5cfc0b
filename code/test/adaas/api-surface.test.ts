/**
 * What the public exports of our platform layer do (their names: public-names.test.ts). Enum values
 * are compared with the official SDK's own compiled enums (the vendored tarball, ground truth); the
 * helpers are called against a platform server over HTTP and their results written by hand.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as adaas from '../../src/adaas';
import { ADAAS_SDK_TGZ } from '../shared-paths';
import { usePlatformServer } from './helpers/platform-server';

process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS = '10';

const server = usePlatformServer();

describe('enums and constants equal the official SDK\'s', () => {
  let dir: string;
  /** A dependency-free module of the SDK's dist folder. */
  const sdk = (file: string) => require(path.join(dir, 'package/dist', file)); // eslint-disable-line @typescript-eslint/no-require-imports

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adaas-sdk-'));
    execFileSync('tar', ['-xzf', ADAAS_SDK_TGZ, '-C', dir, 'package/dist']);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['EventType', 'types/extraction.js'],
    ['ExtractorEventType', 'types/extraction.js'],
    ['ExtractionMode', 'types/extraction.js'],
    ['InitialSyncScope', 'types/extraction.js'],
    ['TimeValueType', 'types/extraction.js'],
    ['LoaderEventType', 'types/loading.js'],
    ['SyncMode', 'types/common.js'],
    ['ErrorLevel', 'types/common.js'],
    ['WorkerEvent', 'types/workers.js'],
    ['WorkerMessageSubject', 'types/workers.js'],
    ['SyncMapperRecordStatus', 'mappers/mappers.interface.js'],
    ['SyncMapperRecordTargetType', 'mappers/mappers.interface.js'],
    ['MOCK_SERVER_DEFAULT_URL', 'common/test-utils.js'],
  ])('%s', (name, file) => {
    expect((adaas as Record<string, unknown>)[name]).toEqual(sdk(file)[name]);
  });
});

describe('createMockEvent', () => {
  it('aims every platform URL at the given server and deep-merges overrides', () => {
    const event = adaas.createMockEvent('http://127.0.0.1:9', {
      payload: { event_type: adaas.EventType.StartLoadingData, event_context: { sync_unit_id: '42' } },
      input_data: { global_values: { a: 'b' } },
    });
    expect(event.payload.event_context.callback_url).toBe('http://127.0.0.1:9/callback_url');
    expect(event.payload.event_context.worker_data_url).toBe('http://127.0.0.1:9/worker_data_url');
    expect(event.execution_metadata.devrev_endpoint).toBe('http://127.0.0.1:9');
    expect(event.payload.event_type).toBe('START_LOADING_DATA');
    expect(event.payload.event_context.sync_unit_id).toBe('42');
    expect(event.payload.event_context.request_id).toBe('test-request-id'); // untouched by the override
    expect(event.input_data.global_values).toEqual({ a: 'b' });
  });
});

describe('installInitialDomainMapping', () => {
  const event = () => adaas.createMockEvent(server.baseUrl);

  it('creates the starting blueprint, then installs with the snap-in\'s slugs, the blueprint id and the additional mappings', async () => {
    server.script('POST', '/internal/airdrop.recipe.blueprints.create', { status: 200, body: { recipe_blueprint: { id: 'bp-7' } } });
    await adaas.installInitialDomainMapping(event(), {
      starting_recipe_blueprint: { name: 'blueprint' },
      additional_mappings: { record_type_mappings: { tags: {} } },
    } as never);
    expect(server.find('GET', '/internal/snap-ins.get')[0].query).toEqual({ id: 'test-snap-in-id' });
    expect(server.find('POST', '/internal/airdrop.recipe.blueprints.create')[0].json).toEqual({ name: 'blueprint' });
    const [install] = server.find('POST', '/internal/airdrop.recipe.initial-domain-mappings.install');
    expect(install.json).toEqual({
      external_system_type: 'ADaaS', import_slug: 'test_import_slug', snap_in_slug: 'test_snap_in_slug',
      starting_recipe_blueprint: 'bp-7', record_type_mappings: { tags: {} },
    });
    expect(install.headers.authorization).toBe('test-service-account-token');
  });

  it('installs without a blueprint when creating it fails', async () => {
    server.script('POST', '/internal/airdrop.recipe.blueprints.create', { status: 400, body: { message: 'bad blueprint' } });
    await adaas.installInitialDomainMapping(event(), { starting_recipe_blueprint: { name: 'blueprint' } } as never);
    const [install] = server.find('POST', '/internal/airdrop.recipe.initial-domain-mappings.install');
    expect(install.json).toEqual({ external_system_type: 'ADaaS', import_slug: 'test_import_slug', snap_in_slug: 'test_snap_in_slug' });
  });

  it('refuses to install when the snap-in names no import (as the SDK does)', async () => {
    server.script('GET', '/internal/snap-ins.get', { status: 200, body: { snap_in: { imports: [], snap_in_version: { slug: 's' } } } });
    await expect(adaas.installInitialDomainMapping(event(), {} as never)).rejects.toThrow(/import slug/);
    expect(server.find('POST', '/internal/airdrop.recipe.initial-domain-mappings.install')).toHaveLength(0);
  });
});

describe('axiosClient and serializeAxiosError', () => {
  it('retries a 5xx and answers with the retried result', async () => {
    server.script('GET', '/flaky', { status: 503, body: { message: 'busy' }, times: 2 });
    server.route('GET', '/flaky', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    const response = await adaas.axiosClient.get(`${server.baseUrl}/flaky`);
    expect(response.data).toEqual({ ok: true });
    expect(server.find('GET', '/flaky')).toHaveLength(3);
  });

  it('an answered request: method, params, url and the response, never the request headers (the token)', async () => {
    server.script('GET', '/refused', { status: 404, body: { message: 'no such thing' } });
    const error = await adaas.axiosClient
      .get(`${server.baseUrl}/refused`, { params: { id: '1' }, headers: { authorization: 'secret-token-1' } })
      .catch((e: unknown) => e);
    const serialized = adaas.serializeAxiosError(error as never);
    expect(serialized).toEqual({
      config: { method: 'get', params: { id: '1' }, url: `${server.baseUrl}/refused` },
      isAxiosError: true,
      isCorsOrNoNetworkError: false,
      response: { data: { message: 'no such thing' }, headers: expect.objectContaining({ 'content-type': 'application/json' }), status: 404, statusText: 'Not Found' },
    });
    expect(JSON.stringify(serialized)).not.toContain('secret-token-1');
    expect(adaas.formatAxiosError(error as never)).toEqual(serialized);
  });

  it('no answer: the error code and message instead of a response', async () => {
    const error = await adaas.axios.get('http://127.0.0.1:1/closed').catch((e: unknown) => e);
    expect(adaas.serializeAxiosError(error as never)).toEqual({
      config: { method: 'get', params: undefined, url: 'http://127.0.0.1:1/closed' },
      isAxiosError: true,
      isCorsOrNoNetworkError: true,
      code: 'ECONNREFUSED',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});

describe('WorkerAdapter and processTask', () => {
  it('a new adapter has not emitted, is not timed out and holds nothing', () => {
    const adapter = new adaas.WorkerAdapter({ event: adaas.createMockEvent(), state: {} });
    expect(adapter).toMatchObject({ hasWorkerEmitted: false, isTimeout: false, artifacts: [], reports: [], processedFiles: [] });
    expect(adapter.state).toEqual({});
  });

  it('processTask is a no-op on the main thread', () => {
    let ran = false;
    adaas.processTask({ task: async () => void (ran = true), onTimeout: async () => {} });
    expect(ran).toBe(false);
  });
});
