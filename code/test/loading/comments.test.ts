/**
 * DevRev comments and tags loaded into the Intercom emulator through the platform emulator's loading
 * run, over real HTTP: what arrives in the workspace, the mapper records, the reports, and a second
 * load of the same items posting nothing again.
 */
import { devrevComment, devrevTag, partsOf, reportOf, startLoading, type LoadingSetup } from './harness';

jest.setTimeout(60_000);

const INTERNAL_MARK = 'internal-note-7f3a';
const EXTERNAL_MARK = 'customer-reply-41bd';
const MENTION_MARK = 'mention-reply-c09e';

describe('loading comments and tags into Intercom', () => {
  let setup: LoadingSetup;
  let conversations: string[];
  let otherAdmin: string;
  let meId: string;
  let items: Record<string, unknown[]>;

  beforeAll(async () => {
    setup = await startLoading({ seed: 11, edgeCases: false, size: { conversations: 6, contacts: 8, admins: 4, maxPartsPerConversation: 4, longConversations: 0, deletedConversations: 0 } });
    const ws = setup.intercom.workspace;
    conversations = ws.conversationIndex().map((e) => e.id).slice(0, 3);
    meId = String(ws.me().id);
    otherAdmin = String(ws.admins().map((a) => a.id).find((id) => String(id) !== meId));
    items = {
      conversation_parts: [
        devrevComment({ conversationId: conversations[0], visibility: 'internal', authorId: otherAdmin, content: [`**Escalated** ${INTERNAL_MARK}`] }),
        devrevComment({ conversationId: conversations[1], authorId: 'don:identity:dvrv-us-1:devo/0:devu/99', content: [`Thanks, fixed\n\n${EXTERNAL_MARK}`] }),
        devrevComment({
          conversationId: conversations[2],
          content: ['Hi ', { ref_type: 'external_user_type', id: 'don:identity:dvrv-us-1:devo/0:devu/7', fallback_record_name: 'Jane <Doe>' }, ` please look ${MENTION_MARK}`],
        }),
        devrevComment({ conversationId: '987654321', content: ['on a conversation Intercom does not have'] }),
      ],
      tags: [devrevTag('loaded-from-devrev')],
      attachment: [{
        reference_id: 'don:core:dvrv-us-1:devo/0:artifact/5', parent_type: 'comment', parent_reference_id: 'don:core:dvrv-us-1:devo/0:comment/1',
        file_name: 'screenshot.png', file_type: 'image/png', file_size: 10, url: 'http://127.0.0.1:1/never', valid_until: '2030-01-01T00:00:00Z',
        created_by_id: 'x', created_date: '2026-01-01T00:00:00Z', modified_by_id: 'x', modified_date: '2026-01-01T00:00:00Z',
      }],
    };
  });

  afterAll(() => setup.close());

  const withMark = (conversationId: string, mark: string) => partsOf(setup.intercom, conversationId).filter((p) => String(p.body ?? '').includes(mark));

  test('comments arrive as notes and replies, a tag is created, the unknown conversation fails alone', async () => {
    let meReads = 0;
    const off = setup.intercom.onRequest((e) => { if (e.route === 'GET /me') meReads += 1; });
    const result = await setup.load(items);
    off();
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('done');
    expect(result.phases.map((p) => [p.phase, p.invocations])).toEqual([['load_data', 1], ['load_attachments', 1]]);
    // One /me for the one data-loading invocation (its live check of the token and region); the reply
    // without an Intercom author takes the connection's admin from that answer, not from a second /me.
    expect(meReads).toBe(1);

    const [note] = withMark(conversations[0], INTERNAL_MARK);
    expect(note).toMatchObject({ part_type: 'note', author: { type: 'admin', id: otherAdmin } });
    expect(note.body).toContain('<strong>Escalated</strong>');

    const [reply] = withMark(conversations[1], EXTERNAL_MARK);
    expect(reply).toMatchObject({ part_type: 'comment', author: { type: 'admin', id: meId } });
    expect(reply.body).toBe(`<p>Thanks, fixed</p><p>${EXTERNAL_MARK}</p>`);

    const [mention] = withMark(conversations[2], MENTION_MARK);
    expect(mention.part_type).toBe('comment');
    expect(mention.body).toContain('Hi Jane &lt;Doe&gt; please look');
    expect(mention.body).not.toContain('don:');

    const tag = setup.intercom.workspace.tags().find((t) => t.name === 'loaded-from-devrev');
    expect(tag).toBeDefined();

    expect(reportOf(result, 'conversation_parts')).toMatchObject({ created: 3, failed: 1, skipped: 0 });
    expect(reportOf(result, 'tags')).toMatchObject({ created: 1, failed: 0 });
    expect(reportOf(result, 'attachments')).toMatchObject({ skipped: 1, created: 0, failed: 0 });
    expect(result.processedFiles).toHaveLength(result.files.length);

    // Mapper records link each DevRev id to what Intercom created.
    const mappers = setup.mappers();
    const linked = (devrevId: string) => mappers.find((m) => m.targets.includes(devrevId))?.external_ids;
    const comments = items.conversation_parts as Array<{ id: { devrev: string } }>;
    expect(linked(comments[0].id.devrev)).toEqual([String(note.id)]);
    expect(linked(comments[1].id.devrev)).toEqual([String(reply.id)]);
    expect(linked(comments[2].id.devrev)).toEqual([String(mention.id)]);
    expect(linked(comments[3].id.devrev)).toBeUndefined();
    expect(linked((items.tags[0] as { id: { devrev: string } }).id.devrev)).toEqual([String(tag!.id)]);

    // The failure and the skipped attachment are reported with their ids and causes, in the loader state.
    const loader = setup.loaderState()!;
    expect(loader.fromDevRev).toBeDefined();
    expect(loader.intercomLoading.failed.sample).toEqual([
      expect.objectContaining({ id: comments[3].id.devrev, reason: expect.stringMatching(/conversation 987654321 was not found in Intercom \(404/) }),
    ]);
    expect(loader.intercomLoading.skipped.sample[0]).toMatchObject({ itemType: 'attachments', id: 'don:core:dvrv-us-1:devo/0:artifact/5', reason: expect.stringContaining('cannot add a file') });
    // The loader state is its own: no extractor state was written.
    expect(require('fs').existsSync(require('path').join(setup.outDir, 'state.json'))).toBe(false);
  });

  test('loading the same items again posts nothing twice: comments are skipped with the reason', async () => {
    const before = conversations.map((c) => partsOf(setup.intercom, c).length);
    const tagsBefore = setup.intercom.workspace.tags().length;
    const result = await setup.load(items);
    expect(result.status).toBe('done');
    expect(conversations.map((c) => partsOf(setup.intercom, c).length)).toEqual(before);
    expect(setup.intercom.workspace.tags().length).toBe(tagsBefore);
    expect(reportOf(result, 'conversation_parts')).toMatchObject({ created: 0, skipped: 3, failed: 1 });
    expect(reportOf(result, 'tags')).toMatchObject({ updated: 1, created: 0 });
    const skipped = setup.loaderState()!.intercomLoading.skipped.sample;
    expect(skipped.filter((s: { itemType: string }) => s.itemType === 'conversation_parts')).toHaveLength(3);
    expect(skipped[0].reason).toMatch(/Intercom cannot edit a conversation part/);
    // runs.jsonl has both loading runs.
    const runs = require('fs').readFileSync(require('path').join(setup.outDir, 'runs.jsonl'), 'utf8').trim().split('\n').map(JSON.parse);
    expect(runs.map((r: { kind: string; status: string }) => `${r.kind}:${r.status}`)).toEqual(['load:done', 'load:done']);
  });

  test('a renamed tag and an empty comment are skipped with reasons; a comment without a conversation fails', async () => {
    const tag = items.tags[0] as { id: { devrev: string }; data: { name: string } };
    const empty = devrevComment({ conversationId: conversations[0], content: ['  \n '] });
    const orphan = devrevComment({ conversationId: conversations[0], content: ['no parent'] });
    delete (orphan.data as Record<string, unknown>).conversation_id;
    const partsBefore = partsOf(setup.intercom, conversations[0]).length;
    const result = await setup.load({ conversation_parts: [empty, orphan], tags: [{ ...tag, data: { name: 'renamed-in-devrev' } }] });
    expect(result.status).toBe('done');
    expect(reportOf(result, 'tags')).toMatchObject({ skipped: 1, updated: 0, created: 0 });
    expect(reportOf(result, 'conversation_parts')).toMatchObject({ skipped: 1, failed: 1, created: 0 });
    expect(setup.intercom.workspace.tags().map((t) => t.name)).toContain('loaded-from-devrev');
    expect(setup.intercom.workspace.tags().map((t) => t.name)).not.toContain('renamed-in-devrev');
    expect(partsOf(setup.intercom, conversations[0]).length).toBe(partsBefore);
    const loader = setup.loaderState()!.intercomLoading;
    expect(loader.skipped.sample.map((s: { id: string; reason: string }) => [s.id, s.reason])).toEqual([
      [empty.id.devrev, expect.stringContaining('no text')],
      [tag.id.devrev, expect.stringMatching(/renaming Intercom tag \d+ from "loaded-from-devrev" to "renamed-in-devrev"/)],
    ]);
    expect(loader.failed.sample).toEqual([expect.objectContaining({ id: orphan.id.devrev, reason: expect.stringContaining('conversation_id is missing') })]);
  });

  test('a revoked token ends the data phase with DATA_LOADING_ERROR naming the fix, without the token', async () => {
    setup.intercom.revokeToken();
    const result = await setup.load({ conversation_parts: [devrevComment({ conversationId: conversations[0], content: ['never posted'] })] });
    expect(result.status).toBe('error');
    expect(result.phases[0].replies).toEqual(['DATA_LOADING_ERROR']);
    expect(result.error).toMatch(/Fix the Intercom connection/);
    expect(result.error).not.toContain(setup.intercom.token);
  });
});
