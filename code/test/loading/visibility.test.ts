/**
 * Comment visibility through the snap-in's initial domain mapping, both ways, as the platform applies
 * it (the airdrop emulator's transformer): Intercom notes arrive in DevRev as internal comments, and
 * only a customer-visible DevRev comment goes back as a reply; internal, private, missing or unknown
 * visibilities go back as notes.
 */
import { ConversationSchema } from '../../src/intercom/schemas';
import { mapForward } from '../../src/emulators/airdrop';
import initialDomainMapping from '../../src/extraction/initial-domain-mapping.json';
import { normalizeConversation } from '../../src/normalize';
import { baseContext } from '../normalize/fixtures';
import { partsOf, reportOf, startLoading, type LoadingSetup } from './harness';

jest.setTimeout(60_000);

describe('comment visibility through the initial domain mapping', () => {
  let setup: LoadingSetup;
  let conversationId: string;
  let adminId: string;

  beforeAll(async () => {
    setup = await startLoading({ seed: 21, edgeCases: false, size: { conversations: 3, contacts: 4, admins: 2, maxPartsPerConversation: 2, longConversations: 0, deletedConversations: 0 } });
    const ws = setup.intercom.workspace;
    conversationId = ws.conversationIndex()[0]!.id;
    adminId = String(ws.me().id);
  });

  afterAll(() => setup.close());

  test('an Intercom note becomes an internal DevRev comment; a customer message an external one', () => {
    const ws = setup.intercom.workspace;
    ws.mutate.replyToConversation(conversationId, { adminId, messageType: 'note', body: '<p>note-mark-3c1</p>' });
    ws.mutate.replyToConversation(conversationId, { adminId, messageType: 'comment', body: '<p>reply-mark-3c1</p>' });
    const conversation = ConversationSchema.parse(ws.conversation(conversationId, { withParts: true }));
    const { parts } = normalizeConversation(conversation, baseContext());
    const devrevVisibilityOf = (mark: string) => {
      const part = parts.find((p) => JSON.stringify(p.data.body).includes(mark))!;
      return mapForward(initialDomainMapping, 'conversation_parts', part.data as unknown as Record<string, unknown>).visibility;
    };
    expect(devrevVisibilityOf('note-mark-3c1')).toBe('Visibility_INTERNAL');
    expect(devrevVisibilityOf('reply-mark-3c1')).toBe('Visibility_EXTERNAL');
  });

  test('only EXTERNAL and PUBLIC DevRev comments are posted as replies; every other visibility as a note', async () => {
    const cases: Array<[string, string | undefined, 'comment' | 'note']> = [
      ['vis-external-7a1', 'Visibility_EXTERNAL', 'comment'],
      ['vis-public-7a1', 'Visibility_PUBLIC', 'comment'],
      ['vis-internal-7a1', 'Visibility_INTERNAL', 'note'],
      ['vis-private-7a1', 'Visibility_PRIVATE', 'note'],
      ['vis-missing-7a1', undefined, 'note'],
      ['vis-unknown-7a1', 'Visibility_SOMETHING_NEW', 'note'],
    ];
    const records = cases.map(([mark, visibility], i) => ({
      id: { devrev: `don:core:dvrv-us-1:devo/0:comment/vis-${i}` },
      created_date: '2026-01-05T10:00:00Z',
      modified_date: '2026-01-05T10:00:00Z',
      fields: {
        body: { type: 'rich_text', content: [`Checked ${mark}`] },
        created_by_id: 'don:identity:dvrv-us-1:devo/0:devu/1',
        parent_object_id: conversationId,
        ...(visibility !== undefined ? { visibility } : {}),
      },
    }));
    const result = await setup.loadDevRev({ conversation_parts: records });
    expect(result.error).toBeUndefined();
    expect(reportOf(result, 'conversation_parts')).toMatchObject({ created: cases.length, failed: 0, skipped: 0 });
    const parts = partsOf(setup.intercom, conversationId);
    for (const [mark, visibility, expected] of cases) {
      const posted = parts.filter((p) => String(p.body ?? '').includes(mark));
      expect({ visibility, types: posted.map((p) => p.part_type) }).toEqual({ visibility, types: [expected] });
    }
  });
});
