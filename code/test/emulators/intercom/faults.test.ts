/** Each injectable fault, shown over real HTTP, and the determinism of the seeded sequence. */
import axios from 'axios';
import { FaultInjector, type FaultOptions } from '../../../src/emulators/intercom/http/faults';
import { startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 11 });
});
afterAll(async () => h.emulator.close());
afterEach(() => h.emulator.setFaults({}));

const raw = (path: string) => h.http.get(path, { responseType: 'text', transformResponse: (d) => d });

test('5xx answers: error.list for 500/503, an HTML gateway page for 502', async () => {
  h.emulator.setFaults({ serverErrorRate: 1, serverErrorStatuses: [500] });
  const r500 = await h.http.get('/admins');
  expect(r500.status).toBe(500);
  expect(r500.data).toMatchObject({ type: 'error.list', errors: [{ code: 'server_error' }] });

  h.emulator.setFaults({ serverErrorRate: 1, serverErrorStatuses: [503], htmlErrorShare: 0 });
  const r503 = await h.http.get('/admins');
  expect(r503.status).toBe(503);
  expect(r503.data.errors[0].code).toBe('service_unavailable');

  h.emulator.setFaults({ serverErrorRate: 1, serverErrorStatuses: [502], htmlErrorShare: 1 });
  const r502 = await raw('/admins');
  expect(r502.status).toBe(502);
  expect(r502.headers['content-type']).toMatch(/text\/html/);
  expect(r502.data).toContain('502 Bad Gateway');
  expect(() => JSON.parse(r502.data)).toThrow();
  expect(h.emulator.metrics().serverErrors).toBeGreaterThanOrEqual(3);
});

test('connection reset: the socket is destroyed without an answer', async () => {
  h.emulator.setFaults({ connectionResetRate: 1 });
  await expect(h.http.get('/admins')).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|ERR_SOCKET|ECONNABORTED/) });
  const last = h.emulator.requestLog().at(-1)!;
  expect(last).toMatchObject({ route: 'GET /admins', status: 0, fault: 'connection_reset' });
});

test('slow answers: a client with a short timeout gives up', async () => {
  h.emulator.setFaults({ slowRate: 1, slowMs: 1500 });
  await expect(h.http.get('/admins', { timeout: 200 })).rejects.toMatchObject({ code: 'ECONNABORTED' });
  h.emulator.setFaults({});
  expect((await h.http.get('/admins', { timeout: 5000 })).status).toBe(200);
});

test('truncated JSON: half the body with a matching Content-Length', async () => {
  const whole = (await raw('/admins')).data as string;
  h.emulator.setFaults({ truncatedBodyRate: 1 });
  const cut = await raw('/admins');
  expect(cut.status).toBe(200);
  expect(Number(cut.headers['content-length'])).toBe(Buffer.byteLength(cut.data));
  expect(whole.startsWith(cut.data)).toBe(true);
  expect(cut.data.length).toBeLessThan(whole.length);
  expect(() => JSON.parse(cut.data)).toThrow();
});

test('malformed JSON: a body that does not parse', async () => {
  h.emulator.setFaults({ malformedBodyRate: 1 });
  const res = await raw('/me');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/json/);
  expect(() => JSON.parse(res.data)).toThrow();
});

test('a body fault drawn for an answer that is not JSON (here a 404) cuts the next JSON answer instead', async () => {
  h.emulator.resetMetrics();
  // Seed 13's truncation draws at rate 0.5: the first request's hits, the second's and third's miss.
  h.emulator.setFaults({ seed: 13, truncatedBodyRate: 0.5, routes: ['GET /contacts/:id', 'GET /admins'] });
  expect((await raw('/contacts/no-such-contact')).status).toBe(404);
  expect(h.emulator.metrics().faults).toEqual({});
  const cut = (await raw('/admins')).data;
  expect(() => JSON.parse(cut)).toThrow();
  expect(h.emulator.metrics().faults).toEqual({ truncated: 1 });
  const whole = (await raw('/admins')).data;
  expect(() => JSON.parse(whole)).not.toThrow();
});

test('body faults deferred one after another all reach later JSON answers, in order (none is lost to the next)', () => {
  const faults = new FaultInjector({ seed: 1 }); // no rates: nothing new is drawn
  faults.deferBody('truncated');
  faults.deferBody('malformed');
  expect(faults.decide('GET /admins').body).toBe('truncated');
  expect(faults.decide('GET /admins').body).toBe('malformed');
  expect(faults.decide('GET /admins').body).toBeUndefined();
});

test('schema drift: unknown fields appear and an optional field goes missing', async () => {
  const id = h.emulator.workspace.conversationIndex()[0].id;
  const plain = (await h.http.get(`/conversations/${id}`)).data;
  h.emulator.setFaults({ schemaDriftRate: 1 });
  const drifted = (await h.http.get(`/conversations/${id}`)).data;
  expect(drifted.x_emulator_new_field).toEqual({ type: 'unknown_future_object', value: 42 });
  expect(drifted.source.x_emulator_new_field).toBeDefined();
  const missing = Object.keys(plain).filter((k) => !(k in drifted));
  expect(missing).toHaveLength(1);
  expect(drifted.id).toBe(plain.id);
});

test('the metrics count each injected fault by kind', async () => {
  h.emulator.resetMetrics();
  const cases: Array<[FaultOptions, string]> = [
    [{ truncatedBodyRate: 1 }, '/admins'],
    [{ malformedBodyRate: 1 }, '/me'],
    [{ schemaDriftRate: 1 }, '/admins'],
    [{ serverErrorRate: 1, serverErrorStatuses: [500] }, '/admins'],
    [{ serverErrorRate: 1, serverErrorStatuses: [502], htmlErrorShare: 1 }, '/admins'],
    [{}, '/admins'],
  ];
  for (const [faults, path] of cases) {
    h.emulator.setFaults(faults);
    await raw(path);
  }
  h.emulator.setFaults({ connectionResetRate: 1 });
  await expect(h.http.get('/admins')).rejects.toBeDefined();
  expect(h.emulator.metrics().faults).toEqual({ truncated: 1, malformed: 1, drift: 1, server_error_500: 1, gateway_502: 1, connection_reset: 1 });
  expect(h.emulator.metrics().requests).toBe(7);
});

test('a token revoked after N requests', async () => {
  const { emulator, http } = await startHarness({ seed: 12, faults: { revokeTokenAfter: 3 } });
  try {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await http.get('/me')).status);
    expect(statuses).toEqual([200, 200, 200, 401, 401]);
    expect(emulator.requestLog()[3].fault).toBe('token_revoked');
  } finally {
    await emulator.close();
  }
});

test('a 500 in the middle of a scroll kills it; a new scroll can start', async () => {
  const { emulator, http } = await startHarness({ seed: 13, size: { companies: 250 } });
  try {
    emulator.setFaults({ scrollErrorAtPage: 2 });
    const first = await http.get('/companies/scroll');
    expect(first.status).toBe(200);
    const second = await http.get('/companies/scroll', { params: { scroll_param: first.data.scroll_param } });
    expect(second.status).toBe(500);
    expect(second.data.errors[0].message).toBe('Request failed due to an internal network error. Please restart the scroll operation.');
    const resumed = await http.get('/companies/scroll', { params: { scroll_param: first.data.scroll_param } });
    expect(resumed.status).toBe(400);
    expect((await http.get('/companies/scroll')).status).toBe(200);
  } finally {
    await emulator.close();
  }
});

test('the fault sequence is seeded: same seed, same sequence; restricted to chosen routes', async () => {
  const sequence = async (seed: number) => {
    h.emulator.setFaults({ seed, serverErrorRate: 0.5, serverErrorStatuses: [500], routes: ['GET /admins'] });
    const statuses = [];
    for (let i = 0; i < 24; i++) statuses.push((await h.http.get('/admins')).status);
    return statuses;
  };
  const a = await sequence(42);
  const b = await sequence(42);
  const c = await sequence(43);
  expect(a).toEqual(b);
  expect(new Set(a)).toEqual(new Set([200, 500]));
  expect(c).not.toEqual(a);
  // Routes outside the list are never touched.
  h.emulator.setFaults({ serverErrorRate: 1, routes: ['GET /admins'] });
  expect((await h.http.get('/me')).status).toBe(200);
  expect((await h.http.get('/admins')).status).toBe(500);
});

test('the request log and metrics never hold the token', async () => {
  await h.http.get('/me');
  await axios.get(`${h.emulator.baseUrl}/me`, { validateStatus: () => true, headers: { Authorization: 'Bearer wrong-token-value' } });
  const dump = JSON.stringify([h.emulator.requestLog(), h.emulator.metrics()]);
  expect(dump).not.toContain(h.emulator.token);
  expect(dump).not.toContain('wrong-token-value');
  expect(h.emulator.metrics().byEndpoint['GET /me']).toBeGreaterThan(0);
  expect(h.emulator.metrics().bytesServed).toBeGreaterThan(0);
  h.emulator.resetMetrics();
  expect(h.emulator.metrics()).toEqual({ requests: 0, byEndpoint: {}, rateLimited: 0, serverErrors: 0, bytesServed: 0, faults: {} });
});
