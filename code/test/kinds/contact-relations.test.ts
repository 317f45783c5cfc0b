import { IntercomClient, pagers } from '../../src/intercom';
import { ContactSchema } from '../../src/intercom/schemas';
import { kindOf } from '../../src/kinds';
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';

let emu: IntercomEmulator;
let client: IntercomClient;
beforeAll(async () => {
  emu = await startIntercomEmulator({ seed: 3, edgeCases: true });
  client = new IntercomClient({ token: emu.token, baseUrl: emu.baseUrl });
});
afterAll(async () => emu.close());

const idsOf = (list: Array<Record<string, unknown>>) => list.map((x) => String(x.id)).sort();

test('a contact whose previews were cut short is completed from its companies and tags lists', async () => {
  const contacts = kindOf('contacts')!;
  const listed: Array<Record<string, unknown>> = [];
  for await (const page of client.paginate(pagers.cursor({ path: '/contacts', itemsKey: 'data', perPage: 150, itemSchema: ContactSchema, kind: 'contact' }))) {
    listed.push(...(page.items as Array<Record<string, unknown>>));
  }
  const cut = listed.filter((c) => (c.companies as { has_more?: boolean }).has_more || (c.tags as { has_more?: boolean }).has_more);
  expect(cut.length).toBeGreaterThan(0); // the edge-case workspace has such contacts
  const before = emu.metrics().requests;
  for (const c of cut) {
    const full = await contacts.fetchDetail!(client, c);
    const item = contacts.normalize(full, { appId: 'app', observedAt: '2026-01-01T00:00:00Z', adminNames: {} }).items[0]!.item;
    const data = item.data as { company_ids: string[]; tag_ids: string[]; companies_has_more: boolean; tags_has_more: boolean };
    expect({ id: c.id, companies: [...data.company_ids].sort(), tags: [...data.tag_ids].sort() }).toEqual({
      id: c.id,
      companies: idsOf(emu.workspace.contactCompanies(String(c.id))),
      tags: idsOf(emu.workspace.contactTags(String(c.id))),
    });
    expect(data.companies_has_more || data.tags_has_more).toBe(false);
  }
  // Contacts with complete previews cost nothing more.
  const plain = listed.find((c) => !cut.includes(c))!;
  const requestsForCut = emu.metrics().requests - before;
  expect(await contacts.fetchDetail!(client, plain)).toBe(plain);
  expect(emu.metrics().requests - before).toBe(requestsForCut);
});
