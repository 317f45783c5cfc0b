/**
 * What the rich-text rules read of turndown's DOM (domino's nodes; the DOM lib is not in our
 * tsconfig), and the rules that turn tables into GFM pipe tables.
 */
import type TurndownService from 'turndown';

/** The parts of a DOM node that the rules read. */
export interface DomNode {
  nodeName: string;
  nodeType: number;
  textContent: string | null;
  parentNode: DomNode | null;
  previousSibling: DomNode | null;
  firstChild: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute(name: string): string | null;
}
export const dom = (node: unknown) => node as DomNode;

/** Tables → GFM pipe tables (the first row is the header row). */
export function addTableRules(service: TurndownService): void {
  service.addRule('tableSection', {
    filter: ['thead', 'tbody', 'tfoot'],
    replacement: (content) => content,
  });
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content, node) => {
      const cell = content.trim().replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|');
      const first = previousElement(node) === null;
      return `${first ? '|' : ''} ${cell} |`;
    },
  });
  service.addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      const table = closest(node, 'TABLE');
      const rows = table ? descendants(table, 'TR') : [];
      let line = `\n${content}`;
      if (rows[0] === node) {
        const columns = elementChildren(node).filter((c) => c.nodeName === 'TH' || c.nodeName === 'TD').length;
        line += `\n|${' --- |'.repeat(Math.max(columns, 1))}`;
      }
      return line;
    },
  });
  service.addRule('table', {
    filter: 'table',
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
}

function previousElement(node: DomNode): DomNode | null {
  let n = node.previousSibling;
  while (n && n.nodeType !== 1) n = n.previousSibling;
  return n;
}

function elementChildren(node: DomNode): DomNode[] {
  const out: DomNode[] = [];
  for (const c of Array.from(node.childNodes)) if (c.nodeType === 1) out.push(c);
  return out;
}

function descendants(node: DomNode, name: string): DomNode[] {
  const out: DomNode[] = [];
  const walk = (n: DomNode) =>
    elementChildren(n).forEach((c) => {
      if (c.nodeName === name) out.push(c);
      // Nested tables keep their own rows.
      if (c.nodeName !== 'TABLE') walk(c);
    });
  walk(node);
  return out;
}

function closest(node: DomNode, name: string): DomNode | null {
  let n = node.parentNode;
  while (n && n.nodeName !== name) n = n.parentNode;
  return n;
}
