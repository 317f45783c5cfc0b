/**
 * The fast path of `htmlToRichText` for the most common chat bodies: paragraphs of text with line
 * breaks and bold/italic words, e.g. `<p dir="auto">Hi <b>Ann</b>,<br>thanks!</p>`. It gives the
 * markdown turndown would give (a test compares the two on many bodies) without building a DOM, which
 * costs about 1 ms a body. Anything else (entities, links, other tags or attributes) returns null and
 * goes through turndown.
 *
 * What it reproduces of turndown: whitespace runs collapse to one space, dropped at a paragraph's
 * edges and around `<br>` (`collapseWhitespace`); each text node is escaped on its own; `<br>` is
 * two spaces and a newline; `<b>`/`<strong>` wrap in `**`, `<i>`/`<em>` in `_`; paragraphs are joined
 * by a blank line and empty ones vanish.
 */
import TurndownService from 'turndown';

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
const INLINE = `(?:${TEXT}|${BR}|${MARK})*`;
const SIMPLE_BODY = new RegExp(`^(?:[ \\t\\r\\n]*${P_OPEN}${INLINE}<\\/p>)+[ \\t\\r\\n]*$`);
const PARAGRAPH = new RegExp(`${P_OPEN}(${INLINE})<\\/p>`, 'g');
const TOKEN = /<br[^>]*>|<(b|strong|i|em)>([^<]*)<\/\1>|[^<]+/g;

const DELIMITER: Record<string, string> = { b: '**', strong: '**', i: '_', em: '_' };

/** The markdown of a simple body, or null when the body is anything else. */
export function simpleParagraphs(html: string, escape: (text: string) => string): string | null {
  if (!SIMPLE_BODY.test(html)) return null;
  // Whitespace between paragraphs ends up empty in turndown (trimmed next to a block).
  const output: string[] = [];
  for (const match of html.matchAll(PARAGRAPH)) join(output, `\n\n${paragraph(match[1]!, escape)}\n\n`);
  // turndown's postProcess.
  return output.join('').replace(/^[\t\r\n]+/, '').replace(/[\t\r\n\s]+$/, '');
}

type Text = { text: string; mark?: string };

/** A paragraph's content: its text nodes after turndown's collapseWhitespace, escaped, and its line breaks. */
function paragraph(inner: string, escape: (text: string) => string): string {
  const pieces: Array<Text | 'br'> = [];
  let prevText: Text | null = null;
  for (const token of inner.matchAll(TOKEN)) {
    if (token[0].startsWith('<br')) {
      if (prevText) prevText.text = prevText.text.replace(/ $/, '');
      prevText = null;
      pieces.push('br');
      continue;
    }
    let text = (token[2] ?? token[0]).replace(/[ \r\n\t]+/g, ' ');
    if ((!prevText || prevText.text.endsWith(' ')) && text.startsWith(' ')) text = text.slice(1);
    if (text === '') continue;
    prevText = { text, mark: token[1] };
    pieces.push(prevText);
  }
  if (prevText) prevText.text = prevText.text.replace(/ $/, '');
  const output: string[] = [];
  for (const piece of pieces) {
    if (piece === 'br') join(output, '  \n');
    else join(output, piece.mark ? `${DELIMITER[piece.mark]}${escape(piece.text)}${DELIMITER[piece.mark]}` : escape(piece.text));
  }
  return output.join('');
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
