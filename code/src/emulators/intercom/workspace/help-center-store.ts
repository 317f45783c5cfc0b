/**
 * The generated help center: help centers, collections and articles, with the overlay of created,
 * patched and deleted articles, and the articles' signed URLs.
 */
import { signAll } from './attachments';
import { KindCollection, mergePatch } from './collection';
import type { Context } from './context';
import { URL_LIFETIME_SECONDS } from './files';
import { articleId, articleStatistics, EDGE_ARTICLE, collectionCount, generateArticle, generateCollection, generateHelpCenters } from './helpcenter';
import type { People } from './people';
import type { JsonObject } from './types';

export class HelpCenterStore {
  readonly articles: KindCollection<JsonObject>;

  constructor(
    private readonly ctx: Context,
    private readonly people: People,
    /** A live tag by id (deleted tags are left out of articles). */
    private readonly liveTag: (id: string) => JsonObject | undefined,
    private readonly clock: () => number,
  ) {
    this.articles = new KindCollection({
      count: () => ctx.size.articles,
      idOf: (i) => articleId(ctx, i),
      indexOf: (id) => {
        const index = Number(id) - ctx.ids.article;
        return /^\d+$/.test(id) && index >= 0 && index < ctx.size.articles ? index : undefined;
      },
    });
  }

  helpCenters(): JsonObject[] {
    return generateHelpCenters(this.ctx);
  }

  collections(): JsonObject[] {
    return Array.from({ length: collectionCount(this.ctx) }, (_, i) => generateCollection(this.ctx, i));
  }

  collection(id: string): JsonObject | undefined {
    return this.collections().find((c) => c.id === id);
  }

  /** The article with unsigned URLs; undefined if deleted or unknown. */
  rawArticle(id: string): JsonObject | undefined {
    if (!this.articles.exists(id)) return undefined;
    const index = this.articles.index(id);
    const authors = this.people.admins.map((a) => Number(a.id));
    // Edge case: an article written by an admin who has since been deleted.
    if (index === EDGE_ARTICLE.noParent && this.ctx.edgeCases && this.people.deletedAdminIds.length) authors.splice(0, authors.length, Number(this.people.deletedAdminIds[0]));
    const article = index !== undefined
      ? generateArticle(this.ctx, index, authors, this.people.tags, this.ctx.size.articles)
      : structuredClone(this.articles.created.get(id)!);
    mergePatch(article, this.articles.patches.get(id));
    const tagList = article.tags as { tags: JsonObject[] };
    tagList.tags = tagList.tags.filter((t) => this.liveTag(String(t.id)) !== undefined);
    return article;
  }

  article(id: string, withStatistics: boolean): JsonObject | undefined {
    const article = this.rawArticle(id);
    if (!article) return undefined;
    if (withStatistics) article.statistics = articleStatistics(this.ctx, this.articles.index(id) ?? Number(id));
    return signAll(this.ctx, article, this.clock() + URL_LIFETIME_SECONDS);
  }
}
