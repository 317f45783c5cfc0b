/**
 * Loading after a real import in the same platform folder: the loading run uses the import's sync
 * unit, its comments land on conversations the import extracted, and the extractor state is left
 * exactly as the import saved it (the loader state is separate).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createFunctions } from '../../src/index';
import { devrevComment, partsOf, reportOf, startLoading } from './harness';

jest.setTimeout(90_000);

test('comments on imported conversations load into Intercom; the extractor state is untouched', async () => {
  const setup = await startLoading({ seed: 3, edgeCases: false, size: { conversations: 3, contacts: 4, admins: 2, companies: 2, articles: 1, collections: 1, maxPartsPerConversation: 2, longConversations: 0, deletedConversations: 0 } });
  try {
    const imported = await setup.airdrop.runImport({
      invoke: createFunctions({ timeoutMs: 20_000, local: true }).extraction as never,
      connection: { key: setup.intercom.token, key_type: 'pat', org_id: 'emulated', org_name: 'Emulated workspace' },
      globalValues: { intercom_api_base_url: setup.intercom.baseUrl, import_all_conversations: 'true' },
      delayScale: 0.01,
    });
    expect(imported.error).toBeUndefined();
    const conversationIds = fs.readFileSync(path.join(setup.outDir, 'items', 'conversations.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id as string);
    expect(conversationIds.length).toBeGreaterThan(0);
    const extractorState = fs.readFileSync(path.join(setup.outDir, 'state.json'), 'utf8');

    const mark = 'after-import-2b7';
    const result = await setup.load({ conversation_parts: [devrevComment({ conversationId: conversationIds[0], visibility: 'internal', content: [mark] })] });
    expect(result.error).toBeUndefined();
    expect(result.syncUnit).toEqual(imported.syncUnit);
    expect(reportOf(result, 'conversation_parts')).toMatchObject({ created: 1 });
    const posted = partsOf(setup.intercom, conversationIds[0]).filter((p) => String(p.body).includes(mark));
    expect(posted.map((p) => p.part_type)).toEqual(['note']);
    expect(fs.readFileSync(path.join(setup.outDir, 'state.json'), 'utf8')).toBe(extractorState);
    const loader = setup.loaderState()!;
    expect(loader.fromDevRev).toBeDefined();
    expect(loader.intercomLoading.failed.count).toBe(0);
    expect(loader).not.toHaveProperty('lastSyncStarted'); // an extraction field: not this state
  } finally {
    await setup.close();
  }
});
