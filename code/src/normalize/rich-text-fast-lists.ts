/**
 * Simple lists on the rich-text fast path: `<ul>`/`<ol>` without attributes whose items hold plain
 * text, optionally followed by one nested list, as turndown's list rules write them: `-   ` or
 * `1.  ` before each item, items on their own lines, a nested list on the next line indented by its
 * item's prefix. E.g. `<ul><li>Plans<ol><li>Pro</li></ol></li></ul>` → `-   Plans\n    1.  Pro`.
 */

/** Nesting the pattern accepts (each level multiplies its size). */
const MAX_DEPTH = 3;

/** A list of items of `itemText` (a non-blank run: a blank item is a blank element, not the rule's) nested up to MAX_DEPTH. */
export function listPattern(itemText: string, depth = MAX_DEPTH): string {
  const nested = depth > 1 ? `(?:${listPattern(itemText, depth - 1)})?` : '';
  return `<(?:ul|ol)>(?:<li>${itemText}${nested}<\\/li>)+<\\/(?:ul|ol)>`;
}

const TAG = /<(\/?)(ul|ol|li)>|[^<]+/g;

interface Item {
  text: string;
  nested?: List;
}
interface List {
  ordered: boolean;
  items: Item[];
}

/** The markdown of a list that matched listPattern; `escape` is turndown's, for each item's text. */
export function listMarkdown(html: string, escape: (text: string) => string): string {
  const tokens = [...html.matchAll(TAG)];
  let at = 0;
  const list = (): List => {
    const ordered = tokens[at++]![2] === 'ol';
    const items: Item[] = [];
    while (tokens[at]![2] === 'li' && tokens[at]![1] === '') {
      at++;
      const item: Item = { text: escape(tokens[at++]![0].replace(/[ \t\r\n]+/g, ' ')) };
      if (tokens[at]![2] !== 'li') item.nested = list();
      at++; // </li>
      items.push(item);
    }
    at++; // </ul> or </ol>
    return { ordered, items };
  };
  return render(list());
}

function render(list: List): string {
  return list.items
    .map((item, index) => {
      const prefix = list.ordered ? `${index + 1}.  ` : '-   ';
      const content = item.nested ? `${item.text}\n${render(item.nested)}` : item.text;
      return prefix + content.replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
    })
    .join('\n');
}
