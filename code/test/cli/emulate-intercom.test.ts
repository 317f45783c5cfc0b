/** `emulate-intercom`: starts the standalone emulator, prints a base URL and token that work, stops on Ctrl-C. */
import * as net from 'node:net';
import axios from 'axios';
import { createWorkspace } from '../../src/emulators/intercom/workspace';
import { runCli } from './helpers';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('emulate-intercom', () => {
  it('serves the workspace of the seed on the given port until Ctrl-C', async () => {
    const port = await freePort();
    let me: unknown;
    let probing = false;
    const r = await runCli(['emulate-intercom', '--port', String(port), '--seed', '2', '--conversations', '5'], {
      onOutput: (text, child) => {
        const token = /access token: (\S+)/.exec(text)?.[1];
        if (!token || probing || !text.includes('Press Ctrl-C')) return;
        probing = true;
        axios
          .get(`http://127.0.0.1:${port}/me`, { headers: { Authorization: `Bearer ${token}`, 'Intercom-Version': '2.16' } })
          .then((res) => {
            me = res.data;
          })
          .finally(() => child.kill('SIGINT'));
      },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`listening on http://127.0.0.1:${port}`);
    // The workspace of seed 2 (edge cases may add a few conversations to the 5 asked for).
    const expected = createWorkspace({ seed: 2, size: { conversations: 5 }, fileBaseUrl: 'http://127.0.0.1:1' });
    expect(r.stdout).toContain(`workspace ${expected.app.id_code} `);
    expect(r.stdout).toContain(`${expected.conversationIndex().length} conversations`);
    expect(me).toMatchObject({ type: 'admin', app: { type: 'app' } });
  });

  it('a port in use is a one-line usage error', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const r = await runCli(['emulate-intercom', '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`Error: Port ${port} is in use: pick another with --port.`);
    } finally {
      server.close();
    }
  });
});
