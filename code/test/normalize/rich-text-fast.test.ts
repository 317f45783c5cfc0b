/**
 * The fast path for simple bodies (paragraphs, line breaks, bold and italic) gives exactly what the
 * turndown conversion gives: on a hand-written corpus of chat bodies, on random bodies built from
 * those pieces, and on every body of a generated workspace. turndown is the ground truth here.
 */
import { createWorkspace } from '../../src/emulators/intercom/workspace';
import { convertWithTurndown, htmlToRichText, type RichTextContext } from '../../src/normalize';
import { simpleParagraphs, turndownEscape } from '../../src/normalize/rich-text-fast';

const ctx: RichTextContext = { owner: { kind: 'part', id: '1' }, parentId: '1' };
const taken = (html: string) => simpleParagraphs(html, turndownEscape) !== null;
const same = (html: string) => expect([html, htmlToRichText(html, ctx).richText]).toEqual([html, convertWithTurndown(html, ctx).richText]);

const CORPUS = [
  '<p>Hi <b>Ann</b>,<br>thanks for writing in!</p>',
  '<p class="no-margin">Hello</p><p class="no-margin"></p><p class="no-margin">Kind regards,<br>Ciaran</p>',
  '<p dir="rtl">مرحبا، لدي مشكلة</p>',
  '<p>Try <i>Settings</i> → <strong>Export</strong> then <em>Save</em>.</p>',
  '<p>line one<br/>line two<br />line three</p>',
  '<p>ends with a break<br></p><p>next</p>',
  '<p><br></p><p>after an empty line</p>',
  '<p>  spaced   out  <br>  text  </p>',
  '<p>a<br><br>b</p>',
  '<p><b>**not bold**</b> and <i>_x_</i> 1. [link](x)</p>',
  '<p>- a list?</p><p>1. maybe</p><p># heading?</p><p>+ plus?</p>',
  '<p>word<b>bold</b>word <i>it</i>, <b>x</b></p>',
  '<p>\u00a0</p><p>nbsp\u00a0edge\u00a0</p>',
  '<p><b>\u00a0</b></p>',
  '<p style="margin:0" lang="en">styled</p>',
  '\n<p>a</p>\n\n<p>b</p>\n',
  '<p>\ttabs\tand\nnewlines\r\n</p>',
  '<p>emoji 😀 and ש</p>',
];

describe('the fast path for simple bodies', () => {
  it('gives what turndown gives on a hand-written corpus of chat bodies, and is taken for them', () => {
    for (const html of CORPUS) same(html);
    // Each of those, but the ones with a no-break space, is simple enough.
    expect(CORPUS.filter((html) => !taken(html))).toEqual(['<p>\u00a0</p><p>nbsp\u00a0edge\u00a0</p>', '<p><b>\u00a0</b></p>']);
  });

  it('is not taken for entities, links, other tags or attributes that matter', () => {
    for (const html of ['<p>a &amp; b</p>', '<p><a href="https://x.io">x</a></p>', '<div>x</div>', '<p data-mention-id="1">x</p>',
      '<p><b> padded </b></p>', '<p><b><i>nested</i></b></p>', '<P>upper</P>', '<p>x</p>tail', "<p dir='rtl'>x</p>", '<p>\u000cff</p>']) {
      expect([html, taken(html)]).toEqual([html, false]);
      same(html);
    }
  });

  it('gives what turndown gives on random bodies made of paragraphs, breaks, marks and markdown-special text', () => {
    const words = ['a', 'Zq', ' ', '  ', '\n', '\t', '*', '_', '#', '-', '+', '1.', '2)', '[', ']', '`', '>', '~', '|', '\\', '!', '=', 'é', '😀', '.', '\u00a0'];
    const inline = ['<br>', '<br/>', '<b>w</b>', '<strong>w w</strong>', '<i>w</i>', '<em>w*</em>', '<b>_</b>'];
    const opens = ['<p>', '<p dir="auto">', '<p class="no-margin">'];
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let fast = 0;
    for (let i = 0; i < 600; i++) {
      const paragraphs = Array.from({ length: 1 + rand(3) }, () => {
        const pieces = Array.from({ length: rand(10) }, () =>
          rand(4) === 0 ? inline[rand(inline.length)]!.replace(/w/g, () => words[rand(words.length)]!) : words[rand(words.length)]!);
        return `${opens[rand(opens.length)]}${pieces.join('')}</p>`;
      });
      const html = paragraphs.join(rand(2) ? '\n' : '');
      if (taken(html)) fast++;
      same(html);
    }
    expect(fast).toBeGreaterThan(200);
  });

  it("gives what turndown gives on every body of a generated workspace's conversations", () => {
    const ws = createWorkspace({ seed: 5, size: { conversations: 50 }, fileBaseUrl: 'http://127.0.0.1:4010' });
    let bodies = 0;
    for (const { id } of ws.conversationIndex()) {
      const conversation = ws.conversation(id, { withParts: true }) as { source?: { body?: string }; conversation_parts: { conversation_parts: Array<{ body?: string | null }> } };
      for (const body of [conversation.source?.body, ...conversation.conversation_parts.conversation_parts.map((p) => p.body)]) {
        if (!body) continue;
        bodies++;
        same(body);
      }
    }
    expect(bodies).toBeGreaterThan(500);
  });
});
