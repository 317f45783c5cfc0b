/**
 * The fast path of `htmlToRichText` for the most common chat bodies: paragraphs of text with line
 * breaks, bold/italic words and plain web links, e.g. `<p dir="auto">Hi <b>Ann</b>,<br>see
 * <a href="https://x.io/docs" target="_blank">the docs</a>!</p>`. It gives the markdown turndown would
 * give (a test compares the two on many bodies) without building a DOM, which costs about 0.5 ms a
 * body. Anything else (entities in text, other links, other tags or attributes) returns null and goes
 * through turndown.
 *
 * With an `out` (MentionsAndFiles), two more forms are taken: teammate mentions inside paragraphs
 * (`<a class="intercom-mention" data-mention-id="5" data-mention-type="admin" href="#">@Ann</a>`, the
 * adminMention rule's token) and an image alone in a `<div>` (`<div class="intercom-container"><img
 * src="https://…" alt="x" width="9"></div>`, the image rule's `![alt](artifact)` and its attachment),
 * tables of plain-text cells (`rich-text-fast-tables.ts`), lists of plain-text items (`rich-text-fast-lists.ts`),
 * code blocks (`<pre><code>`) and inline code without backticks. A paragraph of other text (entities)
 * goes to turndown alone (`withTurndown`), the rest of the body stays on the fast path.
 *
 * What it reproduces of turndown: whitespace runs collapse to one space, dropped at a paragraph's
 * edges and around `<br>` (`collapseWhitespace`); each text node is escaped on its own; `<br>` is
 * two spaces and a newline; `<b>`/`<strong>` wrap in `**`, `<i>`/`<em>` in `_`; a link is
 * `[text](href)` with `&amp;` in its href decoded; paragraphs are joined by a blank line and empty
 * ones vanish.
 */
import TurndownService from 'turndown';
import { listMarkdown, listPattern } from './rich-text-fast-lists';
import { tableMarkdown, tablePattern } from './rich-text-fast-tables';
import type { MentionsAndFiles } from './rich-text-mentions';

/**
 * A character of text: no markup, entities, placeholder characters or NUL, and no whitespace but
 * the four that turndown collapses (it keeps a no-break space, yet counts it blank at an edge).
 */
const CHAR = '[^<>&\\uE000\\uE001\\u0000\\s]';
const TEXT = `(?:${CHAR}|[ \\t\\r\\n])`;
/** `<p>` with attributes that change nothing in the output (a mention's `data-*` would). */
const P_OPEN = `<p(?:[ \\t\\r\\n\\f]+(?:dir|class|lang|style)="[^"<>&]*")*[ \\t\\r\\n\\f]*>`;
/** Bold or italic around text that starts and ends with a non-space (turndown moves edge spaces out). */
const MARK = `<(?<mark>b|strong|i|em)>${CHAR}(?:${TEXT}*${CHAR})?<\\/\\k<mark>>`;
const BR = '<br[ \\t\\r\\n\\f]*\\/?>';
/** Inline code around text without backticks (the code rule would pad or lengthen its delimiter). */
const CODE_CHAR = '[^<>&\\uE000\\uE001\\u0000\\s`]';
const INLINE_CODE = `<code>${CODE_CHAR}(?:(?:${CODE_CHAR}|[ \\t\\r\\n])*${CODE_CHAR})?<\\/code>`;
/**
 * A code block: `<pre><code>` without attributes around text that is not blank (a blank `<pre>` is a
 * blank element), without `\r` (the parser turns it into `\n`) and whose only entities are
 * `&lt;` `&gt;` `&amp;` `&quot;` `&#39;`.
 */
const CODE_BLOCK = '<pre><code>(?=[^<]*[^\\s<])(?:[^<&\\uE000\\uE001\\u0000\\r]|&(?:lt|gt|amp|quot|#39);)*<\\/code><\\/pre>';
/**
 * A paragraph of text alone (entities allowed; a `<` that starts no tag is text): the fast path hands
 * it to turndown by itself, which costs a fraction of converting the whole body there. A top-level
 * block converts the same alone as among its siblings (each starts and ends its own whitespace run and
 * is joined to the others by a blank line).
 */
const TEXT_PARAGRAPH = `${P_OPEN}(?:[^<\\uE000\\uE001\\u0000]|<(?![A-Za-z/!?]))*<\\/p>`;
const CODE_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };
/**
 * A link that turndown's own rule converts: an http(s) href without characters turndown escapes in a
 * destination (`<>()`, space) nor entities but `&amp;`, only attributes no rule reads, and text that
 * starts and ends with a non-space. `plainWebLinks` checks what the pattern cannot say well.
 */
const HREF = '(https?:\\/\\/[^/?#"<>&()\\\\\\s]+(?:[/?#](?:[^"<>&()\\\\\\s]|&amp;)*)?)';
const LINK = `<a href="${HREF}"(?:[ \\t\\r\\n\\f]+(?:target|rel|class)="[^"<>&]*")*[ \\t\\r\\n\\f]*>${CHAR}(?:${TEXT}*${CHAR})?<\\/a>`;
/**
 * A teammate mention that the adminMention rule converts: `data-mention-id` (digits), a lowercase
 * admin/teammate type, `href="#"` (any other href could be an article or an unsafe link, whose rules
 * come first) and text that starts and ends with a non-space. Each attribute at most once (`attributes`).
 */
const MENTION = `<a(?=[^>]*[ \\t\\r\\n\\f]data-mention-id=")(?:[ \\t\\r\\n\\f]+(?:class="[^"<>&]*"|data-mention-id="\\d+"|data-mention-type="(?:admin|teammate)"|href="#"))+[ \\t\\r\\n\\f]*>${CHAR}(?:${TEXT}*${CHAR})?<\\/a>`;
/**
 * An http(s) image alone in a `<div>`. In its src an `&` is `&amp;` or starts a `name=` query
 * parameter (an attribute's `&copy=` is not a character reference); alt has no markup or entities.
 */
const SRC = '(https?:\\/\\/(?:[^"<>&\\s\\uE000\\uE001\\u0000]|&amp;|&[A-Za-z0-9]+=)+)';
const IMG = `<img(?:[ \\t\\r\\n\\f]+(?:src="${SRC.slice(1, -1)}"|alt="[^"<>&\\uE000\\uE001\\u0000]*"|width="\\d+"|height="\\d+"))+[ \\t\\r\\n\\f]*\\/?>`;
const IMAGE_DIV = `<div(?:[ \\t\\r\\n\\f]+class="[^"<>&]*")?>${IMG}<\\/div>`;
const TABLE = tablePattern(`${CHAR}(?:${TEXT}*${CHAR})?`);
const LIST = listPattern(`${CHAR}(?:${TEXT}*${CHAR})?`);
const inline = (links: boolean, mentions: boolean) =>
  `(?:${TEXT}|${BR}|${MARK}${links ? `|${LINK}` : ''}${mentions ? `|${MENTION}|${INLINE_CODE}` : ''})*`;
const bodyPattern = (links: boolean, mentions: boolean) =>
  new RegExp(`^(?:[ \\t\\r\\n]*(?:${P_OPEN}${inline(links, mentions)}<\\/p>${mentions ? `|${IMAGE_DIV}|${TABLE}|${LIST}|${CODE_BLOCK}|${TEXT_PARAGRAPH}` : ''}))+[ \\t\\r\\n]*$`);
const SIMPLE_BODY = bodyPattern(false, false);
const SIMPLE_BODY_WITH_LINKS = bodyPattern(true, false);
const BODY_WITH_MENTIONS = bodyPattern(false, true);
const BODY_WITH_LINKS_AND_MENTIONS = bodyPattern(true, true);
const BLOCK = new RegExp(`${P_OPEN}(?<paragraph>${inline(true, true)})<\\/p>|(?<image>${IMAGE_DIV})|(?<table>${TABLE})|(?<list>${LIST})|(?<code>${CODE_BLOCK})|(?<text>${TEXT_PARAGRAPH})`, 'g');
const TOKEN = /<br[^>]*>|<(b|strong|i|em|code)>([^<]*)<\/\1>|<a([^>]*)>([^<]*)<\/a>|[^<]+/g;
const ATTRIBUTE = /([a-z-]+)="([^"]*)"/g;

const DELIMITER: Record<string, string> = { b: '**', strong: '**', i: '_', em: '_' };

/**
 * The links of a body are plain web links: none on an Intercom host (a teammate's profile link is a
 * mention) nor with `/articles/` in it (a help-center article link is a mention).
 */
function plainWebLinks(html: string): boolean {
  for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) {
    const host = /^https?:\/\/([^/?#]*)/.exec(href!)?.[1] ?? '';
    if (/intercom/i.test(host) || /\/articles\//i.test(href!)) return false;
  }
  return true;
}

/**
 * The markdown of a simple body, or null when the body is anything else. `links`: whether web links
 * may take the fast path (not in article bodies, where a link to an Intercom-hosted file is a file).
 */
export function simpleParagraphs(
  html: string,
  escape: (text: string) => string,
  o: { links?: boolean; out?: MentionsAndFiles; withTurndown?: (paragraph: string) => string } = {},
): string | null {
  if (!isSimple(html, o.links === true, o.out !== undefined)) return null;
  // Whitespace between paragraphs ends up empty in turndown (trimmed next to a block).
  const output: string[] = [];
  for (const match of html.matchAll(BLOCK)) {
    const { paragraph: inner, image: div, table, list, code, text } = match.groups!;
    if (text !== undefined && !o.withTurndown) return null;
    const markdown =
      text !== undefined ? o.withTurndown!(text)
      : code !== undefined ? codeBlock(code)
      : list !== undefined ? listMarkdown(list, escape)
      : table !== undefined ? tableMarkdown(table, escape)
      : div !== undefined ? image(div, o.out!)
      : paragraph(inner!, escape, o.out);
    if (markdown === null) return null;
    join(output, `\n\n${markdown}\n\n`);
  }
  // turndown's postProcess.
  return output.join('').replace(/^[\t\r\n]+/, '').replace(/[\t\r\n\s]+$/, '');
}

function isSimple(html: string, links: boolean, mentions: boolean): boolean {
  if (SIMPLE_BODY.test(html)) return true;
  const withLinks = links && html.includes('<a ');
  if (withLinks && SIMPLE_BODY_WITH_LINKS.test(html)) return plainWebLinks(html);
  if (!mentions) return false;
  return (withLinks ? BODY_WITH_LINKS_AND_MENTIONS : BODY_WITH_MENTIONS).test(html) && (!withLinks || plainWebLinks(html));
}

type Text = { text: string; mark?: string; href?: string; mention?: string };

/** A paragraph's content: its text nodes after turndown's collapseWhitespace, escaped, and its line breaks. */
function paragraph(inner: string, escape: (text: string) => string, out: MentionsAndFiles | undefined): string | null {
  const pieces: Array<Text | 'br'> = [];
  let prevText: Text | null = null;
  for (const token of inner.matchAll(TOKEN)) {
    if (token[0].startsWith('<br')) {
      if (prevText) prevText.text = prevText.text.replace(/ $/, '');
      prevText = null;
      pieces.push('br');
      continue;
    }
    let href: string | undefined;
    let mention: string | undefined;
    if (token[3] !== undefined) {
      const attrs = attributes(token[3]);
      if (!attrs) return null;
      const admin = attrs.get('data-mention-id');
      if (admin === undefined) href = attrs.get('href')!.replace(/&amp;/g, '&');
      // The rule reads the text after turndown's collapseWhitespace.
      else if (out) mention = out.adminToken(admin, token[4]!.replace(/[ \r\n\t]+/g, ' '));
      else return null;
    }
    let text = (token[2] ?? token[4] ?? token[0]).replace(/[ \r\n\t]+/g, ' ');
    if ((!prevText || prevText.text.endsWith(' ')) && text.startsWith(' ')) text = text.slice(1);
    if (text === '') continue;
    prevText = { text, mark: token[1], href, mention };
    pieces.push(prevText);
  }
  if (prevText) prevText.text = prevText.text.replace(/ $/, '');
  const output: string[] = [];
  for (const piece of pieces) {
    if (piece === 'br') join(output, '  \n');
    else join(output, markdownOf(piece, escape));
  }
  return output.join('');
}

/** Attributes of a tag (as the patterns above allow them), or null when one is repeated. */
function attributes(tag: string): Map<string, string> | null {
  const found = new Map<string, string>();
  for (const [, name, value] of tag.matchAll(ATTRIBUTE)) {
    if (found.has(name!)) return null;
    found.set(name!, value!);
  }
  return found;
}

/** The image rule's markdown for an image div, or null when an attribute is repeated or src missing. */
function image(div: string, out: MentionsAndFiles): string | null {
  const attrs = attributes(/<img([^>]*)>/.exec(div)![1]!);
  const src = attrs?.get('src');
  if (!attrs || src === undefined) return null;
  return out.imageMarkdown(src.replace(/&amp;/g, '&'), attrs.get('alt') ?? '');
}

/** turndown's fencedCodeBlock: a fence of three backticks, longer than any run of them that starts a line of the code. */
function codeBlock(html: string): string {
  const code = html.slice('<pre><code>'.length, -'</code></pre>'.length).replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => CODE_ENTITIES[e]!);
  let size = 3;
  for (const [run] of code.matchAll(/^`{3,}/gm)) size = Math.max(size, run.length + 1);
  const fence = '`'.repeat(size);
  return `${fence}\n${code.replace(/\n$/, '')}\n${fence}`;
}

function markdownOf(piece: Text, escape: (text: string) => string): string {
  if (piece.mention !== undefined) return piece.mention;
  if (piece.mark === 'code') return `\`${piece.text}\``;
  if (piece.href !== undefined) return `[${escape(piece.text)}](${piece.href})`;
  return piece.mark ? `${DELIMITER[piece.mark]}${escape(piece.text)}${DELIMITER[piece.mark]}` : escape(piece.text);
}

/** turndown's `join`: appends a replacement, keeping at most two newlines between the two. */
function join(output: string[], replacement: string): void {
  const tail = output.pop() ?? '';
  const s1 = tail.replace(/\n+$/, '');
  const s2 = replacement.replace(/^\n+/, '');
  const separator = '\n\n'.substring(0, Math.max(tail.length - s1.length, replacement.length - s2.length));
  if (s1) output.push(s1);
  if (separator) output.push(separator);
  if (s2) output.push(s2);
}

/** turndown's own escaping, for the fast path of callers without overrides. */
export const turndownEscape = (text: string): string => TurndownService.prototype.escape(text);
