import * as fs from 'node:fs';
import * as path from 'node:path';
import type { z } from 'zod';
import {
  AdminSchema, ArticleSchema, CollectionSchema, CompanySchema, ContactSchema, ConversationSchema, TagSchema, TeamSchema,
} from '../../src/intercom/schemas';
import {
  normalizeAdmin, normalizeArticle, normalizeBatch, normalizeCollection, normalizeCompany, normalizeContact,
  normalizeConversation, normalizeTag, normalizeTeam, type NormalizeContext,
} from '../../src/normalize';
import { baseContext, fixture, FIXTURES } from './fixtures';

/**
 * Every `<kind>/<name>.json` with a `<name>.expected.json` beside it: the normalized output must equal
 * the golden file (written and checked by hand: dates against python's utcfromtimestamp, hashes
 * against python's sha256). Skipped objects are compared by id and by words their reason must contain.
 */

type Normalizer = { kind: string; schema: z.ZodType; normalize: (obj: any, ctx: NormalizeContext) => unknown };
const BY_FOLDER: Record<string, Normalizer> = {
  admins: { kind: 'admin', schema: AdminSchema, normalize: normalizeAdmin },
  teams: { kind: 'team', schema: TeamSchema, normalize: normalizeTeam },
  tags: { kind: 'tag', schema: TagSchema, normalize: normalizeTag },
  companies: { kind: 'company', schema: CompanySchema, normalize: normalizeCompany },
  contacts: { kind: 'contact', schema: ContactSchema, normalize: normalizeContact },
  conversations: { kind: 'conversation', schema: ConversationSchema, normalize: normalizeConversation },
  collections: { kind: 'collection', schema: CollectionSchema, normalize: normalizeCollection },
  articles: { kind: 'article', schema: ArticleSchema, normalize: normalizeArticle },
};

/** The list inside a response envelope (or a single retrieved object). */
function itemsOf(body: any): unknown[] {
  for (const key of ['admins', 'teams', 'conversations', 'data']) if (Array.isArray(body[key])) return body[key];
  return [body];
}

type Skip = { id: string | null; reasonIncludes: string[] };
function expectSkipped(actual: Array<{ id: string | null; reason: string }>, expected: Skip[]) {
  expect(actual.map((s) => s.id)).toEqual(expected.map((s) => s.id));
  expected.forEach((s, i) => s.reasonIncludes.forEach((word) => expect(actual[i]!.reason).toContain(word)));
}

const cases = Object.keys(BY_FOLDER).flatMap((folder) =>
  fs
    .readdirSync(path.join(FIXTURES, folder))
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => [folder, f.replace('.expected.json', '.json')] as const),
);

describe('golden files', () => {
  it('covers every kind', () => {
    expect(new Set(cases.map(([folder]) => folder))).toEqual(new Set(Object.keys(BY_FOLDER)));
  });

  it.each(cases)('%s/%s normalizes to its golden file', (folder, file) => {
    const { kind, schema, normalize } = BY_FOLDER[folder]!;
    const expected = fixture(`${folder}/${file.replace('.json', '.expected.json')}`);
    const ctx = { ...baseContext(), ...(expected.context?.contactReferenceField ? { contactReferenceField: expected.context.contactReferenceField } : {}) };
    const result = normalizeBatch(kind, schema, itemsOf(fixture(`${folder}/${file}`)), normalize, ctx);

    expectSkipped(result.skipped, expected.skipped);
    expect(result.items).toHaveLength(expected.items.length);
    result.items.forEach((item: any, i: number) => {
      const want = expected.items[i];
      if (want.skipped) {
        // Conversations report their bad parts inside their own result.
        expectSkipped(item.skipped, want.skipped);
        const { skipped: _a, ...rest } = item;
        const { skipped: _b, ...wantRest } = want;
        expect(rest).toEqual(wantRest);
      } else {
        expect(item).toEqual(want);
      }
    });
  });
});
