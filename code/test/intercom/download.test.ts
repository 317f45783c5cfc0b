import { Readable } from 'node:stream';
import nock from 'nock';
import {
  DownloadNotAllowedError,
  IntercomAuthError,
  IntercomNotFoundError,
  IntercomRequestError,
  checkDownloadUrl,
  isIntercomHost,
} from '../../src/intercom';
import { API, errorList, installNockHooks, makeClient, startScriptedServer } from './helpers';

installNockHooks();

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('download host allow-list', () => {
  it('knows Intercom file hosts and rejects look-alikes', () => {
    for (const host of ['downloads.intercomcdn.com', 'downloads.intercomcdn.eu', 'static.intercomassets.com', 'intercom-attachments-7.com', 'uploads.intercomusercontent.com', 'api.intercom.io']) {
      expect(isIntercomHost(host)).toBe(true);
    }
    for (const host of ['intercomcdn.com.evil.io', 'evilintercomcdn.com', 'example.com', 'intercom-attachments-7.com.example.org']) {
      expect(isIntercomHost(host)).toBe(false);
    }
  });

  it('accepts the configured API host (with its port) and extra hosts; refuses other schemes and hosts', () => {
    expect(checkDownloadUrl('http://127.0.0.1:4010/files/1', 'http://127.0.0.1:4010').toString()).toBe('http://127.0.0.1:4010/files/1');
    expect(checkDownloadUrl('/files/1', 'http://127.0.0.1:4010').toString()).toBe('http://127.0.0.1:4010/files/1');
    expect(() => checkDownloadUrl('http://127.0.0.1:4011/files/1', 'http://127.0.0.1:4010')).toThrow(DownloadNotAllowedError);
    expect(checkDownloadUrl('http://127.0.0.1:4011/f', 'http://127.0.0.1:4010', ['127.0.0.1:4011']).host).toBe('127.0.0.1:4011');
    expect(() => checkDownloadUrl('file:///etc/passwd', API)).toThrow(/protocol file: is not http\(s\)/);
    expect(() => checkDownloadUrl('ftp://downloads.intercomcdn.com/x', API)).toThrow(/not http\(s\)/);
    expect(() => checkDownloadUrl('http://[::1', API)).toThrow(/not a valid URL/);
  });
});

describe('IntercomClient.download', () => {
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

  it('sends the token to the configured API host (e.g. the emulator) and streams the body', async () => {
    const server = await startScriptedServer([
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.end(Buffer.from('hello attachment'));
      },
    ]);
    try {
      const { client, token } = makeClient({ baseUrl: server.baseUrl });
      const response = await client.download(`${server.baseUrl}/files/att-1`);
      expect((await readAll(response.data)).toString()).toBe('hello attachment');
      expect(server.log[0].headers.authorization).toBe(`Bearer ${token}`);
    } finally {
      await server.close();
    }
  });

  it('does not send the token to an extra allowed host', async () => {
    const other = await startScriptedServer([
      (_req, res) => {
        res.writeHead(200);
        res.end('x');
      },
    ]);
    try {
      const { client } = makeClient();
      const host = new URL(other.baseUrl).host;
      await expect(client.download(`${other.baseUrl}/f`)).rejects.toBeInstanceOf(DownloadNotAllowedError);
      expect(other.log).toHaveLength(0);
      const response = await client.download(`${other.baseUrl}/f`, { allowedHosts: [host] });
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
    expect((error as Error).message).toMatch(/host evil\.example\.com is not an Intercom host/);
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

    nock(API).get('/download/1').reply(401, errorList('unauthorized', 'Access Token Invalid'));
    await expect(client.download(`${API}/download/1`)).rejects.toBeInstanceOf(IntercomAuthError);
  });

  it('does not forward the token when the API host redirects to the CDN', async () => {
    const { client, token } = makeClient();
    let apiAuth: unknown;
    let cdnAuth: unknown = 'not called';
    nock(API)
      .get('/download/att/9')
      .reply(function () {
        apiAuth = this.req.headers.authorization;
        return [302, '', { Location: 'https://downloads.intercomcdn.com/att/9.pdf' }];
      });
    nock('https://downloads.intercomcdn.com')
      .get('/att/9.pdf')
      .reply(function () {
        cdnAuth = this.req.headers.authorization;
        return [200, 'pdf'];
      });
    const response = await client.download(`${API}/download/att/9`);
    expect((await readAll(response.data)).toString()).toBe('pdf');
    expect(apiAuth).toBe(`Bearer ${token}`);
    expect(cdnAuth).toBeUndefined();
  });
});
