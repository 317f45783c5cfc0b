import { parse } from 'node-html-parser';
import type { JsonObject, Workspace } from '../../../../src/emulators/intercom/workspace';
import { allConversations, BASE, partsOf, workspace } from './helpers';
import { schemaErrors } from './openapi-schemas';

type Obj = JsonObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('workspace with edge cases (default size, seed 3)', () => {
  let w: Workspace;
  let conversations: Obj[];
  let parts: Obj[];
  let contacts: Obj[];
  let articles: Obj[];

  beforeAll(() => {
    w = workspace({ seed: 3 });
    conversations = allConversations(w) as Obj[];
    parts = conversations.flatMap((c) => partsOf(c) as Obj[]);
    contacts = w.contactIds().map((id) => w.contact(id) as Obj);
    articles = w.articleIds().map((id) => w.article(id, { withStatistics: true }) as Obj);
  });

  it('validates every object against the Intercom 2.16 OpenAPI schemas', () => {
    const errors: string[] = [];
    const check = (schema: string, value: unknown) => errors.push(...schemaErrors(schema, value));
    check('admin_with_app', w.me());
    w.admins().forEach((a) => check('admin', a));
    w.teams().forEach((t) => check('team', t));
    w.tags().forEach((t) => check('tag', t));
    // The spec types company custom attribute values as strings; real data (and ours) has numbers,
    // booleans and dates (intercom-api.md pitfall 20), so those values are checked separately below.
    w.companyIds().forEach((id) => check('company', { ...w.company(id), custom_attributes: {} }));
    contacts.forEach((c) => check('contact', c));
    conversations.forEach((c) => check('conversation', c));
    w.conversationIndex().slice(0, 20).forEach((e) => check('conversation', w.conversation(e.id, { withParts: false })));
    [...w.dataAttributes('contact'), ...w.dataAttributes('company')].forEach((a) => check('data_attribute', a));
    w.dataAttributes('conversation').forEach((a) => check('conversation_attribute', a));
    w.helpCenters().forEach((h) => check('help_center', h));
    w.collections().forEach((c) => check('collection', c));
    articles.forEach((a) => check('article', a));
    expect(errors).toEqual([]);
    // The validator is live: a wrong type is reported.
    expect(schemaErrors('conversation', { ...conversations[0], admin_assignee_id: 'x' })).not.toEqual([]);
  });

  it('has admins away, without inbox seat, and a deleted admin still authoring old parts', () => {
    const admins = w.admins();
    expect(admins.some((a) => a.away_mode_enabled === true)).toBe(true);
    expect(admins.some((a) => a.has_inbox_seat === false)).toBe(true);
    const adminIds = new Set(admins.map((a) => a.id));
    const ghostAuthors = parts.filter((p) => p.author.type === 'admin' && !adminIds.has(p.author.id));
    expect(ghostAuthors.length).toBeGreaterThan(0);
    expect(w.admin(ghostAuthors[0].author.id)).toBeUndefined();
    expect(articles.some((a) => !adminIds.has(String(a.author_id)) && ghostAuthors.some((p) => p.author.id === String(a.author_id)))).toBe(true);
    expect(w.teams().some((t) => (t.admin_ids as unknown[]).length === 0)).toBe(true);
    expect(w.teams().some((t) => (t.admin_ids as unknown[]).length > 0)).toBe(true);
  });

  it('has companies with string, number, boolean and date custom attributes', () => {
    const values = w.companyIds().flatMap((id) => Object.values(w.company(id)!.custom_attributes as object));
    expect(values.some((v) => typeof v === 'string')).toBe(true);
    expect(values.some((v) => typeof v === 'number' && !Number.isInteger(v))).toBe(true);
    expect(values.some((v) => typeof v === 'boolean')).toBe(true);
    const dates = w.dataAttributes('company').filter((a) => a.data_type === 'date' && a.custom).map((a) => a.name as string);
    const dateValues = w.companyIds().flatMap((id) => dates.map((d) => (w.company(id)!.custom_attributes as Obj)[d]).filter((v) => v !== undefined));
    expect(dateValues.length).toBeGreaterThan(0);
    for (const v of dateValues) expect(Number.isInteger(v) && v > 1e9 && v < 2e9).toBe(true);
    expect(w.companyIds().some((id) => w.companyContactIds(id).length === 0)).toBe(true);
  });

  it('has users and leads, missing emails and names, and truncated relationship previews', () => {
    expect(contacts.some((c) => c.role === 'user')).toBe(true);
    expect(contacts.some((c) => c.role === 'lead')).toBe(true);
    expect(contacts.some((c) => c.email === '' && c.name === null)).toBe(true);
    expect(contacts.some((c) => c.role === 'user' && c.name === null)).toBe(true);
    expect(contacts.some((c) => c.companies.total_count === 0)).toBe(true);
    expect(contacts.some((c) => c.companies.total_count > 1)).toBe(true);
    for (const c of contacts) {
      for (const key of ['tags', 'companies'] as const) {
        const full = key === 'tags' ? w.contactTags(c.id) : w.contactCompanies(c.id);
        expect(c[key].total_count).toBe(full.length);
        expect(c[key].data).toHaveLength(Math.min(10, full.length));
        expect(c[key].has_more).toBe(full.length > 10);
        expect(c[key].data.map((x: Obj) => x.id)).toEqual(full.slice(0, 10).map((x) => x.id));
      }
    }
    const truncated = contacts.find((c) => c.tags.has_more && c.companies.has_more);
    expect(truncated).toBeDefined();
    for (const company of w.contactCompanies(truncated!.id)) expect(w.companyContactIds(String(company.id))).toContain(truncated!.id);
    const crm = contacts.map((c) => c.custom_attributes.crm_id).filter((v) => typeof v === 'string');
    expect(new Set(crm).size).toBe(crm.length);
    expect(crm.length).toBeGreaterThan(contacts.length / 2);
    expect(w.dataAttributes('contact').some((a) => a.name === 'crm_id' && a.custom === true)).toBe(true);
  });

  it('has conversations in every state, with every part type and author type', () => {
    const states = new Set(conversations.map((c) => c.state));
    expect([...states].sort()).toEqual(['closed', 'open', 'snoozed']);
    for (const c of conversations) {
      expect(c.open).toBe(c.state !== 'closed');
      if (c.state === 'snoozed') expect(c.snoozed_until).toBeGreaterThan(0);
    }
    const types = new Set(parts.map((p) => p.part_type));
    for (const t of ['comment', 'note', 'assignment', 'open', 'close', 'snoozed', 'default_assignment', 'assign_and_reopen', 'quick_reply',
      'conversation_attribute_updated_by_admin', 'away_mode_assignment', 'participant_added']) {
      expect(types).toContain(t);
    }
    const known = /^(comment|note|assignment|open|close|snoozed|unsnoozed|default_assignment|assign_and_reopen|quick_reply|conversation_attribute_updated_by_admin|away_mode_assignment|participant_added|participant_removed|conversation_rating_changed|language_detection_details|custom_action_started|custom_action_finished|operator_workflow_event)$/;
    expect([...types].some((t) => !known.test(t))).toBe(true);
    const authorTypes = new Set(parts.map((p) => p.author.type));
    for (const t of ['admin', 'user', 'lead', 'bot', 'team']) expect(authorTypes).toContain(t);
    for (const p of parts.filter((x) => ['assignment', 'close', 'open', 'snoozed', 'participant_added'].includes(x.part_type))) expect(p.body).toBeNull();
    expect(parts.some((p) => p.redacted === true)).toBe(true);
    expect(conversations.some((c) => c.source.redacted === true)).toBe(true);
    expect(parts.some((p) => p.part_type === 'conversation_attribute_updated_by_admin' && p.event_details?.attribute?.name)).toBe(true);
    expect(parts.some((p) => p.part_type === 'quick_reply' && p.metadata.quick_reply_options.length > 1)).toBe(true);
  });

  it('caps long conversations at the 500 most recent parts while total_count has them all', () => {
    const long = conversations.filter((c) => c.conversation_parts.total_count > 500);
    expect(long.length).toBeGreaterThan(0);
    for (const c of long) {
      const list = partsOf(c);
      expect(list).toHaveLength(500);
      expect(c.statistics.count_conversation_parts).toBe(c.conversation_parts.total_count + 1);
      const times = list.map((p) => p.created_at as number);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times[times.length - 1]).toBe(c.updated_at);
    }
  });

  it('has several source types, group conversations, assignees 0 when unassigned, tags and custom attributes', () => {
    expect(new Set(conversations.map((c) => c.source.type)).size).toBeGreaterThanOrEqual(3);
    expect(conversations.some((c) => c.source.type === 'email' && c.source.email_message_metadata)).toBe(true);
    expect(conversations.some((c) => c.source.author.type === 'admin' && c.source.delivered_as === 'admin_initiated')).toBe(true);
    expect(conversations.some((c) => c.contacts.contacts.length > 1)).toBe(true);
    expect(conversations.some((c) => c.admin_assignee_id === 0 && c.team_assignee_id === 0)).toBe(true);
    expect(conversations.some((c) => c.admin_assignee_id > 0)).toBe(true);
    const tagged = conversations.filter((c) => c.tags.tags.length > 0);
    expect(tagged.length).toBeGreaterThan(0);
    const tagIds = new Set(w.tags().map((t) => t.id));
    for (const c of tagged) for (const t of c.tags.tags) expect(tagIds.has(t.id)).toBe(true);
    expect(conversations.some((c) => Object.keys(c.custom_attributes).length >= 3)).toBe(true);
  });

  it('has attachments of varied types and sizes, on parts and sources', () => {
    const attachments = [...conversations.flatMap((c) => c.source.attachments as Obj[]), ...parts.flatMap((p) => p.attachments as Obj[])];
    const types = new Set(attachments.map((a) => a.content_type));
    for (const t of ['image/png', 'image/jpeg', 'application/pdf', 'text/plain', 'text/csv', 'application/zip']) expect(types).toContain(t);
    expect(attachments.some((a) => a.filesize < 100)).toBe(true);
    expect(attachments.some((a) => a.filesize > 2 * 1024 * 1024)).toBe(true);
    for (const a of attachments) {
      expect(a.type).toBe('upload');
      expect(a.url.startsWith(`${BASE}/downloads/`)).toBe(true);
      expect(new URL(a.url).searchParams.get('expires')).toMatch(/^\d+$/);
      if (a.content_type.startsWith('image/')) expect(a.width).toBeGreaterThan(0);
    }
    expect(conversations.some((c) => c.source.attachments.length > 0)).toBe(true);
  });

  it('has HTML bodies with links, signed inline images, mentions, code, lists, tables, emoji, RTL and broken entities', () => {
    const bodies = [...conversations.map((c) => c.source.body as string), ...parts.map((p) => p.body).filter((b): b is string => typeof b === 'string')];
    const html = bodies.join('\n');
    const root = parse(html, { blockTextElements: { script: true, style: true } }); // parse inside <pre>
    const images = root.querySelectorAll('img').map((i) => i.getAttribute('src')!);
    expect(images.some((src) => src.startsWith(`${BASE}/downloads/`) && src.includes('signature='))).toBe(true);
    expect(root.querySelectorAll('a[href^="http"]').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('a.intercom-mention').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('pre code').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('ul li ol li').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('table td').length).toBeGreaterThan(0);
    expect(/\p{Extended_Pictographic}/u.test(html)).toBe(true);
    expect(root.querySelectorAll('[dir="rtl"]').length).toBeGreaterThan(0);
    expect(/[\u0590-\u06ff]/.test(html)).toBe(true);
    expect(html).toContain('&euro ');
  });

  it('has help centers, nested collections, multilingual and draft articles, linking each other', () => {
    expect(w.helpCenters().length).toBeGreaterThanOrEqual(2);
    const collections = w.collections() as Obj[];
    const byId = new Map(collections.map((c) => [c.id, c]));
    const sections = collections.filter((c) => c.parent_id !== null);
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) expect(byId.has(s.parent_id)).toBe(true);
    expect(sections.some((s) => byId.get(s.parent_id)!.parent_id !== null)).toBe(true);
    expect(collections.filter((c) => c.parent_id === null).every((c) => typeof c.help_center_id === 'number')).toBe(true);

    expect(articles.some((a) => Object.keys(a.translated_content).filter((k) => k !== 'type').length >= 3)).toBe(true);
    expect(articles.some((a) => a.translated_content.ar)).toBe(true);
    const drafts = articles.filter((a) => a.state === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(d.url).toBeNull();
    expect(articles.some((a) => a.parent_ids.length > 1)).toBe(true);
    expect(articles.some((a) => a.parent_ids.length === 0)).toBe(true);
    for (const a of articles) for (const p of a.parent_ids) {
      expect(typeof p).toBe('number');
      expect(byId.has(String(p))).toBe(true);
    }
    const urls = new Map(articles.filter((a) => a.url).map((a) => [a.url as string, a.id]));
    const links = articles.flatMap((a) => parse(a.body).querySelectorAll('a').map((l) => l.getAttribute('href')!));
    const articleLinks = links.filter((l) => urls.has(l));
    expect(articleLinks.length).toBeGreaterThan(0);
    for (const l of articleLinks) expect(l.match(/\/articles\/(\d+)-/)![1]).toBe(urls.get(l));
    expect(links.some((l) => l.startsWith(`${BASE}/downloads/`))).toBe(true);
    expect(articles.some((a) => parse(a.body).querySelectorAll('img').some((i) => i.getAttribute('src')!.startsWith(`${BASE}/downloads/`)))).toBe(true);
    for (const a of articles) expect(a.statistics.type).toBe('article_statistics');
  });

  it('gives list shapes equal to the retrieve minus its parts, and consistent timelines', () => {
    for (const c of conversations) {
      const { conversation_parts: _parts, ...rest } = c;
      expect(w.conversation(c.id, { withParts: false })).toEqual(rest);
      const times = partsOf(c).map((p) => p.created_at as number);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      for (const t of times) expect(t).toBeGreaterThanOrEqual(c.created_at);
      expect(c.updated_at).toBe(Math.max(c.created_at, ...times));
      expect(c.updated_at).toBeLessThanOrEqual(w.now());
      const last = partsOf(c).at(-1);
      if (last) expect(last.state).toBe(c.state);
    }
  });

  it('lists deleted conversations that can no longer be fetched', () => {
    const deleted = w.deletedConversations();
    expect(deleted.length).toBeGreaterThan(0);
    const live = new Set(w.conversationIndex().map((e) => e.id));
    for (const d of deleted) {
      expect(live.has(d.id)).toBe(false);
      expect(w.conversation(d.id, { withParts: true })).toBeUndefined();
      expect(d.deleted_at).toBeLessThanOrEqual(w.now());
    }
  });
});
