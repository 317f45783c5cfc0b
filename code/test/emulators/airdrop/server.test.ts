/** The emulated platform's endpoints, driven with plain HTTP (no SDK layer). */
import axios from 'axios';
import * as fs from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import FormData from 'form-data';
import type { AirdropEmulatorInternals } from '../../../src/emulators/airdrop';
import { MAX_STATE_BYTES, PLATFORM_IDENTITY, ROUTES } from '../../../src/emulators/airdrop';
import { handMadeEvent, startEmulator } from './helpers/setup';
import { WireClient } from './helpers/wire-client';

const http = axios.create({ validateStatus: () => true });

describe('airdrop emulator endpoints', () => {
  let emulator: AirdropEmulatorInternals;
  let client: WireClient;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(() => {
    client = new WireClient(handMadeEvent(emulator, `su-${randomBytes(3).toString('hex')}`));
  });

  describe('authorization', () => {
    const url = () => `${emulator.baseUrl}${ROUTES.snapInsGet}?id=${encodeURIComponent(PLATFORM_IDENTITY.snapInId)}`;

    it('rejects a request without a token', async () => {
      const res = await http.get(url());
      expect(res.status).toBe(401);
      expect(res.data.message).toMatch(/missing Authorization/);
    });

    it('rejects a wrong token without echoing it', async () => {
      const res = await http.get(url(), { headers: { Authorization: 'not-the-token' } });
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.data)).not.toContain('not-the-token');
    });

    it('accepts the token raw and as Bearer', async () => {
      const raw = await http.get(url(), { headers: { Authorization: emulator.serviceAccountToken } });
      const bearer = await http.get(url(), { headers: { Authorization: `Bearer ${emulator.serviceAccountToken}` } });
      expect(raw.status).toBe(200);
      expect(bearer.status).toBe(200);
      expect(raw.data.snap_in.imports[0].name).toBe(PLATFORM_IDENTITY.importSlug);
      expect(raw.data.snap_in.snap_in_version.slug).toBe(PLATFORM_IDENTITY.snapInSlug);
    });
  });

  describe('state', () => {
    it('answers 404 before any state was saved', async () => {
      const res = await client.getState();
      expect(res.status).toBe(404);
    });

    it('round-trips the double-encoded state and mirrors it to state.json', async () => {
      const state = { cursor: 'abc', nested: { list: [1, 2, 3] }, text: 'ünïcødé' };
      expect((await client.postState(state)).status).toBe(200);
      const res = await client.getState();
      expect(res.status).toBe(200);
      expect(typeof res.data.state).toBe('string');
      expect(JSON.parse(res.data.state)).toEqual(state);
      expect(JSON.parse(fs.readFileSync(emulator.layout.stateFile, 'utf8'))).toEqual(state);
    });

    it('keeps states of different sync units apart', async () => {
      const other = new WireClient(handMadeEvent(emulator, 'su-other'));
      await client.postState({ who: 'first' });
      await other.postState({ who: 'second' });
      expect(JSON.parse((await client.getState()).data.state)).toEqual({ who: 'first' });
      expect(JSON.parse((await other.getState()).data.state)).toEqual({ who: 'second' });
    });

    it('refuses a state body above 1 MB with 413 and a message, keeping the old state', async () => {
      await client.postState({ small: true });
      const big = { blob: 'x'.repeat(MAX_STATE_BYTES) };
      const res = await client.postState(big);
      expect(res.status).toBe(413);
      expect(res.data.message).toMatch(/above the 1 MB limit/);
      expect(JSON.parse((await client.getState()).data.state)).toEqual({ small: true });
    });

    it('accepts a state just under the limit', async () => {
      const state = { blob: 'y'.repeat(MAX_STATE_BYTES - 100) };
      expect((await client.postState(state)).status).toBe(200);
    });

    it('refuses a state that is not JSON', async () => {
      const res = await client.postRawState('{not json');
      expect(res.status).toBe(400);
      expect(res.data.message).toMatch(/not valid JSON/);
    });
  });

  describe('artifacts', () => {
    it('round-trips an upload through download-url byte for byte', async () => {
      const bytes = gzipSync(Buffer.from('{"id":"1"}\n{"id":"2"}\n'));
      const id = await client.uploadBytes(bytes, 'users.jsonl.gz', 'application/x-gzip');
      expect(fs.readFileSync(emulator.layout.artifactFile(id))).toEqual(bytes);
      const downloaded = await client.download(id);
      expect(downloaded.equals(bytes)).toBe(true);
      expect(gunzipSync(downloaded).toString()).toBe('{"id":"1"}\n{"id":"2"}\n');
    });

    it('round-trips a binary file of 3 MB', async () => {
      const bytes = randomBytes(3 * 1024 * 1024);
      const id = await client.uploadBytes(bytes, 'photo.bin', 'application/octet-stream');
      expect((await client.download(id)).equals(bytes)).toBe(true);
    });

    it('refuses a streamed upload of unknown length (chunked) with 411, naming the cause', async () => {
      const prepared = await http.get(`${emulator.baseUrl}${ROUTES.uploadUrl}`, {
        params: { file_name: 'stream.bin', file_type: 'application/octet-stream' },
        headers: { Authorization: `Bearer ${emulator.serviceAccountToken}` },
      });
      const chunks = [randomBytes(70_000), randomBytes(5), randomBytes(300_000)];
      const form = new FormData();
      form.append('file', Readable.from(chunks), { filename: 'stream.bin' });
      const res = await http.post(prepared.data.upload_url, form, { headers: form.getHeaders() });
      expect(res.status).toBe(411);
      expect(res.data.message).toBe(
        `upload of artifact ${prepared.data.artifact_id} (stream.bin) refused: the request has no Content-Length (sent chunked); send the exact byte length of the body`,
      );
      expect(fs.existsSync(emulator.layout.artifactFile(prepared.data.artifact_id))).toBe(false);
    });

    it('refuses a file whose bytes differ from the file_size its upload-url declared (a gzip answer declared compressed)', async () => {
      const prepared = await http.get(`${emulator.baseUrl}${ROUTES.uploadUrl}`, {
        params: { file_name: 'report.csv', file_type: 'text/csv', file_size: '368' },
        headers: { Authorization: `Bearer ${emulator.serviceAccountToken}` },
      });
      const bytes = randomBytes(60_000);
      const form = new FormData();
      form.append('file', bytes, { filename: 'report.csv' });
      const res = await http.post(prepared.data.upload_url, form, { headers: { ...form.getHeaders(), 'Content-Length': String(form.getLengthSync()) } });
      expect(res.status).toBe(400);
      expect(res.data.message).toBe(
        `upload of artifact ${prepared.data.artifact_id} (report.csv) refused: the file is 60000 bytes but its upload-url declared file_size 368`,
      );
    });

    it('returns form_data [] and an upload URL that needs no DevRev token', async () => {
      const res = await http.get(`${emulator.baseUrl}${ROUTES.uploadUrl}`, {
        params: { request_id: 'r', file_type: 'text/plain', file_name: 'a.txt' },
        headers: { Authorization: `Bearer ${emulator.serviceAccountToken}` },
      });
      expect(res.status).toBe(200);
      expect(res.data.form_data).toEqual([]);
      expect(res.data.upload_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(typeof res.data.artifact_id).toBe('string');
    });

    it('refuses an upload URL with a forged signature', async () => {
      const res = await http.get(`${emulator.baseUrl}${ROUTES.uploadUrl}`, {
        params: { file_name: 'a.txt' },
        headers: { Authorization: emulator.serviceAccountToken },
      });
      const forged = res.data.upload_url.replace(/signature=[0-9a-f]+/, 'signature=00');
      const upload = await http.post(forged, 'x', { headers: { 'content-type': 'multipart/form-data; boundary=b' } });
      expect(upload.status).toBe(403);
    });

    it('answers 404 to confirm and download-url of an unknown artifact', async () => {
      const auth = { Authorization: `Bearer ${emulator.serviceAccountToken}` };
      const confirm = await http.post(`${emulator.baseUrl}${ROUTES.confirmUpload}`, { artifact_id: 'artifact-x-00' }, { headers: auth });
      const download = await http.get(`${emulator.baseUrl}${ROUTES.downloadUrl}`, { params: { artifact_id: 'artifact-x-00' }, headers: auth });
      expect(confirm.status).toBe(404);
      expect(download.status).toBe(404);
    });

    it('rejects a non-positive file_size', async () => {
      const res = await http.get(`${emulator.baseUrl}${ROUTES.uploadUrl}`, {
        params: { file_name: 'a.txt', file_size: '0' },
        headers: { Authorization: emulator.serviceAccountToken },
      });
      expect(res.status).toBe(400);
    });
  });

  describe('recipe and initial domain mapping', () => {
    it('creates a blueprint and keeps the installed mapping on disk', async () => {
      const auth = { Authorization: emulator.serviceAccountToken };
      const bp = await http.post(`${emulator.baseUrl}${ROUTES.blueprintsCreate}`, { name: 'bp' }, { headers: auth });
      expect(bp.status).toBe(200);
      const body = {
        external_system_type: 'ADaaS',
        import_slug: PLATFORM_IDENTITY.importSlug,
        snap_in_slug: PLATFORM_IDENTITY.snapInSlug,
        starting_recipe_blueprint: bp.data.recipe_blueprint.id,
        record_type_mappings: { users: { default_mapping: { object_category: 'stock', object_type: 'devu' } } },
      };
      const res = await http.post(`${emulator.baseUrl}${ROUTES.idmInstall}`, body, { headers: auth });
      expect(res.status).toBe(200);
      expect(JSON.parse(fs.readFileSync(emulator.layout.initialDomainMappingFile, 'utf8'))).toEqual(body);
    });

    it('refuses an install without import_slug', async () => {
      const res = await http.post(
        `${emulator.baseUrl}${ROUTES.idmInstall}`,
        { external_system_type: 'ADaaS', snap_in_slug: 's' },
        { headers: { Authorization: emulator.serviceAccountToken } },
      );
      expect(res.status).toBe(400);
      expect(res.data.message).toMatch(/import_slug/);
    });
  });

  describe('sync mapper records', () => {
    const auth = () => ({ Authorization: emulator.serviceAccountToken });

    it('answers 404 on a miss, then finds what was created and updated', async () => {
      const miss = await http.get(`${emulator.baseUrl}${ROUTES.mapperGetByTarget}`, {
        params: { sync_unit: 'su', target: 'don:work/1' },
        headers: auth(),
      });
      expect(miss.status).toBe(404);

      const created = await http.post(
        `${emulator.baseUrl}${ROUTES.mapperCreate}`,
        { sync_unit: 'su', external_ids: ['ext-1'], targets: ['don:work/1'], status: 'operational' },
        { headers: auth() },
      );
      expect(created.status).toBe(200);
      const id = created.data.sync_mapper_record.id;

      const byTarget = await http.get(`${emulator.baseUrl}${ROUTES.mapperGetByTarget}`, {
        params: { sync_unit: 'su', target: 'don:work/1' },
        headers: auth(),
      });
      expect(byTarget.data.sync_mapper_record.external_ids).toEqual(['ext-1']);

      const updated = await http.post(
        `${emulator.baseUrl}${ROUTES.mapperUpdate}`,
        { id, sync_unit: 'su', external_ids: { add: ['ext-2'] }, targets: { add: ['don:work/2'] }, status: 'operational' },
        { headers: auth() },
      );
      expect(updated.data.sync_mapper_record.external_ids).toEqual(['ext-1', 'ext-2']);

      const byExternal = await http.get(`${emulator.baseUrl}${ROUTES.mapperGetByExternalId}`, {
        params: { sync_unit: 'su', external_id: 'ext-2', target_type: 'work' },
        headers: auth(),
      });
      expect(byExternal.data.sync_mapper_record.targets).toEqual(['don:work/1', 'don:work/2']);

      const otherUnit = await http.get(`${emulator.baseUrl}${ROUTES.mapperGetByExternalId}`, {
        params: { sync_unit: 'other', external_id: 'ext-2' },
        headers: auth(),
      });
      expect(otherUnit.status).toBe(404);
      expect(fs.existsSync(emulator.layout.mappersFile)).toBe(true);
    });

    it('answers 404 to an update of an unknown record', async () => {
      const res = await http.post(
        `${emulator.baseUrl}${ROUTES.mapperUpdate}`,
        { id: 'nope', sync_unit: 'su', status: 'operational' },
        { headers: auth() },
      );
      expect(res.status).toBe(404);
    });
  });
});
