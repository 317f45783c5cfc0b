/**
 * Issue 10 §3, §4, §11: URLs from content are fetched without credentials, never on Intercom's API
 * host, every redirect hop is checked, addresses are checked at connect time, and each file has a
 * size limit and a stall timeout.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import nock from 'nock';
import { DownloadNotAllowedError, IntercomClient, downloadAgents } from '../../src/intercom';
import { htmlToRichText } from '../../src/normalize/rich-text';
import { API, makeClient, newToken, startScriptedServer } from './helpers';
import { installNockHooks } from './nock-hooks';

installNockHooks();

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A client as on DevRev: Intercom's US host, not local. */
const devrevClient = () => new IntercomClient({ token: newToken(), region: 'us', backoff: { baseMs: 5, capMs: 20 } });

describe('§3 the token never follows a URL from content', () => {
  it('a content URL on Intercom\'s API host is refused (skipped with the reason), and nothing is fetched', async () => {
    const client = devrevClient();
    const api = nock(API).get('/contacts').query(true).reply(200, { type: 'list', data: [{ id: 'secret-contact' }] });
    const error = await client.download('https://api.intercom.io/contacts?per_page=150').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadNotAllowedError);
    expect((error as Error).message).toMatch(/api\.intercom\.io is Intercom's API host/);
    expect(api.isDone()).toBe(false);
  });

  it('a file on the local API host (the emulator) is fetched without the Authorization header', async () => {
    const server = await startScriptedServer([(_req, res) => res.end('bytes')]);
    try {
      const { client, token } = makeClient({ baseUrl: server.baseUrl, localFileHosts: [new URL(server.baseUrl).host] });
      const response = await client.download(`${server.baseUrl}/downloads/k/a.png`);
      expect((await readAll(response.data)).toString()).toBe('bytes');
      expect(server.log[0]!.headers.authorization).toBeUndefined();
      expect(JSON.stringify(server.log[0]!.headers)).not.toContain(token);
    } finally {
      await server.close();
    }
  });
});

describe('§4 every hop is checked', () => {
  it('Intercom hosts are matched by exact domain, never by a registrable look-alike (downloads and article links alike)', async () => {
    const client = devrevClient();
    for (const url of ['https://downloads.intercomcdn.com.evil.com/a.png', 'https://evilintercom.io/a.png', 'https://intercom-attachmentsevil.com/a.png']) {
      const scope = nock(new URL(url).origin).get('/a.png').reply(200, 'gotcha');
      await expect(client.download(url)).rejects.toBeInstanceOf(DownloadNotAllowedError);
      expect(scope.isDone()).toBe(false);
      nock.cleanAll();
    }
    const html = '<p><a href="https://intercom-attachmentsevil.com/x.pdf">x</a> <a href="https://downloads.intercomcdn.com.evil.com/y.pdf">y</a></p>';
    expect(htmlToRichText(html, { owner: { kind: 'article', id: '1' }, parentId: '1' }).attachments).toEqual([]);
  });

  it('a redirect to a host outside the allow-list (another loopback address) is refused, its body never read', async () => {
    let reached = false;
    const other = http.createServer((_req, res) => {
      reached = true;
      res.end('internal secret');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.2', resolve));
    const otherUrl = `http://127.0.0.2:${(other.address() as AddressInfo).port}/admin`;
    const server = await startScriptedServer([(_req, res) => { res.writeHead(302, { Location: otherUrl }); res.end(); }]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, localFileHosts: [new URL(server.baseUrl).host] });
      const error = await client.download(`${server.baseUrl}/downloads/k/a.png`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DownloadNotAllowedError);
      expect((error as Error).message).toMatch(/127\.0\.0\.2/);
      expect(reached).toBe(false);
    } finally {
      await server.close();
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('a CDN redirect to plain http or to the metadata address is refused on DevRev', async () => {
    const client = devrevClient();
    nock('https://downloads.intercomcdn.com').get('/a.png').reply(302, '', { Location: 'http://downloads.intercomcdn.com/a.png' });
    await expect(client.download('https://downloads.intercomcdn.com/a.png')).rejects.toThrow(/protocol http: is not allowed/);
    nock('https://downloads.intercomcdn.com').get('/b.png').reply(302, '', { Location: 'https://169.254.169.254/latest/meta-data/' });
    await expect(client.download('https://downloads.intercomcdn.com/b.png')).rejects.toBeInstanceOf(DownloadNotAllowedError);
  });

  it('follows at most 3 redirects', async () => {
    const server = await startScriptedServer([
      (req, res) => {
        const n = Number(/hop(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
        if (n < 5) {
          res.writeHead(302, { Location: `/downloads/hop${n + 1}` });
          res.end();
        } else res.end('finally');
      },
    ]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, localFileHosts: [new URL(server.baseUrl).host] });
      await expect(client.download(`${server.baseUrl}/downloads/hop0`)).rejects.toThrow(/more than 3 redirects/);
      expect(server.log).toHaveLength(4);
    } finally {
      await server.close();
    }
  });

  it('the address checked is the one connected to: a file host resolving to loopback is refused at connect time', async () => {
    const server = await startScriptedServer([(_req, res) => res.end('internal')]);
    const port = new URL(server.baseUrl).port;
    const toLoopback = ((_host: string, _options: unknown, callback: (e: null, a: Array<{ address: string; family: number }>) => void) =>
      callback(null, [{ address: '127.0.0.1', family: 4 }])) as never;
    const get = (agent: http.Agent) =>
      new Promise<string>((resolve, reject) => {
        http.get({ host: 'files.intercomcdn.com', port, path: '/x', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(`status ${res.statusCode}`));
        }).on('error', reject);
      });
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost|files\.intercomcdn\.com)(:\d+)?$/); // a real connection, not nock's
    try {
      const devrev = downloadAgents({ local: false, localHosts: [] }, toLoopback);
      await expect(get(devrev.httpAgent)).rejects.toThrow(/resolves to 127\.0\.0\.1 \(loopback\)/);
      expect(server.log).toHaveLength(0);
      const local = downloadAgents({ local: true, localHosts: [`localhost:${port}`] }, toLoopback);
      await expect(get(local.httpAgent)).rejects.toThrow(/loopback/); // files.intercomcdn.com was not named by the run
    } finally {
      nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
      await server.close();
    }
  });
});

describe('§11 per-file limits', () => {
  it('a file announced over the size limit is refused before its body is read', async () => {
    const server = await startScriptedServer([(_req, res) => { res.writeHead(200, { 'Content-Length': '5000' }); res.end(Buffer.alloc(5000)); }]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, localFileHosts: [new URL(server.baseUrl).host], fileLimits: { maxBytes: 1000 } });
      await expect(client.download(`${server.baseUrl}/downloads/k/big.bin`)).rejects.toThrow(/5000 bytes, over the limit of 1000 bytes/);
    } finally {
      await server.close();
    }
  });

  it('a body that grows past the limit without a length fails while streaming', async () => {
    const server = await startScriptedServer([(_req, res) => { res.writeHead(200); res.write(Buffer.alloc(800)); res.end(Buffer.alloc(800)); }]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, localFileHosts: [new URL(server.baseUrl).host], fileLimits: { maxBytes: 1000 } });
      const response = await client.download(`${server.baseUrl}/downloads/k/big.bin`);
      await expect(readAll(response.data)).rejects.toThrow(/over the limit of 1000 bytes/);
    } finally {
      await server.close();
    }
  });

  it('a body that stalls is abandoned after the stall timeout', async () => {
    const server = await startScriptedServer([(_req, res) => { res.writeHead(200); res.write('first bytes'); /* then nothing */ }]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, localFileHosts: [new URL(server.baseUrl).host], fileLimits: { stallMs: 300 } });
      const response = await client.download(`${server.baseUrl}/downloads/k/slow.bin`);
      await expect(readAll(response.data)).rejects.toThrow(/sent nothing for 300 ms/);
    } finally {
      await server.close();
    }
  }, 20_000);
});
