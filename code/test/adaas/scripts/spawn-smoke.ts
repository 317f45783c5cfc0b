// Runs one spawn outside jest (under plain `npx tsx`) and prints the emitted event types as JSON.
// Used by tsx-runtime.test.ts to prove .ts workers load from a tsx-run main thread too.
import * as path from 'path';
import { createMockEvent, EventType, spawn } from '../../../src/adaas';
import { PlatformServer } from '../helpers/platform-server';

async function main(): Promise<void> {
  const server = await new PlatformServer().start();
  try {
    await spawn({
      event: createMockEvent(server.baseUrl, { payload: { event_type: EventType.StartExtractingData }, input_data: { global_values: { count: '3' } } }),
      initialState: {},
      workerPath: path.join(__dirname, '..', 'workers', 'data-extraction.ts'),
      initialDomainMapping: {},
    });
    const callbacks = server.callbacks().map((c) => ({ type: c.json.event_type, counts: c.json.event_data.artifacts?.map((a: any) => a.item_count) }));
    process.stdout.write(`RESULT ${JSON.stringify(callbacks)}\n`);
  } finally {
    await server.stop();
  }
}

void main();
