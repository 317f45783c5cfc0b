/**
 * DevRev rich text (loading side, protocol §14) → the HTML body of an Intercom reply.
 * The content is an array of CommonMark strings and mention objects; a mention becomes its
 * fallback name (Intercom cannot resolve a DevRev DON). The markdown is rendered by markdown-it
 * (linear time on any input, nesting capped at its default 100) with raw HTML off: HTML in the text
 * arrives escaped, and only http(s) and mailto links become links.
 */
import MarkdownIt from 'markdown-it';
import { escapeHtml, escapeMarkdown } from '../text/escape';

/** A mention inside DevRev rich text: `id` is a DevRev DON on the loading side. */
export interface RichTextMention {
  ref_type: string;
  id: string;
  fallback_record_name?: string;
}

/** Thrown for a body that is not rich text; the message names what was found. */
export class RichTextError extends Error {
  override name = 'RichTextError';
}

/** Link targets a customer may be sent to; anything else (javascript:, data:, file: …) stays text. */
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
/** DevRev object links (an artifact, a user): parsed so that only their text is shown. */
const DEVREV_LINK = /^don:/i;

const markdown = new MarkdownIt('default', { html: false, linkify: false, breaks: true });
markdown.validateLink = (url) => SAFE_LINK.test(url.trim()) || DEVREV_LINK.test(url.trim());
// Links cannot nest in CommonMark, so one flag pairs a hidden link's open and close tags.
const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
const defaultLinkClose = markdown.renderer.rules.link_close ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
type RenderEnv = { hiddenLink?: boolean };
const attr = (token: { attrGet(name: string): string | number | null }, name: string) => String(token.attrGet(name) ?? '');
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const state = env as RenderEnv;
  state.hiddenLink = !SAFE_LINK.test(attr(tokens[index]!, 'href'));
  return state.hiddenLink ? '' : defaultLinkOpen(tokens, index, options, env, self);
};
markdown.renderer.rules.link_close = (tokens, index, options, env, self) =>
  (env as RenderEnv).hiddenLink ? '' : defaultLinkClose(tokens, index, options, env, self);
// An image cannot travel in a reply body (DevRev images are artifacts Intercom cannot read): its
// alt text stays, as a link when the source is a web address.
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const alt = escapeHtml(self.renderInlineAsText(token.children ?? [], options, env));
  const src = attr(token, 'src');
  return SAFE_LINK.test(src) ? `<a href="${escapeHtml(src)}">${alt}</a>` : alt;
};

/** The elements of a rich text body: `{type:"rich_text", content}`, a bare array, or a string. */
export function richTextElements(body: unknown): Array<string | RichTextMention> {
  if (typeof body === 'string') return [body];
  const content = Array.isArray(body) ? body : (body as { type?: unknown; content?: unknown } | null)?.content;
  if (!Array.isArray(content)) throw new RichTextError(`body is not rich text (expected {type: "rich_text", content: [...]}, got ${describe(body)})`);
  return content.map((element, index) => {
    if (typeof element === 'string') return element;
    const m = element as Partial<RichTextMention> | null;
    if (m && typeof m === 'object' && typeof m.id === 'string' && typeof m.ref_type === 'string') return m as RichTextMention;
    throw new RichTextError(`body element ${index} is neither text nor a mention (got ${describe(element)})`);
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? `an object with keys ${Object.keys(value as object).join(', ') || '(none)'}` : typeof value;
}

/** Markdown of the whole body, mentions replaced by their (escaped) fallback names. */
export function richTextToMarkdown(body: unknown): string {
  return richTextElements(body)
    .map((e) => (typeof e === 'string' ? e : escapeMarkdown(e.fallback_record_name?.trim() || e.id)))
    .join('');
}

/** HTML for an Intercom reply body; '' when the rich text has no visible text. */
export function richTextToHtml(body: unknown): string {
  const source = richTextToMarkdown(body);
  if (source.trim() === '') return '';
  // markdown-it ends block tags and <br> with a newline; HTML does not need them between tags.
  return markdown.render(source, {} satisfies RenderEnv).replace(/>\n(?=<|$)/g, '>').replace(/<br>\n/g, '<br>').trim();
}
