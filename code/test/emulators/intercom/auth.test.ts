/** Bearer auth, OAuth, the Intercom-Version header, token revocation. */
import axios from 'axios';
import { startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 21, oauth: { clientId: 'my-app', clientSecret: 's3cret-value' } });
});
afterAll(async () => h.emulator.close());

async function authorize(params: Record<string, string>) {
  return h.anonymous.get('/oauth', { params, maxRedirects: 0 });
}

test('missing, malformed and unknown tokens answer 401 Access Token Invalid', async () => {
  for (const authorization of [undefined, 'Basic abc', 'Bearer ', 'Bearer nope']) {
    const res = await h.anonymous.get('/me', { headers: authorization ? { Authorization: authorization } : {} });
    expect(res.status).toBe(401);
    expect(res.data).toEqual({ type: 'error.list', request_id: expect.any(String), errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] });
    expect(res.headers['x-ratelimit-remaining']).toBeUndefined();
  }
});

test('OAuth: authorize redirects with code and state; the code exchanges once for a working token', async () => {
  const res = await authorize({ client_id: 'my-app', redirect_uri: 'http://127.0.0.1:9/callback?x=1', state: 'csrf-123' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.location);
  expect(location.origin + location.pathname).toBe('http://127.0.0.1:9/callback');
  expect(location.searchParams.get('state')).toBe('csrf-123');
  expect(location.searchParams.get('x')).toBe('1');
  const code = location.searchParams.get('code')!;
  expect(code).toMatch(/^[0-9a-f]{32}$/);

  // Form-encoded, as OAuth clients usually send it.
  const form = new URLSearchParams({ code, client_id: 'my-app', client_secret: 's3cret-value' });
  const token = await h.anonymous.post('/auth/eagle/token', form.toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(token.status).toBe(200);
  expect(token.data).toEqual({ type: 'token', token: expect.any(String), access_token: token.data.token, token_type: 'Bearer' });
  expect(token.data.token).not.toBe(h.emulator.token);

  const me = await h.anonymous.get('/me', { headers: { Authorization: `Bearer ${token.data.access_token}` } });
  expect(me.status).toBe(200);

  const again = await h.anonymous.post('/auth/eagle/token', { code, client_id: 'my-app', client_secret: 's3cret-value' });
  expect(again.status).toBe(400);
  expect(again.data.errors[0].field).toBe('code');
});

test('OAuth: JSON exchange works; wrong client id or secret is refused without echoing the secret', async () => {
  const code = new URL((await authorize({ client_id: 'my-app', redirect_uri: 'http://127.0.0.1:9/cb' })).headers.location).searchParams.get('code');
  const wrong = await h.anonymous.post('/auth/eagle/token', { code, client_id: 'my-app', client_secret: 'guess-value' });
  expect(wrong.status).toBe(401);
  expect(JSON.stringify(wrong.data)).not.toContain('guess-value');
  expect(JSON.stringify(wrong.data)).not.toContain('s3cret-value');
  const right = await h.anonymous.post('/auth/eagle/token', { code, client_id: 'my-app', client_secret: 's3cret-value' });
  expect(right.status).toBe(200);
  expect((await authorize({ client_id: 'other', redirect_uri: 'http://127.0.0.1:9/cb' })).status).toBe(400);
  expect((await authorize({ client_id: 'my-app' })).status).toBe(400);
});

test('Intercom-Version: echoed, defaulted to 2.16, unknown versions rejected', async () => {
  const explicit = await h.http.get('/me', { headers: { 'Intercom-Version': '2.11' } });
  expect(explicit.status).toBe(200);
  expect(explicit.headers['intercom-version']).toBe('2.11');
  const defaulted = await axios.get(`${h.emulator.baseUrl}/me`, { headers: { Authorization: `Bearer ${h.emulator.token}` } });
  expect(defaulted.headers['intercom-version']).toBe('2.16');
  for (const version of ['3.0', 'Unstable', '2.17']) {
    const res = await h.http.get('/me', { headers: { 'Intercom-Version': version } });
    expect(res.status).toBe(400);
    expect(res.data.errors[0].code).toBe('intercom_version_invalid');
    expect(res.data.errors[0].message).toContain(version);
  }
});

test('revokeToken: the token stops working, others keep working', async () => {
  const code = new URL((await authorize({ client_id: 'my-app', redirect_uri: 'http://127.0.0.1:9/cb' })).headers.location).searchParams.get('code');
  const other = (await h.anonymous.post('/auth/eagle/token', { code, client_id: 'my-app', client_secret: 's3cret-value' })).data.token;
  h.emulator.revokeToken(other);
  expect((await h.anonymous.get('/me', { headers: { Authorization: `Bearer ${other}` } })).status).toBe(401);
  expect((await h.http.get('/me')).status).toBe(200);
  h.emulator.revokeToken();
  expect((await h.http.get('/me')).status).toBe(401);
});
