/**
 * A reply whose answer is lost after Intercom stored it (the emulator's `lostResponses` fault) is not
 * posted again by the next run: the loader finds the earlier attempt in the conversation's parts and
 * links the DevRev comment to it. A different DevRev comment with the same text is still posted.
 */
import type { LoadingItem } from '../../src/emulators/airdrop';
import { partsOf, reportOf, startLoading, type LoadingSetup } from './harness';

jest.setTimeout(90_000);

const MARK = 'lost-answer-reply-4e7';

function comment(id: string, conversationId: string): LoadingItem {
  return {
    id: { devrev: `don:core:dvrv-us-1:devo/0:comment/${id}` },
    // Before the emulator's clock (2026-01-01T00:00:00Z), so every reply is dated after the comment.
    created_date: '2025-12-31T23:59:00Z',
    modified_date: '2025-12-31T23:59:00Z',
    data: { conversation_id: conversationId, body: { type: 'rich_text', content: [`Your refund is on its way ${MARK}`] }, visibility: 'external' },
  };
}

describe('a reply whose answer was lost', () => {
  let setup: LoadingSetup;
  let conversationId: string;

  beforeAll(async () => {
    setup = await startLoading({ seed: 31, edgeCases: false, size: { conversations: 2, contacts: 3, admins: 2, maxPartsPerConversation: 2, longConversations: 0, deletedConversations: 0 } });
    conversationId = setup.intercom.workspace.conversationIndex()[0]!.id;
  });

  afterAll(() => setup.close());

  const posted = () => partsOf(setup.intercom, conversationId).filter((p) => String(p.body ?? '').includes(MARK));

  test('is found in the conversation by the next run and never posted twice', async () => {
    setup.intercom.setFaults({ routes: ['POST /conversations/:id/reply'], lostResponses: 1 });
    const first = await setup.load({ conversation_parts: [comment('lost-1', conversationId)] });
    expect(first.status).toBe('done');
    expect(reportOf(first, 'conversation_parts')).toMatchObject({ created: 0, failed: 1 });
    // Intercom stored it although the loader never saw the answer.
    expect(posted()).toHaveLength(1);
    const [stored] = posted();

    setup.intercom.setFaults({});
    const second = await setup.load({ conversation_parts: [comment('lost-1', conversationId)] });
    expect(reportOf(second, 'conversation_parts')).toMatchObject({ created: 1, failed: 0 });
    expect(posted()).toHaveLength(1);
    const record = setup.mappers().find((m) => m.targets.includes('don:core:dvrv-us-1:devo/0:comment/lost-1'));
    expect(record?.external_ids).toEqual([String(stored!.id)]);
  });

  test('another DevRev comment with the same text is posted: the earlier part is already claimed', async () => {
    const third = await setup.load({ conversation_parts: [comment('same-text-2', conversationId)] });
    expect(reportOf(third, 'conversation_parts')).toMatchObject({ created: 1, failed: 0 });
    expect(posted()).toHaveLength(2);
  });
});
