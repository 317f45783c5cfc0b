/** The standalone runner prints a base URL and a token that work. */
import axios from 'axios';
import { runStandaloneEmulator } from '../../../src/emulators/intercom/standalone';

test('runStandaloneEmulator starts the emulator and prints how to reach it', async () => {
  const lines: string[] = [];
  const emulator = await runStandaloneEmulator({ port: 0, seed: 2, conversations: 30, print: (l) => lines.push(l) });
  try {
    const text = lines.join('\n');
    expect(text).toContain(emulator.baseUrl);
    expect(text).toContain(emulator.token);
    expect(emulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const me = await axios.get(`${emulator.baseUrl}/me`, { headers: { Authorization: `Bearer ${emulator.token}` } });
    expect(me.data.type).toBe('admin');
  } finally {
    await emulator.close();
  }
});

test('the same seed gives the same token; another seed another', async () => {
  const quiet = () => undefined;
  const a = await runStandaloneEmulator({ seed: 9, conversations: 5, print: quiet });
  const b = await runStandaloneEmulator({ seed: 9, conversations: 5, print: quiet });
  const c = await runStandaloneEmulator({ seed: 10, conversations: 5, print: quiet });
  try {
    expect(a.token).toBe(b.token);
    expect(c.token).not.toBe(a.token);
  } finally {
    await Promise.all([a.close(), b.close(), c.close()]);
  }
});
