/**
 * A contact with more than 10 companies and tags: Intercom inlines only 10 of each (`has_more`).
 * The stored contact must name all of them, after the import and after a sync that tags it once
 * more, and still be pushed once per run. Through both emulators and the snap-in's functions.
 */
import { startPipeline, type Pipeline } from './pipeline-helpers';

const SIZE = {
  admins: 2, teams: 1, tags: 14, companies: 14, contacts: 8, conversations: 8, collections: 1, sections: 0, articles: 1,
  helpCenters: 1, maxPartsPerConversation: 2, longConversations: 0, deletedConversations: 0, tickets: 0,
};

describe('a contact with more than 10 companies and tags', () => {
  let p: Pipeline;
  afterAll(async () => p?.close());

  it('arrives with every company and tag, once per run', async () => {
    p = await startPipeline({ seed: 41, size: SIZE, edgeCases: true }, { timeoutMs: 20_000 });
    const ws = p.intercom.workspace;
    const many = ws.truth.ids('contacts').find((id) => ws.contactCompanies(id).length > 10 && ws.contactTags(id).length > 10);
    expect(many).toBeDefined();
    const id = many!;
    const stored = () => p.items('contacts').find((c) => c.id === id)?.data as Record<string, unknown> | undefined;
    const idsIn = (refs: unknown) => [...((refs as string[] | undefined) ?? [])].map(String).sort();
    const truthOf = (list: Array<Record<string, unknown>>) => list.map((x) => String(x.id)).sort();

    const imported = await p.run('import');
    expect({ status: imported.status, error: imported.error }).toEqual({ status: 'done', error: undefined });
    expect(ws.contactCompanies(id)).toHaveLength(12); // the generator's edge case: 12 of each
    expect(ws.contactTags(id)).toHaveLength(12);
    expect({ companies: idsIn(stored()?.company_ids), tags: idsIn(stored()?.tag_ids) })
      .toEqual({ companies: truthOf(ws.contactCompanies(id)), tags: truthOf(ws.contactTags(id)) });
    expect(p.pushCounts(imported.runId).get('contacts')?.get(id)).toBe(1);

    const untagged = ws.truth.ids('tags').find((t) => !truthOf(ws.contactTags(id)).includes(t))!;
    ws.mutate.advance(60);
    ws.mutate.tagContact(id, untagged);
    const synced = await p.run('sync');
    expect({ status: synced.status, error: synced.error }).toEqual({ status: 'done', error: undefined });
    expect(ws.contactTags(id)).toHaveLength(13);
    expect(idsIn(stored()?.tag_ids)).toEqual(truthOf(ws.contactTags(id)));
    expect(p.pushCounts(synced.runId).get('contacts')?.get(id)).toBe(1);
  }, 600_000);
});
