/**
 * Bounds the nesting depth of an HTML body before it is converted: the converter (turndown and its
 * DOM) recurses once per level, and a body of 100 000 nested elements overflowed the stack. Elements
 * deeper than the limit are unwrapped: their text and images stay, in order, inside the element at
 * the limit; only the markup of the deep levels is lost.
 */
import { HTMLElement, NodeType, parse, TextNode, type Node } from 'node-html-parser';

/** Deepest element nesting that is converted as markup (real message bodies stay far below it). */
export const MAX_HTML_DEPTH = 64;

/** Elements kept when a deep subtree is unwrapped (they carry content, not structure). */
const KEPT_ELEMENTS = new Set(['img', 'br']);
/** Elements without a closing tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/g;

/** `html` with at most `maxDepth` levels of elements; unchanged when it is already that shallow. */
export function boundHtmlDepth(html: string, maxDepth = MAX_HTML_DEPTH): string {
  if (nestingEstimate(html) <= maxDepth) return html;
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true, pre: true, noscript: true } });
  let flattened = false;
  const stack: Array<{ node: HTMLElement; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    for (const child of node.childNodes) {
      if (!(child instanceof HTMLElement)) continue;
      if (depth + 1 < maxDepth) stack.push({ node: child, depth: depth + 1 });
      else if (child.childNodes.length > 0) {
        flattenInto(child);
        flattened = true;
      }
    }
  }
  return flattened ? root.toString() : html;
}

/** Replaces `element`'s children by the text and kept elements of its whole subtree, in order. */
function flattenInto(element: HTMLElement): void {
  const content: Node[] = [];
  const pending: Node[] = [...element.childNodes].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.nodeType === NodeType.TEXT_NODE) content.push(node);
    else if (node instanceof HTMLElement) {
      if (KEPT_ELEMENTS.has(node.rawTagName?.toLowerCase() ?? '')) {
        node.childNodes = [];
        content.push(node);
      } else {
        // Element boundaries separate words (`<div>a</div><div>b</div>` is not "ab").
        content.push(new TextNode(' ', element));
        for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i]!);
      }
    }
  }
  for (const node of content) node.parentNode = element;
  element.childNodes = content;
}

/**
 * An upper estimate of the element nesting (open tags not yet closed, void elements aside), in one
 * linear scan; only a body above the limit pays for the parse. Unclosed `<p>`s only raise it.
 */
function nestingEstimate(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(TAG)) {
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (!VOID_ELEMENTS.has(match[2]!.toLowerCase())) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}
