/** The companies scroll: one open scroll per app, idle expiry, end of data. */
import axios, { type AxiosResponse } from 'axios';
import { startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 31, size: { companies: 120 }, scrollIdleMs: 400 });
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
  expect((await h.http.get('/companies/scroll')).status).toBe(200); // the ended scroll no longer blocks
});

test('an idle scroll expires: its param fails and a new scroll may start', async () => {
  await new Promise((r) => setTimeout(r, 450)); // let the scroll left open by the previous test expire
  const first = await h.http.get('/companies/scroll');
  expect(first.status).toBe(200);
  await new Promise((r) => setTimeout(r, 450));
  const stale = await h.http.get('/companies/scroll', { params: { scroll_param: first.data.scroll_param } });
  expect(stale.status).toBe(400);
  expect(stale.data.errors[0].field).toBe('scroll_param');
  expect((await h.http.get('/companies/scroll')).status).toBe(200);
});

test('the end of a scroll is an empty data page', async () => {
  await new Promise((r) => setTimeout(r, 450));
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
