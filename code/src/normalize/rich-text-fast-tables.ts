/**
 * Simple tables on the rich-text fast path: rows of `<th>`/`<td>` cells holding plain text, as the
 * table rules of `rich-text-dom.ts` convert them (first row + `| --- |` line, cells trimmed, pipes
 * escaped). E.g. `<table><thead><tr><th>Plan</th><th>Seats</th></tr></thead><tbody><tr><td colspan="2">
 * Pro</td></tr></tbody></table>` → `| Plan | Seats |\n| --- | --- |\n| Pro |` (the rules ignore colspan).
 */

/**
 * A table without whitespace between its tags (the parser would keep it as text nodes), an optional
 * `<thead>` then `<tbody>` (or bare rows), each cell one non-blank run of `cellText` (a blank cell
 * is a blank element: turndown does not call the cell rule for it) with `colspan`/`rowspan` at most.
 */
export function tablePattern(cellText: string): string {
  const attrs = '(?:[ \\t\\r\\n\\f]+(?:colspan|rowspan)="\\d+")*';
  const cell = (name: string) => `<${name}${attrs}>${cellText}<\\/${name}>`;
  const rows = `(?:<tr>(?:${cell('th')}|${cell('td')})+<\\/tr>)+`;
  return `<table>(?:<thead>${rows}<\\/thead><tbody>${rows}<\\/tbody>|<tbody>${rows}<\\/tbody>|${rows})<\\/table>`;
}

const ROW = /<tr>([\s\S]*?)<\/tr>/g;
const CELL = /<t[hd][^>]*>([^<]*)<\/t[hd]>/g;

/** The markdown of a table that matched tablePattern; `escape` is turndown's, for each cell's text. */
export function tableMarkdown(table: string, escape: (text: string) => string): string {
  const lines: string[] = [];
  for (const [, row] of table.matchAll(ROW)) {
    const cells = [...row!.matchAll(CELL)].map(([, text]) => escape(text!.replace(/[ \t\r\n]+/g, ' ')).trim().replace(/\|/g, '\\|'));
    lines.push(`| ${cells.join(' | ')} |`);
    if (lines.length === 1) lines.push(`|${' --- |'.repeat(cells.length)}`);
  }
  return lines.join('\n');
}
