/**
 * Drives each phase of the compiled snap-in once against the official SDK's own test double,
 * `MockServer` (exported by @devrev/ts-adaas), and checks the event it receives on the callback URL:
 * an independent check that our platform emulator and DevRev's test double agree.
 * Runs only in the tree where code/src/adaas is the official package (npm run test:sdk).
 */
import { createFunctions } from '../../code/src/index';
import { startIntercomEmulator } from '../../code/src/emulators/intercom';
import { SEED } from './scenario';

interface MockServerLike {
  baseUrl: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  getRequests(method: string, path: string): Array<{ body?: any }>;
}
interface SdkTestApi {
  MockServer: new (port?: number) => MockServerLike;
  createMockEvent(baseUrl: string, overrides: object): never;
}

/** Incoming event → the reply expected from a small workspace with an empty state. */
const PHASES: Array<[string, string]> = [
  ['START_EXTRACTING_EXTERNAL_SYNC_UNITS', 'EXTERNAL_SYNC_UNIT_EXTRACTION_DONE'],
  ['START_EXTRACTING_METADATA', 'METADATA_EXTRACTION_DONE'],
  ['START_EXTRACTING_DATA', 'DATA_EXTRACTION_DONE'],
  ['START_EXTRACTING_ATTACHMENTS', 'ATTACHMENT_EXTRACTION_DONE'],
  ['START_DELETING_EXTRACTOR_STATE', 'EXTRACTOR_STATE_DELETION_DONE'],
  ['START_DELETING_LOADER_STATE', 'LOADER_STATE_DELETION_DONE'],
];

export async function checkAgainstMockServer(): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('@devrev/ts-adaas') as SdkTestApi;
  const intercom = await startIntercomEmulator({ seed: SEED, size: { conversations: 3, contacts: 3, companies: 1, admins: 2, articles: 1, longConversations: 0 } });
  const functions = createFunctions({ timeoutMs: 60_000, local: true });
  const problems: string[] = [];
  try {
    for (const [incoming, expected] of PHASES) {
      const server = new sdk.MockServer(0);
      await server.start();
      try {
        const event = sdk.createMockEvent(server.baseUrl, {
          payload: {
            event_type: incoming,
            connection_data: { key: intercom.token, key_type: 'pat', org_id: 'emulated', org_name: 'Emulated workspace' },
            event_context: { mode: 'INITIAL', external_sync_unit_id: 'emulated' },
          },
          input_data: { global_values: { intercom_api_base_url: intercom.baseUrl, import_all_conversations: 'true' } },
        });
        const fn = incoming.includes('LOADER') ? functions.loading : functions.extraction;
        await fn([event]);
        const received = server.getRequests('POST', '/callback_url').map((r) => r.body);
        const types = received.map((b) => b?.event_type);
        if (types.length !== 1 || types[0] !== expected) {
          problems.push(`${incoming}: MockServer received ${JSON.stringify(types)}, expected [${expected}]` +
            (received[0]?.event_data?.error ? ` (error: ${received[0].event_data.error.message})` : ''));
          continue;
        }
        const ids = (received[0].event_data?.artifacts ?? []).map((a: { id: string }) => a.id);
        if (new Set(ids).size !== ids.length) problems.push(`${incoming}: an artifact id is listed twice in ${expected}`);
        if (incoming === 'START_EXTRACTING_DATA' && ids.length === 0) problems.push(`${incoming}: ${expected} lists no artifacts`);
        const bytes = Buffer.byteLength(JSON.stringify(received[0]));
        if (bytes >= 200_000) problems.push(`${incoming}: the event is ${bytes} bytes`);
      } finally {
        await server.stop();
      }
    }
  } finally {
    await intercom.close();
  }
  return problems;
}

if (require.main === module) {
  checkAgainstMockServer().then(
    (problems) => {
      for (const p of problems) console.error(`MockServer check: ${p}`);
      process.exit(problems.length === 0 ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
