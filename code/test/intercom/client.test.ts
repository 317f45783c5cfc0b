import nock from 'nock';
import { z } from 'zod';
import {
  INTERCOM_BASE_URLS,
  INTERCOM_VERSION,
  IntercomClient,
  IntercomDelayRequired,
  IntercomNetworkError,
  IntercomRateLimitError,
  IntercomSchemaError,
  IntercomServerError,
} from '../../src/intercom';
import { API, errorList, json, makeClient, newToken, resetConnection, startScriptedServer, truncatedBody } from './helpers';
import { installNockHooks } from './nock-hooks';

installNockHooks();

const Admin = z.looseObject({ id: z.string(), name: z.string() });

describe('IntercomClient requests', () => {
  it('sends Bearer token, Intercom-Version and Accept on every call (GET, POST, PUT)', async () => {
    const { client, token } = makeClient();
    const seen: Array<Record<string, string | string[] | undefined>> = [];
    const record = function (this: nock.ReplyFnContext) {
      seen.push(this.req.headers);
      return [200, { ok: true }] as [number, object];
    };
    nock(API).get('/me').reply(record).post('/contacts/search').reply(record).put('/contacts/1').reply(record);
    await client.get('/me');
    await client.post('/contacts/search', { query: {} });
    await client.put('/contacts/1', { name: 'x' });
    expect(seen).toHaveLength(3);
    for (const headers of seen) {
      expect(headers['intercom-version']).toBe(INTERCOM_VERSION);
      expect(headers['accept']).toBe('application/json');
      expect(headers['authorization']).toBe(`Bearer ${token}`);
    }
    expect(INTERCOM_VERSION).toBe('2.16');
  });

  it('uses the regional host, and the base URL override over the region in local runs only', async () => {
    const eu = new IntercomClient({ token: newToken(), region: 'eu' });
    expect(eu.baseUrl).toBe(INTERCOM_BASE_URLS.eu);
    nock('https://api.eu.intercom.io').get('/admins').reply(200, { type: 'admin.list', admins: [] });
    await expect(eu.get('/admins')).resolves.toEqual({ type: 'admin.list', admins: [] });
    const local = new IntercomClient({ token: newToken(), region: 'au', baseUrl: 'http://127.0.0.1:9/', local: true });
    expect(local.baseUrl).toBe('http://127.0.0.1:9');
    // Issue 10 §5: outside a local run the token never goes to another host, plain http or not.
    expect(() => new IntercomClient({ token: newToken(), baseUrl: 'http://127.0.0.1:9/' })).toThrow(/local runs only/);
    expect(() => new IntercomClient({ token: newToken(), baseUrl: 'https://api.intercom.io.evil.com' })).toThrow(/local runs only/);
    expect(new IntercomClient({ token: newToken(), baseUrl: 'https://api.eu.intercom.io/' }).baseUrl).toBe(INTERCOM_BASE_URLS.eu);
  });

  it('refuses to start without a token, with a clear message', () => {
    expect(() => new IntercomClient({ token: '' })).toThrow(/token is missing/);
  });

  it('passes query parameters and body through', async () => {
    const { client } = makeClient();
    nock(API).get('/data_attributes').query({ model: 'contact' }).reply(200, { data: [] });
    nock(API)
      .post('/conversations/search', { query: { field: 'id', operator: '=', value: '1' } })
      .reply(200, { conversations: [] });
    await expect(client.get('/data_attributes', { query: { model: 'contact' } })).resolves.toEqual({ data: [] });
    await expect(client.post('/conversations/search', { query: { field: 'id', operator: '=', value: '1' } })).resolves.toEqual({
      conversations: [],
    });
  });
});

describe('response validation', () => {
  it('returns the parsed object and lets unknown fields pass through', async () => {
    const { client } = makeClient();
    nock(API).get('/admins/7').reply(200, { id: '7', name: 'Ann', brand_new_field: { x: 1 } });
    const admin = await client.get('/admins/7', { schema: Admin, kind: 'admin' });
    expect(admin).toEqual({ id: '7', name: 'Ann', brand_new_field: { x: 1 } });
  });

  it('throws IntercomSchemaError naming the kind, the id and the field path', async () => {
    const { client } = makeClient();
    nock(API).get('/admins/8').reply(200, { id: '8', name: 42 });
    const error = await client.get('/admins/8', { schema: Admin, kind: 'admin' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntercomSchemaError);
    const schemaError = error as IntercomSchemaError;
    expect(schemaError.kind).toBe('admin');
    expect(schemaError.id).toBe('8');
    expect(schemaError.issues.map((i) => i.path)).toEqual(['name']);
    expect(schemaError.message).toMatch(/^Invalid admin 8 from Intercom: name: /);
    // Field values never end up in the message (they may be personal data).
    expect(schemaError.message).not.toContain('42');
  });
});

describe('retries', () => {
  it('retries 429 (waiting for X-RateLimit-Reset), 503, a reset connection, a truncated and a malformed body, then succeeds', async () => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const server = await startScriptedServer([
      json(429, errorList('rate_limit_exceeded', 'Exceeded rate limit of 167 in 10_seconds'), {
        'X-RateLimit-Limit': '167',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(nowSeconds),
      }),
      (_req, res) => {
        res.writeHead(503, { 'Content-Type': 'text/html' });
        res.end('<html>Service Unavailable</html>');
      },
      resetConnection,
      truncatedBody,
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"type":"list","data":[{"id":"1"'); // complete answer, broken JSON
      },
      json(200, { type: 'list', data: [{ id: '1', name: 'vip' }] }),
    ]);
    try {
      const { client, token } = makeClient({ baseUrl: server.baseUrl });
      await expect(client.get('/tags')).resolves.toEqual({ type: 'list', data: [{ id: '1', name: 'vip' }] });
      expect(server.log).toHaveLength(6);
      for (const request of server.log) {
        expect(request.headers['intercom-version']).toBe('2.16');
        expect(request.headers.authorization).toBe(`Bearer ${token}`);
      }
      // The first retry waited for the window reset (+1 s margin) announced by the 429.
      expect(server.log[1].at).toBeGreaterThanOrEqual(nowSeconds * 1000 + 1000);
      const stats = client.stats();
      expect(stats).toMatchObject({ requests: 6, retries: 5, rateLimited: 1, serverErrors: 1 });
      expect(stats.bytes).toBeGreaterThan(0);
      expect(stats.waitedMs).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('retries a 5xx after a short back-off, not at the rate-limit reset its headers announce', async () => {
    const asked: number[] = [];
    // A caller that may wait 5 s at most: the window's reset, 60 s ahead, would have been a DELAY.
    const { client } = makeClient({ canWait: (ms) => (asked.push(ms), ms < 5_000) });
    const headers = { 'X-RateLimit-Limit': '1667', 'X-RateLimit-Remaining': '1600', 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 60) };
    nock(API)
      .get('/tags')
      .reply(502, errorList('server_error', 'Bad Gateway'), headers)
      .get('/tags')
      .reply(503, errorList('service_unavailable', 'Service Unavailable'), headers)
      .get('/tags')
      .reply(200, { type: 'list', data: [] }, headers);
    await expect(client.get('/tags')).resolves.toEqual({ type: 'list', data: [] });
    // makeClient's back-off: 5 ms doubling, capped at 20 ms, with jitter.
    expect(asked).toHaveLength(2);
    for (const ms of asked) expect(ms).toBeLessThanOrEqual(20);
    expect(client.stats()).toMatchObject({ requests: 3, retries: 2, serverErrors: 2 });
  });

  it('retries an attempt that timed out', async () => {
    // The first answer is held until the retry has arrived (an event, not a clock); the timeout is wide, so the
    // prompt second answer cannot time out on a loaded machine.
    let answerLate = (): void => undefined;
    const server = await startScriptedServer([
      (req, res) => {
        answerLate = () => json(200, { late: true })(req, res, '');
      },
      (req, res, body) => {
        json(200, { late: false })(req, res, body);
        answerLate();
      },
    ]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, timeoutMs: 2000 });
      await expect(client.get('/me')).resolves.toEqual({ late: false });
      expect(server.log).toHaveLength(2);
      expect(client.stats().retries).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('honours Retry-After over the rate-limit headers', async () => {
    const asked: number[] = [];
    const canWait = (ms: number) => {
      asked.push(ms);
      return false;
    };
    const { client } = makeClient({ canWait });
    nock(API)
      .get('/teams')
      .reply(429, errorList('rate_limit_exceeded', 'slow down'), { 'Retry-After': '42', 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 5) });
    const error = await client.get('/teams').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntercomDelayRequired);
    expect((error as IntercomDelayRequired).delaySeconds).toBe(42);
    expect(asked).toEqual([42_000]);
    expect(client.stats()).toMatchObject({ requests: 1, retries: 0, rateLimited: 1 });
  });

  it('throws IntercomDelayRequired when the reset is too far away for canWait', async () => {
    const { client } = makeClient({ canWait: (ms) => ms < 5_000 });
    const reset = Math.floor(Date.now() / 1000) + 60;
    nock(API).get('/admins').reply(429, errorList('rate_limit_exceeded', 'Exceeded rate limit'), {
      'X-RateLimit-Limit': '167',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(reset),
    });
    const error = await client.get('/admins').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntercomDelayRequired);
    const delay = error as IntercomDelayRequired;
    expect(delay.delaySeconds).toBeGreaterThanOrEqual(59);
    expect(delay.delaySeconds).toBeLessThanOrEqual(62);
    expect(delay.status).toBe(429);
  });

  it('gives up after the retry budget with the typed error of the last answer', async () => {
    const { client } = makeClient({ maxRetries: 2 });
    nock(API).get('/conversations/1').times(3).reply(500, errorList('server_error', 'boom'));
    const error = await client.get('/conversations/1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntercomServerError);
    expect((error as IntercomServerError).message).toMatch(/after 3 attempts/);
    expect(client.stats()).toMatchObject({ requests: 3, retries: 2, serverErrors: 3 });

    nock(API).get('/conversations/2').times(2).reply(429, errorList('rate_limit_exceeded', 'limit'), { 'Retry-After': '0' });
    const limited = makeClient({ maxRetries: 1 }).client;
    await expect(limited.get('/conversations/2')).rejects.toBeInstanceOf(IntercomRateLimitError);

    const server = await startScriptedServer([resetConnection]);
    try {
      const reset = makeClient({ maxRetries: 1, baseUrl: server.baseUrl }).client;
      const networkError = await reset.get('/conversations/3').catch((e: unknown) => e);
      expect(networkError).toBeInstanceOf(IntercomNetworkError);
      expect((networkError as Error).message).toMatch(/after 2 attempts: .*(ECONNRESET|socket hang up)/);
      expect(server.log).toHaveLength(2);
    } finally {
      await server.close();
    }

    nock(API).get('/conversations/4').times(2).reply(200, '{"truncated":');
    const malformed = makeClient({ maxRetries: 1 }).client;
    await expect(malformed.get('/conversations/4')).rejects.toThrow(/malformed or truncated JSON/);
  });

  it('does not retry a plain POST after a 500 (it may have been applied), but retries an idempotent one', async () => {
    const { client } = makeClient();
    nock(API).post('/contacts').reply(500, errorList('server_error', 'boom'));
    await expect(client.post('/contacts', { email: 'a@b.c' })).rejects.toBeInstanceOf(IntercomServerError);
    expect(client.stats().requests).toBe(1);

    nock(API).post('/contacts/search').reply(500, errorList('server_error', 'boom')).post('/contacts/search').reply(200, { data: [] });
    await expect(client.post('/contacts/search', { query: {} }, { idempotent: true })).resolves.toEqual({ data: [] });

    nock(API).post('/contacts').reply(429, errorList('rate_limit_exceeded', 'limit'), { 'Retry-After': '0' }).post('/contacts').reply(200, { id: 'c1' });
    await expect(client.post('/contacts', { email: 'a@b.c' })).resolves.toEqual({ id: 'c1' });
  });

  it('does not retry other 4xx', async () => {
    const { client } = makeClient();
    nock(API).get('/contacts').query(true).reply(400, errorList('client_error', 'Invalid starting_after param'));
    await expect(client.get('/contacts', { query: { starting_after: 'bad' } })).rejects.toThrow(/Invalid starting_after param/);
    expect(client.stats().requests).toBe(1);
  });
});
