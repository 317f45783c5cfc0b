import { parse, type HTMLElement, type Node } from 'node-html-parser';
import type { JsonObject } from './workspace/types';

const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'tr', 'table']);

/**
 * `display_as=plaintext`: HTML rendered as text, links as `label (url)`, images dropped,
 * block elements on their own lines.
 */
export function htmlToPlaintext(html: string): string {
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out.push(node.text);
      return;
    }
    const el = node as HTMLElement;
    const tag = el.rawTagName?.toLowerCase();
    if (tag === 'br') return void out.push('\n');
    if (tag === 'img' || tag === 'script' || tag === 'style') return;
    if (tag === 'a') {
      const label = el.text.trim();
      const href = el.getAttribute('href');
      out.push(href && href !== label ? `${label} (${href})` : label);
      return;
    }
    el.childNodes.forEach(walk);
    if (tag && BLOCKS.has(tag)) out.push('\n');
  };
  walk(parse(html));
  return out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A retrieved conversation with the bodies and subjects of its source and parts as plain text. */
export function conversationAsPlaintext(conversation: JsonObject): JsonObject {
  const textOf = (o: JsonObject | undefined, field: string) => {
    if (o && typeof o[field] === 'string') o[field] = htmlToPlaintext(o[field] as string);
  };
  const source = conversation.source as JsonObject | undefined;
  textOf(source, 'body');
  textOf(source, 'subject');
  const parts = (conversation.conversation_parts as { conversation_parts?: JsonObject[] } | undefined)?.conversation_parts ?? [];
  for (const part of parts) textOf(part, 'body');
  return conversation;
}
