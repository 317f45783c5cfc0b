/**
 * The CLI's preflight `GET /me` over real HTTP: a broken answer (truncated or malformed body) is a transient
 * fault, tried again like any other request of the client, never taken for "not an Intercom workspace".
 */
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { preflight } from '../../src/cli/connection';
import { jsonAnswer, startHostileProxy, type HostileProxy, type ProxyAnswer } from '../extraction/hostile-proxy';

describe('preflight GET /me', () => {
  let intercom: IntercomEmulator;
  let proxy: HostileProxy | undefined;
  beforeAll(async () => {
    intercom = await startIntercomEmulator({ seed: 5, size: { conversations: 1 } });
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  afterAll(async () => {
    await intercom.close();
  });

  const connectionVia = (p: HostileProxy) => ({ baseUrl: p.baseUrl, customBaseUrl: true, token: intercom.token });
  const workspaceId = () => intercom.workspace.app.id_code;

  /** Announces 400 bytes, sends a few and closes the connection: the body ends early. */
  const truncated: ProxyAnswer = (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '400' });
    res.write('{"type":"admin","id":"1","app":{"id_code":"ab');
    setImmediate(() => res.destroy());
  };

  it.each([
    ['a truncated body', truncated],
    ['a cut-off JSON body', jsonAnswer(200, '{"type":"admin","id":"1","app":{"id_code":"ab')],
    ['a malformed body', jsonAnswer(200, '<html>502 Bad Gateway</html>')],
  ])('%s once, then a good answer: the command proceeds with the workspace', async (_what, answer) => {
    proxy = await startHostileProxy(intercom.baseUrl, [{ match: (m, path) => m === 'GET' && path === '/me', times: 1, answer }]);
    const result = await preflight(connectionVia(proxy));
    expect(proxy.claimed).toEqual([1]);
    expect(result.workspace.id).toBe(workspaceId());
  });

  it('an answer of the wrong shape every time still ends in the one-line error naming the URL', async () => {
    proxy = await startHostileProxy(intercom.baseUrl, [{ match: (m, path) => m === 'GET' && path === '/me', answer: jsonAnswer(200, { type: 'list', data: [] }) }]);
    await expect(preflight(connectionVia(proxy))).rejects.toThrow(`${proxy.baseUrl}/me did not describe an Intercom workspace`);
  });

  it('reads the workspace as a run does: a blank name is the workspace id, an absent time zone stays absent', async () => {
    const me = { type: 'admin', id: '1', app: { type: 'app', id_code: 'q7x2k9', name: '', region: 'EU', timezone: null } };
    proxy = await startHostileProxy(intercom.baseUrl, [{ match: (m, path) => m === 'GET' && path === '/me', answer: jsonAnswer(200, me) }]);
    const result = await preflight(connectionVia(proxy));
    expect(result.workspace).toEqual({ id: 'q7x2k9', name: 'q7x2k9', region: 'EU' });
  });
});
