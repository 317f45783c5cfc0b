/**
 * What both conversions of a body (turndown's and the fast path's) produce besides markdown: the
 * mentions, put into the markdown as placeholder tokens (private-use characters, never escaped) and
 * split out at the end, and the inline files, each once.
 */
import { inlineFileId } from './attachment-ids';
import { contentTypeFromName, fileNameFromUrl } from './files';
import type { RichTextContext, RichTextResult } from './rich-text';
import type { NormalizedAttachment, RichText, RichTextMention } from './types';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const TOKEN = /\uE000(\d+)\uE001/g;
/** The characters of the tokens (and NUL): input text must not contain them (convertWithTurndown replaces them). */
export const TOKEN_CHARACTERS = /[\uE000\uE001\u0000]/g;

export class MentionsAndFiles {
  private readonly mentions: RichTextMention[] = [];
  private readonly attachments = new Map<string, NormalizedAttachment>();

  constructor(private readonly ctx: RichTextContext) {}

  /** The placeholder of a mention, to put in the markdown. */
  token(mention: RichTextMention): string {
    return `${OPEN}${this.mentions.push(mention) - 1}${CLOSE}`;
  }

  /** The placeholder of a teammate mention; `text` is the element's text (`@Ann Lee`). */
  adminToken(id: string, text: string): string {
    const name = text.trim().replace(/^@/, '') || this.ctx.adminNames?.[id] || `admin ${id}`;
    return this.token({ ref_type: 'admins', id, fallback_record_name: name });
  }

  /** The artifact mention of an inline image or linked file, recording its attachment once. */
  file(url: string, what: 'img' | 'file', label: string): RichTextMention {
    const id = inlineFileId(this.ctx.owner, what, url);
    const fileName = fileNameFromUrl(url) ?? (label || (what === 'img' ? 'image' : 'file'));
    if (!this.attachments.has(id)) {
      const att: NormalizedAttachment = { id, url, file_name: fileName, parent_id: this.ctx.parentId, inline: true };
      const type = contentTypeFromName(fileName);
      if (type) att.content_type = type;
      if (this.ctx.authorId) att.author_id = this.ctx.authorId;
      this.attachments.set(id, att);
    }
    return { ref_type: 'artifact', id, fallback_record_name: fileName };
  }

  /** `![alt](artifact mention)` for an http(s) image. */
  imageMarkdown(src: string, alt: string): string {
    return `![${alt.replace(/([\\[\]])/g, '\\$1')}](${this.token(this.file(src, 'img', alt))})`;
  }

  /** The markdown split on the placeholders, with the mentions in their place, and the files. */
  result(markdown: string): RichTextResult {
    const richText: RichText = [];
    let last = 0;
    for (const match of markdown.matchAll(TOKEN)) {
      const before = markdown.slice(last, match.index);
      if (before) richText.push(before);
      richText.push(this.mentions[Number(match[1])]!);
      last = match.index! + match[0].length;
    }
    const rest = markdown.slice(last);
    if (rest) richText.push(rest);
    return { richText, attachments: [...this.attachments.values()] };
  }
}
