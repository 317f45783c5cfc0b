/**
 * Help centers, collections with nested sections, and articles in several languages whose bodies
 * link to other articles, inline images and downloadable files.
 */
import { embeddableUrl, fixedFile, randomFile, randomImage } from './attachments';
import type { Context } from './context';
import { type HtmlFeature, htmlBody, randomFeatures } from './html';
import { Rng } from '../random';
import type { JsonObject } from './types';

const DAY = 86_400;

/** Locales articles may be translated into; the first is the default. */
export const ARTICLE_LOCALES = ['en', 'fr', 'de', 'ar', 'ja'] as const;

/** Edge-case article indexes (when edge cases are on). */
export const EDGE_ARTICLE = { multilingualLinked: 0, draft: 1, severalParents: 2, noParent: 3, nastyBody: 4, secondHelpCenter: 5 } as const;

export function helpCenterId(ctx: Context, index: number): string {
  return String(ctx.ids.helpCenter + index);
}

export function generateHelpCenters(ctx: Context): JsonObject[] {
  return Array.from({ length: ctx.size.helpCenters }, (_, i) => {
    const identifier = i === 0 ? `acme-${ctx.appId}` : `brand-${i}-${ctx.appId}`;
    const createdAt = ctx.start - (700 - i * 50) * DAY;
    return {
      id: helpCenterId(ctx, i),
      workspace_id: ctx.appId,
      created_at: createdAt,
      updated_at: createdAt + 30 * DAY,
      identifier,
      website_turned_on: i !== 2,
      display_name: i === 0 ? 'Acme Help Center' : `Brand ${i} Help`,
      url: helpCenterUrl(ctx, i),
      custom_domain: i === 1 ? `help.brand-${i}.example.com` : null,
      default: i === 0,
      locales: i === 0 ? [...ARTICLE_LOCALES] : ['en'],
    };
  });
}

function helpCenterUrl(ctx: Context, index: number): string {
  if (index === 1) return `https://help.brand-${index}.example.com`;
  return `https://intercom.help/${index === 0 ? `acme-${ctx.appId}` : `brand-${index}-${ctx.appId}`}`;
}

/** Number of collections plus sections; collection indexes come first, then sections. */
export function collectionCount(ctx: Context): number {
  return ctx.size.collections + ctx.size.sections;
}

export function collectionId(ctx: Context, index: number): string {
  return String(ctx.ids.collection + index);
}

/** Help center of a collection or section (sections inherit their root's). */
export function collectionHelpCenterIndex(ctx: Context, index: number): number {
  const root = collectionRoot(ctx, index);
  return ctx.size.helpCenters === 0 ? 0 : root % ctx.size.helpCenters;
}

/** Parent index of a section (a collection, or for some sections another section). */
export function sectionParentIndex(ctx: Context, index: number): number | undefined {
  const n = ctx.size.collections;
  if (index < n) return undefined;
  const s = index - n;
  const r = new Rng(ctx.seed, 'section-parent', index);
  if (ctx.edgeCases && s === 1) return n; // a section inside the first section
  if (s > 1 && r.chance(0.25)) return n + r.int(0, s - 1);
  return ctx.edgeCases && s === 0 ? 0 : r.int(0, n - 1);
}

function collectionRoot(ctx: Context, index: number): number {
  let i = index;
  for (let guard = 0; guard < 100; guard++) {
    const parent = sectionParentIndex(ctx, i);
    if (parent === undefined) return i;
    i = parent;
  }
  return 0;
}

export function generateCollection(ctx: Context, index: number): JsonObject {
  const r = new Rng(ctx.seed, 'collection', index);
  const f = ctx.faker('collection', index);
  const parent = sectionParentIndex(ctx, index);
  const isSection = parent !== undefined;
  const hc = collectionHelpCenterIndex(ctx, index);
  const name = isSection ? `${f.commerce.productAdjective()} ${f.commerce.product()}` : f.commerce.department() + (ctx.edgeCases && index === 0 ? ' & “Getting started” 🚀' : '');
  const createdAt = ctx.start - r.int(100 * DAY, 600 * DAY);
  const translated: JsonObject = { type: 'group_translated_content' };
  if (hc === 0 && r.chance(0.7)) {
    translated.fr = { type: 'group_content', name: `${name} (fr)`, description: 'Description en français' };
    translated.ar = { type: 'group_content', name: 'مجموعة المساعدة' };
  }
  return {
    id: collectionId(ctx, index),
    workspace_id: ctx.appId,
    name,
    description: r.chance(0.7) ? f.lorem.sentence() : null,
    created_at: createdAt,
    updated_at: createdAt + r.int(0, 90 * DAY),
    url: `${helpCenterUrl(ctx, hc)}/en/${isSection ? 'section' : 'collection'}s/${collectionId(ctx, index)}-${slug(name)}`,
    icon: r.pick(['book-bookmark', 'chat-bubble', 'bookmark', 'cog', null]),
    order: isSection ? index - ctx.size.collections + 1 : index + 1,
    default_locale: 'en',
    translated_content: translated,
    parent_id: isSection ? collectionId(ctx, parent) : null,
    help_center_id: isSection ? null : Number(helpCenterId(ctx, hc)),
  };
}

export function articleId(ctx: Context, index: number): string {
  return String(ctx.ids.article + index);
}

/** Collection/section indexes an article sits in (possibly several, possibly none). */
export function articleParentIndexes(ctx: Context, index: number): number[] {
  const n = collectionCount(ctx);
  if (n === 0) return [];
  const r = new Rng(ctx.seed, 'article-parents', index);
  if (ctx.edgeCases) {
    if (index === EDGE_ARTICLE.noParent) return [];
    if (index === EDGE_ARTICLE.severalParents) return [0, ctx.size.collections].filter((i) => i < n);
    if (index === EDGE_ARTICLE.secondHelpCenter) return ctx.size.collections > 1 ? [1] : [0];
    if (index === EDGE_ARTICLE.multilingualLinked) return [0];
  }
  if (r.chance(0.08)) return [];
  return r.sample(n, r.chance(0.1) ? 2 : 1);
}

function articleHelpCenterIndex(ctx: Context, index: number): number {
  const parents = articleParentIndexes(ctx, index);
  return parents.length ? collectionHelpCenterIndex(ctx, parents[0]) : 0;
}

export function articleState(ctx: Context, index: number): 'published' | 'draft' {
  if (ctx.edgeCases && index === EDGE_ARTICLE.draft) return 'draft';
  if (ctx.edgeCases && index < 6) return 'published';
  return new Rng(ctx.seed, 'article-state', index).chance(0.2) ? 'draft' : 'published';
}

/** Public URL of a published article (null for drafts). */
export function articleUrl(ctx: Context, index: number, title: string, locale = 'en'): string | null {
  if (articleState(ctx, index) === 'draft') return null;
  return `${helpCenterUrl(ctx, articleHelpCenterIndex(ctx, index))}/${locale}/articles/${articleId(ctx, index)}-${slug(title)}`;
}

export function articleTitle(ctx: Context, index: number, locale = 'en'): string {
  const f = ctx.localeFaker(locale, 'article-title', index);
  const title = f.lorem.sentence({ min: 3, max: 7 }).replace(/\.$/, '');
  if (locale === 'en' && ctx.edgeCases && index === EDGE_ARTICLE.nastyBody) return `How to fix "Error 0x80070005" & other <issues> — FAQ ✅`;
  if (locale === 'en') {
    const e = ctx.faker('article', 'title', index);
    return `How to ${e.hacker.verb()} the ${e.hacker.noun()}`;
  }
  return title;
}

/** The article (retrieve shape) at `index`; statistics added by `withStatistics`. */
export function generateArticle(ctx: Context, index: number, authorIds: number[], liveTags: JsonObject[], articleCount: number): JsonObject {
  const r = new Rng(ctx.seed, 'article', index);
  const edge = ctx.edgeCases;
  const state = articleState(ctx, index);
  const createdAt = ctx.start - r.int(30 * DAY, 500 * DAY);
  const updatedAt = createdAt + r.int(0, 25 * DAY);
  const author = authorIds.length ? r.pick(authorIds) : 0;
  const title = articleTitle(ctx, index);
  let img = 0;
  let fileNo = 0;
  const linkTarget = (): string | undefined => {
    for (let tries = 0; tries < 20 && articleCount > 1; tries++) {
      const other = edge && index === EDGE_ARTICLE.multilingualLinked && tries === 0 ? EDGE_ARTICLE.severalParents : r.int(0, articleCount - 1);
      if (other === index) continue;
      const url = articleUrl(ctx, other, articleTitle(ctx, other));
      if (url) return url;
    }
    return undefined;
  };
  const sources = {
    image: () => embeddableUrl(ctx, randomImage(ctx, r, 'article-img', index, img++)),
    file: () => {
      const spec = fileNo === 0 && edge && index === EDGE_ARTICLE.multilingualLinked
        ? fixedFile(ctx, 'pdf', 120_000, 'Setup guide (EN).pdf', 'article-file', index, fileNo++)
        : randomFile(ctx, r, 'article-file', index, fileNo++);
      return { url: embeddableUrl(ctx, spec), name: spec.name };
    },
    articleUrl: linkTarget,
  };
  const features = (locale: string): HtmlFeature[] => {
    if (edge && index === EDGE_ARTICLE.nastyBody && locale === 'en') return ['link', 'image', 'code', 'list', 'table', 'emoji', 'rtl', 'brokenEntity', 'articleLink', 'fileLink'];
    if (edge && index === EDGE_ARTICLE.multilingualLinked) return ['articleLink', 'image', 'fileLink'];
    return randomFeatures(r, ['link', 'image', 'code', 'list', 'table', 'articleLink', 'fileLink', 'emoji']);
  };
  const locales: string[] = ['en'];
  if (edge && index === EDGE_ARTICLE.multilingualLinked) locales.push('fr', 'de', 'ar', 'ja');
  else if (articleHelpCenterIndex(ctx, index) === 0) for (const l of ARTICLE_LOCALES.slice(1)) if (r.chance(0.2)) locales.push(l);

  const translated: JsonObject = { type: 'article_translated_content' };
  let body = '';
  for (const locale of locales) {
    const f = ctx.localeFaker(locale, 'article-body', index);
    const localeBody = htmlBody(f, r, features(locale), sources);
    const localeTitle = articleTitle(ctx, index, locale);
    const localeState = locale === 'en' ? state : r.chance(0.8) ? state : 'draft';
    const content: JsonObject = {
      type: 'article_content',
      title: localeTitle,
      description: f.lorem.sentence(),
      body: localeBody,
      author_id: author,
      state: localeState,
      created_at: createdAt,
      updated_at: updatedAt,
    };
    const url = localeState === 'published' ? articleUrl(ctx, index, localeTitle, locale) : null;
    if (url) content.url = url;
    translated[locale] = content;
    if (locale === 'en') body = localeBody;
  }
  const tagCount = liveTags.length && (r.chance(0.3) || (edge && index === EDGE_ARTICLE.nastyBody)) ? r.int(1, 2) : 0;
  return {
    type: 'article',
    id: articleId(ctx, index),
    workspace_id: ctx.appId,
    title,
    description: r.chance(0.8) ? ctx.faker('article', 'desc', index).lorem.sentence() : '',
    body,
    author_id: author,
    state,
    created_at: createdAt,
    updated_at: updatedAt,
    url: articleUrl(ctx, index, title),
    parent_ids: articleParentIndexes(ctx, index).map((c) => Number(collectionId(ctx, c))),
    default_locale: 'en',
    translated_content: translated,
    tags: { type: 'tag.list', tags: r.sample(liveTags.length, tagCount).map((t) => ({ type: 'tag', id: liveTags[t].id, name: liveTags[t].name })) },
  };
}

/** `article_statistics` for a retrieve. */
export function articleStatistics(ctx: Context, index: number): JsonObject {
  const r = new Rng(ctx.seed, 'article-stats', index);
  const happy = r.int(0, 100);
  const neutral = r.int(0, 100 - happy);
  return {
    type: 'article_statistics',
    views: r.int(0, 50_000),
    conversions: r.int(0, 500),
    reactions: r.int(0, 900),
    happy_reaction_percentage: happy,
    neutral_reaction_percentage: neutral,
    sad_reaction_percentage: 100 - happy - neutral,
  };
}

export function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
}
