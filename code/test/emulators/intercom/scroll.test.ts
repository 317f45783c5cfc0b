/** The companies scroll: one open scroll per app, idle expiry, end of data. */
import axios, { type AxiosResponse } from 'axios';
import { startHarness, type Harness } from './helpers';

/** Scrolls never expire here in the time a test takes: only the expiry test uses a short idle time, on its own emulator. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 31, size: { companies: 120 }, scrollIdleMs: 10 * 60_000 });
});
afterAll(async () => h.emulator.close());

async function drain(param: string): Promise<void> {
  for (let p: string | undefined = param; p; ) {
    const res: AxiosResponse = await h.http.get('/companies/scroll', { params: { scroll_param: p } });
    p = res.status === 200 && res.data.data.length > 0 ? res.data.scroll_param : undefined;
  }
}

test('a second scroll of the same app answers 400 "scroll already exists"; other apps are not blocked', async () => {
  const first = await h.http.get('/companies/scroll');
  expect(first.status).toBe(200);
  const second = await h.http.get('/companies/scroll');
  expect(second.status).toBe(400);
  expect(second.data.errors[0].message).toBe('scroll already exists for this app');

  const code = new URL((await h.anonymous.get('/oauth', { params: { client_id: 'emulator-client', redirect_uri: 'http://127.0.0.1:9/cb' }, maxRedirects: 0 })).headers.location).searchParams.get('code');
  const token = (await h.anonymous.post('/auth/eagle/token', { code, client_id: 'emulator-client', client_secret: 'emulator-secret' })).data.token;
  const otherApp = await axios.get(`${h.emulator.baseUrl}/companies/scroll`, { headers: { Authorization: `Bearer ${token}` }, validateStatus: () => true });
  expect(otherApp.status).toBe(200);

  await drain(first.data.scroll_param);
  const next = await h.http.get('/companies/scroll');
  expect(next.status).toBe(200); // the ended scroll no longer blocks
  await drain(next.data.scroll_param);
});

test('an idle scroll expires: its param fails and a new scroll may start', async () => {
  // Waiting longer than the idle time cannot flake: a slow machine only makes the wait longer.
  const idle = await startHarness({ seed: 31, size: { companies: 120 }, scrollIdleMs: 300 });
  try {
    const first = await idle.http.get('/companies/scroll');
    expect(first.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    const stale = await idle.http.get('/companies/scroll', { params: { scroll_param: first.data.scroll_param } });
    expect(stale.status).toBe(400);
    expect(stale.data.errors[0].field).toBe('scroll_param');
    expect((await idle.http.get('/companies/scroll')).status).toBe(200);
  } finally {
    await idle.emulator.close();
  }
});

test('the end of a scroll is an empty data page', async () => {
  let res = await h.http.get('/companies/scroll');
  const seen: string[] = [];
  while (res.data.data.length > 0) {
    seen.push(...res.data.data.map((c: { id: string }) => c.id));
    res = await h.http.get('/companies/scroll', { params: { scroll_param: res.data.scroll_param } });
  }
  expect(res.status).toBe(200);
  expect(res.data).toMatchObject({ type: 'list', data: [], pages: null, total_count: null });
  expect(seen.sort()).toEqual(h.emulator.workspace.truth.ids('companies').sort());
});
