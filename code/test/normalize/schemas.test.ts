import * as fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  AdminListSchema, AdminSchema, ArticleSchema, CollectionSchema, CompanyScrollSchema, CompanySchema, ContactSchema,
  ConversationPageSchema, ConversationSchema, ConversationListItemSchema, DataAttributeSchema, DataListSchema,
  DeletedConversationSchema, HelpCenterSchema, MeSchema, TagSchema, TeamListSchema, TeamSchema, ConversationPartSchema,
  describeIssues, parseItem, typedList,
} from '../../src/intercom/schemas';
import { fixture } from './fixtures';
import { INTERCOM_OPENAPI_2_16 } from '../shared-paths';

const spec = parseYaml(fs.readFileSync(INTERCOM_OPENAPI_2_16, 'utf8'));

/** The first 200 example of an operation in Intercom's 2.16 OpenAPI description. */
function example(path: string, method = 'get'): any {
  const examples = spec.paths[path][method].responses['200'].content['application/json'].examples;
  return Object.values<{ value: unknown }>(examples)[0]!.value;
}

describe("Intercom's 2.16 examples parse", () => {
  const cases: Array<[string, string, (body: any) => Array<[z.ZodType, unknown]>]> = [
    ['/me', 'get', (b) => [[MeSchema, b]]],
    ['/admins', 'get', (b) => [[AdminListSchema, b], ...b.admins.map((a: unknown) => [AdminSchema, a])]],
    ['/teams', 'get', (b) => [[TeamListSchema, b], ...b.teams.map((t: unknown) => [TeamSchema, t])]],
    ['/tags', 'get', (b) => [[DataListSchema, b], ...b.data.map((t: unknown) => [TagSchema, t])]],
    ['/companies/scroll', 'get', (b) => [[CompanyScrollSchema, b], ...b.data.map((c: unknown) => [CompanySchema, c])]],
    ['/companies/{company_id}', 'get', (b) => [[CompanySchema, b]]],
    ['/contacts', 'get', (b) => [[DataListSchema, b], ...b.data.map((c: unknown) => [ContactSchema, c])]],
    ['/contacts/search', 'post', (b) => [[DataListSchema, b], ...b.data.map((c: unknown) => [ContactSchema, c])]],
    ['/conversations', 'get', (b) => [[ConversationPageSchema, b], ...b.conversations.map((c: unknown) => [ConversationListItemSchema, c])]],
    ['/conversations/search', 'post', (b) => [[ConversationPageSchema, b], ...b.conversations.map((c: unknown) => [ConversationListItemSchema, c])]],
    [
      '/conversations/{conversation_id}',
      'get',
      (b) => [[ConversationSchema, b], ...b.conversation_parts.conversation_parts.map((p: unknown) => [ConversationPartSchema, p])],
    ],
    ['/conversations/deleted', 'get', (b) => [[ConversationPageSchema, b], ...b.conversations.map((c: unknown) => [DeletedConversationSchema, c])]],
    ['/data_attributes', 'get', (b) => [[DataListSchema, b], ...b.data.map((a: unknown) => [DataAttributeSchema, a])]],
    ['/help_center/help_centers', 'get', (b) => [[DataListSchema, b], ...b.data.map((h: unknown) => [HelpCenterSchema, h])]],
    ['/help_center/collections', 'get', (b) => [[DataListSchema, b], ...b.data.map((c: unknown) => [CollectionSchema, c])]],
    ['/articles', 'get', (b) => [[DataListSchema, b], ...b.data.map((a: unknown) => [ArticleSchema, a])]],
    ['/articles/{article_id}', 'get', (b) => [[ArticleSchema, b]]],
  ];

  it.each(cases)('%s (%s)', (path, method, pick) => {
    const body = example(path, method);
    for (const [schema, value] of pick(body)) {
      const result = parseItem(schema, value);
      if (!result.ok) throw new Error(describeIssues(path, result.issues));
    }
  });
});

describe('schemas', () => {
  it('let unknown fields pass through and turn integer ids into strings', () => {
    const part = ConversationPartSchema.parse({ id: 17001, part_type: 'comment', created_at: 1, brand_new_field: { x: 1 } });
    expect(part.id).toBe('17001');
    expect((part as Record<string, unknown>).brand_new_field).toEqual({ x: 1 });
    expect(TeamSchema.parse({ id: '1', name: 't', admin_ids: [1, 2] }).admin_ids).toEqual(['1', '2']);
  });

  it('accept the nulls Intercom sends', () => {
    const contact = fixture('contacts/contacts.json').data[1];
    expect(parseItem(ContactSchema, contact).ok).toBe(true);
    expect(parseItem(ArticleSchema, { ...fixture('articles/articles.json').data[1], translated_content: null, body: null }).ok).toBe(true);
  });

  it('report a bad item with its id and the field path', () => {
    const result = parseItem(ConversationSchema, { id: 42, created_at: 1, updated_at: 'soon', source: { author: { id: '1' } } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.id, i.path])).toEqual([
      ['42', 'updated_at'],
      ['42', 'source.author.type'],
    ]);
    expect(describeIssues('conversation', result.issues)).toMatch(/^conversation 42: updated_at: .*; source\.author\.type: /);
  });

  it('name a missing id as (no id) / null', () => {
    const result = parseItem(TagSchema, { name: 'x' });
    expect(result.ok ? null : result.issues[0]).toMatchObject({ id: null, path: 'id' });
  });

  it('typedList checks every item', () => {
    const list = typedList('admins', AdminSchema);
    expect(list.safeParse({ admins: [{ id: '1' }, { name: 'no id' }] }).success).toBe(false);
    expect(list.safeParse(fixture('admins/admins.json')).success).toBe(false); // the fixture holds one admin without an id
    expect(list.safeParse({ type: 'admin.list', admins: [{ id: '1' }] }).success).toBe(true);
  });

  it('parse every recorded fixture envelope', () => {
    expect(parseItem(CompanyScrollSchema, fixture('companies/companies-scroll.json')).ok).toBe(true);
    expect(parseItem(ConversationPageSchema, fixture('conversations/deleted.json')).ok).toBe(true);
    expect(parseItem(DataListSchema, fixture('collections/collections.json')).ok).toBe(true);
    expect(parseItem(MeSchema, fixture('me/me.json')).ok).toBe(true);
    for (const d of fixture('conversations/deleted.json').conversations) expect(DeletedConversationSchema.parse(d).id).toMatch(/^\d+$/);
  });
});
