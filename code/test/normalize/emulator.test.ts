import axios, { type AxiosInstance } from 'axios';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import {
  AdminSchema, ArticleSchema, CollectionSchema, CompanySchema, ContactSchema, ConversationSchema, HelpCenterSchema, TagSchema, TeamSchema,
} from '../../src/intercom/schemas';
import {
  helpCenterBaseUrls, normalizeAdmin, normalizeArticle, normalizeBatch, normalizeCollection, normalizeCompany, normalizeContact,
  normalizeConversation, normalizeTag, normalizeTeam, type NormalizeContext, type NormalizedAttachment, type NormalizedItem,
} from '../../src/normalize';
import { buildExternalDomainMetadata } from '../../src/extraction/metadata';
import { KINDS } from '../../src/kinds';

/**
 * The normalizers against the Intercom emulator's workspace, read over real HTTP on 127.0.0.1: every
 * object of every kind normalizes (nothing skipped), every item matches its record type, and every
 * inline image of a conversation becomes an attachment with the contract id.
 */

let emulator: IntercomEmulator;
let http: AxiosInstance;

beforeAll(async () => {
  emulator = await startIntercomEmulator({
    seed: 5,
    size: {
      admins: 4, teams: 2, tags: 4, companies: 6, contacts: 12, conversations: 12, collections: 2, sections: 2, articles: 5,
      helpCenters: 2, maxPartsPerConversation: 8, longConversations: 1, deletedConversations: 1,
    },
  });
  http = axios.create({
    baseURL: emulator.baseUrl,
    headers: { Authorization: `Bearer ${emulator.token}`, 'Intercom-Version': '2.16' },
  });
});

afterAll(async () => {
  await emulator?.close();
});

const get = async (path: string, params?: Record<string, unknown>) => (await http.get(path, { params })).data;

async function cursorList(path: string, key: string): Promise<unknown[]> {
  const out: unknown[] = [];
  let after: string | undefined;
  do {
    const page = await get(path, { per_page: 150, ...(after ? { starting_after: after } : {}) });
    out.push(...page[key]);
    after = page.pages?.next?.starting_after ?? undefined;
  } while (after);
  return out;
}

async function pagedList(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let page = 1; ; page++) {
    const body = await get(path, { page, per_page: 50 });
    out.push(...body.data);
    if (!body.pages || page >= (body.pages.total_pages ?? 1)) return out;
  }
}

async function scroll(): Promise<unknown[]> {
  const out: unknown[] = [];
  let param: string | undefined;
  for (;;) {
    const body = await get('/companies/scroll', param ? { scroll_param: param } : undefined);
    if (!body.data?.length) return out;
    out.push(...body.data);
    param = body.scroll_param;
  }
}

it('normalizes the whole emulated workspace without skipping anything, every item matching its record type', async () => {
  const me = await get('/me');
  const admins = (await get('/admins')).admins;
  const teams = (await get('/teams')).teams;
  const custom = {
    contacts: (await get('/data_attributes', { model: 'contact' })).data,
    companies: (await get('/data_attributes', { model: 'company' })).data,
    conversations: (await get('/conversations/attributes')).data,
  };
  const ctx: NormalizeContext = {
    appId: me.app.id_code,
    observedAt: new Date(0).toISOString().replace('.000', ''),
    customAttributes: custom,
    adminNames: Object.fromEntries(admins.map((a: any) => [a.id, a.name])),
    teamNames: Object.fromEntries(teams.map((t: any) => [t.id, t.name])),
    helpCenterUrls: helpCenterBaseUrls((await get('/help_center/help_centers')).data.map((h: unknown) => HelpCenterSchema.parse(h))),
    fileHosts: [new URL(emulator.baseUrl).host],
  };
  const types = buildExternalDomainMetadata(KINDS, custom).record_types;
  const items: Array<[string, NormalizedItem]> = [];
  const attachments: NormalizedAttachment[] = [];
  const skipped: string[] = [];
  const run = <S extends z.ZodType, R>(kind: string, schema: S, raws: unknown[], fn: (o: z.output<S>, c: NormalizeContext) => R) => {
    const r = normalizeBatch(kind, schema, raws, fn, ctx);
    skipped.push(...r.skipped.map((s) => s.reason));
    return r.items;
  };

  run('admin', AdminSchema, admins, normalizeAdmin).forEach((i) => items.push(['admins', i]));
  run('team', TeamSchema, teams, normalizeTeam).forEach((i) => items.push(['teams', i]));
  run('tag', TagSchema, (await get('/tags')).data, normalizeTag).forEach((i) => items.push(['tags', i]));
  run('company', CompanySchema, await scroll(), normalizeCompany).forEach((i) => items.push(['companies', i]));
  run('contact', ContactSchema, await cursorList('/contacts', 'data'), normalizeContact).forEach((i) => items.push(['contacts', i]));
  run('collection', CollectionSchema, await pagedList('/help_center/collections'), normalizeCollection).forEach((i) => items.push(['collections', i]));
  const rawArticles = (await pagedList('/articles')) as Array<{ id: string; body?: string | null }>;
  run('article', ArticleSchema, rawArticles, normalizeArticle).forEach((r) => {
    items.push(['articles', r.article]);
    attachments.push(...r.attachments);
  });
  const listed = (await cursorList('/conversations', 'conversations')) as Array<{ id: string }>;
  const full = await Promise.all(listed.map((c) => get(`/conversations/${c.id}`)));
  let truncated = 0;
  run('conversation', ConversationSchema, full, normalizeConversation).forEach((r) => {
    items.push(['conversations', r.conversation]);
    r.parts.forEach((p) => items.push(['conversation_parts', p]));
    attachments.push(...r.attachments);
    skipped.push(...r.skipped.map((s) => s.reason));
    if (r.truncation) truncated++;
  });

  expect(skipped).toEqual([]);
  expect(truncated).toBeGreaterThanOrEqual(1);
  const problems: string[] = [];
  for (const [type, item] of items) {
    const declared = Object.keys(types[type]!.fields).sort().join(',');
    if (Object.keys(item.data).sort().join(',') !== declared) problems.push(`${type} ${item.id}: keys differ`);
  }
  expect(problems).toEqual([]);

  // Every inline image of every returned body became an attachment with the contract id.
  const ids = new Set(attachments.map((a) => a.id));
  const hash = (u: string) => createHash('sha256').update(u.split('?')[0]!).digest('hex').slice(0, 16);
  let images = 0;
  for (const conv of full) {
    const bodies: Array<[string, string | null]> = [
      [`${conv.id}-source`, conv.source?.body ?? null],
      ...conv.conversation_parts.conversation_parts.map((p: any) => [String(p.id), p.body] as [string, string | null]),
    ];
    for (const [partId, body] of bodies) {
      for (const m of (body ?? '').matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/g)) {
        const url = m[1]!.replace(/&amp;/g, '&');
        if (!/^https?:/.test(url) || /emoji/.test(m[0])) continue;
        images++;
        expect(ids.has(`part-${partId}-img-${hash(url)}`)).toBe(true);
      }
    }
  }
  expect(images).toBeGreaterThan(0);

  // Files linked from article bodies (served by the emulator's host) became article attachments.
  let files = 0;
  for (const article of rawArticles) {
    for (const m of (article.body ?? '').matchAll(/<a\b[^>]*?\shref="([^"]+)"/g)) {
      const url = m[1]!.replace(/&amp;/g, '&');
      if (!url.startsWith(emulator.baseUrl)) continue;
      files++;
      expect(ids.has(`article-${article.id}-file-${hash(url)}`)).toBe(true);
    }
  }
  expect(files).toBeGreaterThan(0);
  for (const a of attachments) expect(a.id).toMatch(/^[A-Za-z0-9._-]+$/);
});
