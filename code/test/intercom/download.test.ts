import { Readable } from 'node:stream';
import nock from 'nock';
import {
  DownloadNotAllowedError,
  IntercomAuthError,
  IntercomNotFoundError,
  IntercomRequestError,
  checkDownloadUrl,
  isIntercomFileHost,
  type DownloadPolicy,
} from '../../src/intercom';
import { API, captureLogger, errorList, makeClient, rateHeaders, startScriptedServer } from './helpers';
import { installNockHooks } from './nock-hooks';

installNockHooks();

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('download host allow-list', () => {
  it('knows Intercom file hosts and rejects look-alikes and the API and web-app hosts', () => {
    for (const host of ['downloads.intercomcdn.com', 'downloads.intercomcdn.eu', 'static.intercomassets.com', 'intercom-attachments-7.com', 'uploads.intercomusercontent.com']) {
      expect(isIntercomFileHost(host)).toBe(true);
    }
    for (const host of ['intercomcdn.com.evil.io', 'evilintercomcdn.com', 'example.com', 'intercom-attachments-7.com.example.org', 'intercom-attachmentsevil.com',
      'api.intercom.io', 'api.eu.intercom.io', 'app.intercom.com']) {
      expect(isIntercomFileHost(host)).toBe(false);
    }
  });

  it('in a local run accepts the hosts the run named (with their port), over http on loopback; refuses other schemes and hosts', () => {
    const local: DownloadPolicy = { local: true, localHosts: ['127.0.0.1:4010'] };
    const devrev: DownloadPolicy = { local: false, localHosts: ['127.0.0.1:4010'] };
    expect(checkDownloadUrl('http://127.0.0.1:4010/files/1', 'http://127.0.0.1:4010', local).toString()).toBe('http://127.0.0.1:4010/files/1');
    expect(checkDownloadUrl('/files/1', 'http://127.0.0.1:4010', local).toString()).toBe('http://127.0.0.1:4010/files/1');
    expect(() => checkDownloadUrl('http://127.0.0.1:4011/files/1', 'http://127.0.0.1:4010', local)).toThrow(DownloadNotAllowedError);
    expect(() => checkDownloadUrl('http://127.0.0.1:4010/files/1', API, devrev)).toThrow(/protocol http: is not allowed/);
    expect(() => checkDownloadUrl('https://10.0.0.1/files/1', API, { local: true, localHosts: ['10.0.0.1'] })).toThrow(/10\.0\.0\.1 is private/);
    expect(() => checkDownloadUrl('file:///etc/passwd', API, devrev)).toThrow(/protocol file: is not allowed/);
    expect(() => checkDownloadUrl('ftp://downloads.intercomcdn.com/x', API, devrev)).toThrow(/not allowed/);
    expect(() => checkDownloadUrl('http://[::1', API, devrev)).toThrow(/not a valid URL/);
  });
});

describe('IntercomClient.download', () => {
  it('a file from the file hosts is not held back by a used-up API window (the CDN is not metered by the API limit)', async () => {
    const { client } = makeClient({ canWait: () => false });
    const resetIn60s = Math.floor(Date.now() / 1000) + 60;
    nock(API).get('/me').reply(200, { type: 'admin', id: '1' }, rateHeaders(4, 0, resetIn60s));
    await client.get('/me');
    nock('https://downloads.intercomcdn.com').get('/i/o/2/file.pdf').query(true).reply(200, Buffer.from('%PDF-1.4'), { 'Content-Type': 'application/pdf' });
    const response = await client.download('https://downloads.intercomcdn.com/i/o/2/file.pdf?expires=1&signature=abc');
    expect((await readAll(response.data)).toString()).toBe('%PDF-1.4');
  });

  it("retries a CDN file's 5xx after a short back-off (a passing fault of one edge), an API call's after the API's", async () => {
    // The base a worker's client sets for the API (createIntercomClient), jitter at its top: the first wait is the whole first step.
    const logger = captureLogger();
    const { client } = makeClient({ backoff: { baseMs: 1000, random: () => 1 }, logger });
    nock('https://downloads.intercomcdn.com').get('/i/o/3/a.txt').query(true).reply(503).get('/i/o/3/a.txt').query(true).reply(200, 'a');
    expect((await readAll((await client.download('https://downloads.intercomcdn.com/i/o/3/a.txt?expires=1&signature=abc')).data)).toString()).toBe('a');
    nock(API).get('/me').reply(503).get('/me').reply(200, { type: 'admin', id: '1' });
    await client.get('/me');
    const waits = logger.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'retrying Intercom request').map((l) => [l.path, l.waitMs]);
    expect(waits).toEqual([['https://downloads.intercomcdn.com/i/o/3/a.txt?expires=1&signature=[REDACTED]', 200], ['/me', 1000]]);
  });

  it('streams a CDN file without sending the token, and counts its bytes', async () => {
    const { client, token } = makeClient();
    const bytes = Buffer.alloc(256 * 1024, 7);
    let headers: Record<string, unknown> = {};
    nock('https://downloads.intercomcdn.com')
      .get('/i/o/1/photo.png')
      .query(true)
      .reply(function () {
        headers = this.req.headers;
        return [200, bytes, { 'Content-Type': 'image/png' }];
      });
    const response = await client.download('https://downloads.intercomcdn.com/i/o/1/photo.png?expires=1&signature=abc');
    expect(response.status).toBe(200);
    expect(response.data).toBeInstanceOf(Readable);
    expect(response.url).toBe('https://downloads.intercomcdn.com/i/o/1/photo.png');
    expect(headers.authorization).toBeUndefined();
    const body = await readAll(response.data);
    expect(body.equals(bytes)).toBe(true);
    expect(client.stats().bytes).toBe(bytes.length);
    expect(JSON.stringify(headers)).not.toContain(token);
  });

  it('fetches a file of a host the local run named, without the token', async () => {
    const other = await startScriptedServer([
      (_req, res) => {
        res.writeHead(200);
        res.end('x');
      },
    ]);
    try {
      const host = new URL(other.baseUrl).host;
      await expect(makeClient().client.download(`${other.baseUrl}/f`)).rejects.toBeInstanceOf(DownloadNotAllowedError);
      expect(other.log).toHaveLength(0);
      const response = await makeClient({ localFileHosts: [host] }).client.download(`${other.baseUrl}/f`);
      expect((await readAll(response.data)).toString()).toBe('x');
      expect(other.log[0].headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('refuses a host outside the allow-list without fetching, and hides the signed query in the error', async () => {
    const { client } = makeClient();
    const evil = nock('https://evil.example.com').get('/steal').query(true).reply(200, 'gotcha');
    const error = await client.download('https://evil.example.com/steal?signature=s3cr3t').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadNotAllowedError);
    expect((error as Error).message).toMatch(/host evil\.example\.com is not an Intercom file host/);
    expect((error as Error).message).not.toContain('s3cr3t');
    expect(evil.isDone()).toBe(false);
    expect(client.stats().requests).toBe(0);
  });

  it('turns a 404 into IntercomNotFoundError and retries a 503', async () => {
    const { client } = makeClient();
    nock('https://downloads.intercomcdn.com')
      .get('/gone.png')
      .reply(404, errorList('not_found', 'Resource Not Found'))
      .get('/flaky.png')
      .reply(503, 'busy')
      .get('/flaky.png')
      .reply(200, 'ok');
    await expect(client.download('https://downloads.intercomcdn.com/gone.png')).rejects.toBeInstanceOf(IntercomNotFoundError);
    const response = await client.download('https://downloads.intercomcdn.com/flaky.png');
    expect((await readAll(response.data)).toString()).toBe('ok');
    expect(client.stats()).toMatchObject({ retries: 1, serverErrors: 1 });
  });

  it('treats a 403 from a file host as a refused URL, not as a broken connection', async () => {
    const { client } = makeClient();
    nock('https://downloads.intercomcdn.com').get('/expired.png').query(true).reply(403, '<Error>AccessDenied</Error>');
    const error = await client.download('https://downloads.intercomcdn.com/expired.png?expires=1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntercomRequestError);
    expect(error).not.toBeInstanceOf(IntercomAuthError);
    expect((error as IntercomRequestError).status).toBe(403);
    expect((error as Error).message).toMatch(/signed file URLs expire/);

  });
});
