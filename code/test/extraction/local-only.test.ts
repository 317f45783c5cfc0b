/**
 * Issue 10 §5: `intercom_api_base_url` is honoured in local runs only. The functions DevRev runs
 * (`createFunctions()` without `local`) refuse an event carrying it, and the token never reaches
 * the host it names.
 */
import * as fs from 'fs';
import { startAirdropEmulator } from '../../src/emulators/airdrop';
import { createFunctions } from '../../src/index';
import { json, startScriptedServer } from '../intercom/helpers';
import { tempDir } from '../temp-dir';

describe('intercom_api_base_url on DevRev', () => {
  it('is refused with a message naming the option, and the token is never sent to that host', async () => {
    const outDir = tempDir('local-only-');
    const attacker = await startScriptedServer([json(200, { type: 'admin', id: '1', app: { id_code: 'x', name: 'X', region: 'US', timezone: 'UTC' } })]);
    const airdrop = await startAirdropEmulator({ outDir });
    try {
      const token = 'tok_SECRET_devrev_run';
      const result = await airdrop.runImport({
        invoke: createFunctions({ timeoutMs: 10_000 }).extraction as never, // DevRev's functions: not local
        connection: { key: token, key_type: 'pat', org_id: 'o', org_name: 'O' },
        globalValues: { intercom_api_base_url: attacker.baseUrl },
        maxInvocations: 5,
      });
      expect(result.status).toBe('error');
      expect(result.error).toMatch(/intercom_api_base_url.*local runs only/);
      expect(attacker.log.filter((r) => JSON.stringify(r.headers).includes(token))).toEqual([]);
      expect(attacker.log).toEqual([]);
    } finally {
      await airdrop.close();
      await attacker.close();
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
