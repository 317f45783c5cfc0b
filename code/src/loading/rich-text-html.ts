/**
 * DevRev rich text (loading side, protocol §14) → the HTML body of an Intercom reply.
 * The content is an array of CommonMark strings and mention objects; a mention becomes its
 * fallback name (Intercom cannot resolve a DevRev DON). Only the markdown that DevRev comments
 * use is rendered: paragraphs, line breaks, bold, italic, inline code, links, bullet lists.
 */

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

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Backslash-escapes markdown punctuation, so a name like `a_b*c` stays literal. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]()#!<>]/g, (c) => `\\${c}`);
}

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

/** Inline markdown → HTML: escapes, code spans, links, bold, italic. */
function inlineHtml(text: string): string {
  const escapes: string[] = [];
  const keep = (html: string) => `\u0000${escapes.push(html) - 1}\u0000`;
  let out = text
    .replace(/\\([\\`*_[\]()#!<>~-])/g, (_, c: string) => keep(escapeHtml(c)))
    .replace(/`([^`]+)`/g, (_, code: string) => keep(`<code>${escapeHtml(code)}</code>`))
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+|mailto:[^)\s]+)\)/g, (_, label: string, url: string) =>
      keep(`<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`));
  out = escapeHtml(out)
    // `_` emphasis never starts or ends inside a word (snake_case stays as it is), as in CommonMark.
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\p{L}\p{N}])__(?=\S)(.+?)(?<=\S)__(?![\p{L}\p{N}])/gu, (_, a?: string, b?: string) => `<strong>${a ?? b}</strong>`)
    .replace(/\*(?=\S)(.+?)(?<=\S)\*|(?<![\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, (_, a?: string, b?: string) => `<em>${a ?? b}</em>`);
  // eslint-disable-next-line no-control-regex
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => escapes[Number(i)]);
}

/** One block (text between blank lines) → a paragraph or a bullet list. */
function blockHtml(block: string): string {
  const lines = block.split('\n');
  if (lines.every((l) => /^\s*[-*+]\s+/.test(l))) {
    return `<ul>${lines.map((l) => `<li>${inlineHtml(l.replace(/^\s*[-*+]\s+/, ''))}</li>`).join('')}</ul>`;
  }
  return `<p>${lines.map((l) => inlineHtml(l.replace(/ {2,}$/, ''))).join('<br>')}</p>`;
}

/** HTML for an Intercom reply body; '' when the rich text has no visible text. */
export function richTextToHtml(body: unknown): string {
  const markdown = richTextToMarkdown(body).replace(/\r\n?/g, '\n').trim();
  if (markdown === '') return '';
  return markdown
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '')
    .map(blockHtml)
    .join('');
}
