import TurndownService from 'turndown';
import { boundHtmlDepth } from './html-depth';
import { addTableRules, dom, type DomNode } from './rich-text-dom';
import { simpleParagraphs, turndownEscape } from './rich-text-fast';
import { adminMentionId, articleIdOf, hasUnsafeScheme, isFileLink } from './rich-text-links';
import { MentionsAndFiles, TOKEN_CHARACTERS } from './rich-text-mentions';
import type { NormalizedAttachment, RichText } from './types';

/**
 * Intercom HTML (part bodies, source bodies, article bodies) → DevRev rich text (airdrop-protocol.md §14):
 * CommonMark strings interleaved with mention objects.
 *
 * How: turndown converts the HTML; our own rules turn the special elements into placeholder tokens
 * (private-use characters, which turndown never escapes), and the markdown is then split on them:
 * - `<img src>` → `![alt](` + artifact mention + `)`, plus a NormalizedAttachment with the contract id
 *   (emoji images and `data:` URIs become their alt text: there is nothing to download);
 * - `<a href>` to a help-center article (`…/articles/<id>-slug`) → `<a data-article-id="` + article
 *   mention + `">label</a>` (the form §14 gives for article links inside markdown; the label stays markdown);
 * - in article bodies, `<a href>` to an Intercom-hosted file → `[label](` + artifact mention + `)` plus an attachment;
 * - an @-mention of a teammate → an `admins` mention (forms recognised: any element with
 *   `data-mention-id`/`data-admin-id` whose `data-mention-type`, if present, is admin/teammate; and links to
 *   `app.intercom.com/a/apps/<app>/admins/<id>`);
 * - a link whose scheme is not http(s)/mailto (`javascript:`, `data:` …) → its label only;
 * - tables → GFM pipe tables; `<pre>` without `<code>` → fenced code; `<script>`/`<style>` dropped.
 * Bodies nested deeper than MAX_HTML_DEPTH are unwrapped below that depth first (html-depth.ts).
 * Text that could read as HTML or as an entity in CommonMark (`<b`, `&amp;`) is backslash-escaped so
 * it stays literal text.
 */

/** Who owns the body being converted: decides attachment ids and their parent. */
export interface RichTextContext {
  /** `part` for conversation parts and the source (id = the part's item id), `ticket-part`, `article` for articles. */
  owner: { kind: 'part' | 'ticket-part' | 'article'; id: string };
  /** Item id the attachments hang under (NormalizedAttachment.parent_id). */
  parentId: string;
  /** Author of the body, copied to the attachments. */
  authorId?: string | null;
  /** See NormalizeContext.helpCenterUrls. */
  helpCenterUrls?: string[];
  /** See NormalizeContext.fileHosts. */
  fileHosts?: string[];
  /** Admin id → name, for mention fallbacks. */
  adminNames?: Record<string, string>;
}

/** The converted body and the files it references. */
export interface RichTextResult {
  richText: RichText;
  attachments: NormalizedAttachment[];
}

/** Converts one HTML body. `null`/empty input gives an empty array. Pure: no I/O. */
export function htmlToRichText(html: string | null | undefined, ctx: RichTextContext): RichTextResult {
  if (!html || html.trim() === '') return { richText: [], attachments: [] };
  // Article bodies' links may be Intercom-hosted files (the fileLink rule): they always take turndown.
  const out = new MentionsAndFiles(ctx);
  const withTurndown = (paragraph: string) => paragraphWithTurndown(paragraph, ctx);
  const simple = simpleParagraphs(html, turndownEscape, { links: ctx.owner.kind !== 'article', out, withTurndown });
  if (simple !== null) return out.result(simple);
  return convertWithTurndown(boundHtmlDepth(html), ctx);
}

/**
 * turndown's markdown for a paragraph of text alone (no mentions nor files in it), as it reads amid a
 * body: turndown trims the end of its output, so a paragraph follows that keeps a trailing no-break space.
 */
export function paragraphWithTurndown(paragraph: string, ctx: RichTextContext): string {
  const known = textParagraphs.get(paragraph);
  if (known !== undefined) return known;
  const markdown = convertWithTurndown(`${paragraph}<p>x</p>`, ctx).richText.join('').replace(/\n*x$/, '');
  if (paragraph.length <= MEMO_MAX_CHARS) {
    if (textParagraphs.size >= MEMO_MAX_ENTRIES) textParagraphs.clear();
    textParagraphs.set(paragraph, markdown);
  }
  return markdown;
}

/**
 * A paragraph of text alone (no tags, so no mention, file or link: nothing of the context is read)
 * converts the same every time; the same ones recur (signatures, `<p>&nbsp;</p>` spacers) and each
 * costs a turndown DOM. Bounded: cleared when full, short paragraphs only.
 */
const textParagraphs = new Map<string, string>();
const MEMO_MAX_ENTRIES = 1000;
const MEMO_MAX_CHARS = 2000;

/** The general conversion (htmlToRichText without its fast path); exported so tests can compare the two. */
export function convertWithTurndown(html: string, ctx: RichTextContext): RichTextResult {
  const out = new MentionsAndFiles(ctx);
  const mentionOf = (el: DomNode): string => out.adminToken(adminMentionId(el)!, el.textContent ?? '');

  const service = new TurndownService({
    // Turndown hands elements without text (an empty mention <span>) to this instead of the rules.
    blankReplacement: (_content, node) => {
      const el = dom(node);
      if (adminMentionId(el) !== null) return mentionOf(el);
      return (node as { isBlock?: boolean }).isBlock ? '\n\n' : '';
    },
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    hr: '---',
  });
  const baseEscape = service.escape.bind(service);
  service.escape = (text: string) =>
    baseEscape(text)
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  // Email bodies can be whole documents: their head is not content.
  service.remove(['script', 'style', 'head', 'title', 'meta', 'link', 'noscript', 'template']);

  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const el = dom(node);
      const src = (el.getAttribute('src') ?? '').trim();
      const alt = el.getAttribute('alt') ?? '';
      const isEmoji = /emoji/i.test(el.getAttribute('class') ?? '');
      if (isEmoji || !/^https?:\/\//i.test(src)) return service.escape(alt);
      return out.imageMarkdown(src, alt);
    },
  });

  service.addRule('adminMention', {
    filter: (node) => adminMentionId(dom(node)) !== null,
    replacement: (_content, node) => mentionOf(dom(node)),
  });

  service.addRule('articleLink', {
    filter: (node) => node.nodeName === 'A' && articleIdOf(dom(node), ctx.helpCenterUrls) !== null,
    replacement: (content, node) => {
      const el = dom(node);
      const id = articleIdOf(el, ctx.helpCenterUrls)!;
      const label = (el.textContent ?? '').trim();
      const mention = out.token({ ref_type: 'articles', id, fallback_record_name: label || `article ${id}` });
      // CommonMark parses markdown between inline HTML tags, so the (already converted) content goes as is.
      return `<a data-article-id="${mention}">${content.trim()}</a>`;
    },
  });

  service.addRule('fileLink', {
    filter: (node) =>
      ctx.owner.kind === 'article' && node.nodeName === 'A' && isFileLink((dom(node)).getAttribute('href'), ctx.fileHosts),
    replacement: (content, node) => {
      const href = (dom(node)).getAttribute('href')!.trim();
      const label = content.trim();
      return `[${label}](${out.token(out.file(href, 'file', (dom(node)).textContent ?? ''))})`;
    },
  });

  service.addRule('preWithoutCode', {
    filter: (node) => node.nodeName === 'PRE' && node.firstChild?.nodeName !== 'CODE',
    replacement: (_content, node) => {
      const code = (node.textContent ?? '').replace(/\n$/, '');
      const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
      return `\n\n${fence}\n${code}\n${fence}\n\n`;
    },
  });

  addTableRules(service);

  // Added last, so it wins over every other link rule.
  service.addRule('unsafeLink', {
    filter: (node) => node.nodeName === 'A' && hasUnsafeScheme(dom(node).getAttribute('href')),
    replacement: (content) => content,
  });

  return out.result(service.turndown(html.replace(TOKEN_CHARACTERS, '\uFFFD')));
}

function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
