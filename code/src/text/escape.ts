/**
 * The one home for escaping text that goes into markup: HTML (Intercom reply bodies, the CLI report,
 * the emulator's generated bodies) and CommonMark (DevRev rich text built from names and values).
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text or attribute value (`&`, `<`, `>`, both quotes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Text → CommonMark that renders as exactly that text: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them), so `*`, `_`, `[`, `<`, `&` … stay literal
 * and nothing in the text can open a link, an emphasis or an HTML tag.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
