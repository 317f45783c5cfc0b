import type { IntercomArticle, IntercomArticleContent } from '../intercom/schemas';
import { bool, enumOf, many, ref, richText, text, timestamp } from './fields';
import { htmlToRichText, type RichTextContext } from './rich-text';
import type {
  NormalizeContext, NormalizedAttachment, NormalizedItem, RecordTypeDefinition, RichText, StructTypeDefinition,
} from './types';
import { boolOrNull, itemDates, refList, refOrNull, textOrNull, toRfc3339 } from './values';

/**
 * Articles. Translations: the top-level fields hold the default locale (as Intercom's do); every other
 * locale with content becomes one `article_translation` struct in `translations` (body converted to
 * rich text like the main body), and `locales` lists all locales present. A struct keeps the record
 * type small whatever the number of locales (Intercom knows 37).
 */

/** One locale of an article (struct `article_translation`). */
export interface ArticleTranslation {
  locale: string;
  title: string | null;
  description: string | null;
  body: RichText | null;
  state: 'published' | 'draft' | null;
  author_id: string | null;
  url: string | null;
  created_at: string | null;
  updated_at: string | null;
}

const STATES: ReadonlyArray<[string, string]> = [['published', 'Published'], ['draft', 'Draft']];

/** Struct type `article_translation`. */
export const articleTranslationStruct: StructTypeDefinition = {
  name: 'Article translation',
  fields: {
    locale: text('Locale', { is_required: true }),
    title: text('Title'),
    description: text('Description'),
    body: richText('Body'),
    state: enumOf('State', [...STATES]),
    author_id: ref('Author', ['admins']),
    url: text('URL'),
    created_at: timestamp('Created'),
    updated_at: timestamp('Updated'),
  },
};

/** Record type `articles`. */
export const articleRecordType: RecordTypeDefinition = {
  name: 'Article',
  description: 'A help-center article',
  fields: {
    title: text('Title', { is_required: true }),
    description: text('Description'),
    body: richText('Body'),
    state: enumOf('State', [...STATES], { is_required: true }),
    author_id: ref('Author', ['admins']),
    created_by_id: ref('Created by', ['admins']),
    updated_by_id: ref('Updated by', ['admins']),
    parent_ids: many(ref('Collections', ['collections'])),
    locale: text('Locale'),
    locales: many(text('Locales')),
    translations: many({ type: 'struct', name: 'Translations', struct: { key: 'article_translation' } }),
    tag_ids: many(ref('Tags', ['tags'])),
    has_unpublished_changes: bool('Has unpublished changes'),
    help_center_audience: text('Audience'),
    item_url_field: text('Link to the article'),
  },
};

/** What one article turns into. */
export interface NormalizedArticle {
  article: NormalizedItem;
  attachments: NormalizedAttachment[];
}

const stateOf = (s: string | null | undefined) => (s === 'published' || s === 'draft' ? s : null);

/** Article → item plus its inline images and linked Intercom files. Throws on an unknown `state`. */
export function normalizeArticle(article: IntercomArticle, ctx: NormalizeContext): NormalizedArticle {
  const state = stateOf(article.state);
  if (state === null) throw new Error(`state must be "published" or "draft", got ${JSON.stringify(article.state)}`);
  const dates = itemDates(article);
  const authorId = refOrNull(article.author_id);
  const attachments = new Map<string, NormalizedAttachment>();
  const convert = (html: string | null | undefined, author: string | null): RichText | null => {
    const rtCtx: RichTextContext = {
      owner: { kind: 'article', id: article.id },
      parentId: article.id,
      authorId: author,
      helpCenterUrls: ctx.helpCenterUrls,
      fileHosts: ctx.fileHosts,
      adminNames: ctx.adminNames,
    };
    const result = htmlToRichText(html, rtCtx);
    for (const a of result.attachments) {
      if (!attachments.has(a.id)) attachments.set(a.id, { ...a, ...dates });
    }
    return result.richText.length > 0 ? result.richText : null;
  };

  const body = convert(article.body, authorId);
  const translations: ArticleTranslation[] = [];
  const locales: string[] = article.default_locale ? [article.default_locale] : [];
  for (const [locale, content] of Object.entries(article.translated_content ?? {})) {
    if (locale === 'type' || !content || typeof content !== 'object') continue;
    if (!locales.includes(locale)) locales.push(locale);
    if (locale === article.default_locale) continue;
    translations.push(translationOf(locale, content, convert));
  }

  return {
    article: {
      id: article.id, ...dates,
      data: {
        title: article.title,
        description: textOrNull(article.description),
        body,
        state,
        author_id: authorId,
        created_by_id: refOrNull(article.created_by_id),
        updated_by_id: refOrNull(article.updated_by_id),
        parent_ids: refList(article.parent_ids),
        locale: textOrNull(article.default_locale),
        locales,
        translations,
        tag_ids: refList(article.tags?.tags.map((t) => t.id)),
        has_unpublished_changes: boolOrNull(article.has_unpublished_changes),
        help_center_audience: textOrNull(article.help_center_audience),
        item_url_field: textOrNull(article.url),
      },
    },
    attachments: [...attachments.values()],
  };
}

function translationOf(
  locale: string,
  content: NonNullable<IntercomArticleContent>,
  convert: (html: string | null | undefined, author: string | null) => RichText | null,
): ArticleTranslation {
  const author = refOrNull(content.author_id);
  return {
    locale,
    title: textOrNull(content.title),
    description: textOrNull(content.description),
    body: convert(content.body, author),
    state: stateOf(content.state),
    author_id: author,
    url: textOrNull(content.url),
    created_at: toRfc3339(content.created_at),
    updated_at: toRfc3339(content.updated_at),
  };
}
