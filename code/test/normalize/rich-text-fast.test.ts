/**
 * The fast path for simple bodies (paragraphs, line breaks, bold and italic, plain web links) gives exactly what the
 * turndown conversion gives: on a hand-written corpus of chat bodies, on random bodies built from
 * those pieces, and on every body of a generated workspace. turndown is the ground truth here.
 */
import { createWorkspace } from '../../src/emulators/intercom/workspace';
import { convertWithTurndown, htmlToRichText, type RichTextContext } from '../../src/normalize';
import { simpleParagraphs, turndownEscape } from '../../src/normalize/rich-text-fast';

const ctx: RichTextContext = { owner: { kind: 'part', id: '1' }, parentId: '1' };
const taken = (html: string, links = false) => simpleParagraphs(html, turndownEscape, { links }) !== null;
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

  it('gives what turndown gives on bodies with plain web links, and is taken for them', () => {
    const bodies = [
      '<p>See <a href="https://docs.acme.io/start?ref=intercom&amp;utm_source=chat" target="_blank" rel="nofollow noopener noreferrer">the guide</a> for details.</p>',
      '<p><a href="http://x.io">x</a></p>',
      '<p>Two: <a href="https://a.io/p#frag">one</a> and <a href="https://b.io" class="intercom-content-link">two</a><br>done</p>',
      '<p><a href="https://x.io/_under_*star*?a=1&amp;b=2&amp;amp;c">[bracket] *text* _x_</a></p>',
      '<p>spaced   <a href="https://x.io/a-b">two  words</a>   after</p><p>next</p>',
      '<p><b>bold</b> <a href="https://x.io">link</a></p>',
    ];
    for (const html of bodies) {
      expect([html, taken(html, true)]).toEqual([html, true]);
      same(html);
    }
    // By hand, for the first: the href's `&amp;` is decoded, the text escaped.
    expect(htmlToRichText(bodies[0]!, ctx).richText).toEqual(['See [the guide](https://docs.acme.io/start?ref=intercom&utm_source=chat) for details.']);
  });

  it('leaves to turndown the links that are mentions, files, unsafe, or need escaping', () => {
    const helpCtx: RichTextContext = { ...ctx, helpCenterUrls: ['https://help.acme.com'] };
    for (const html of [
      '<p><a href="https://intercom.help/acme/en/articles/123-setup">setup</a></p>',
      '<p><a href="https://help.acme.com/en/articles/55-billing">billing</a></p>',
      '<p><a href="https://app.intercom.com/a/apps/abc/admins/5">Ann</a> look</p>',
      '<p><a href="https://APP.INTERCOM.COM/a/apps/abc/admins/5">Ann</a></p>',
      '<p><a href="javascript:alert(1)">x</a></p>',
      '<p><a href="https://x.io/a(b)">x</a></p>',
      '<p><a href="https://x.io/a b">x</a></p>',
      '<p><a href="https://x.io/?a=1&lt;2">x</a></p>',
      '<p><a href="https://x.io" data-mention-id="5">x</a></p>',
      '<p><a href="https://x.io" title="t">x</a></p>',
      '<p><a href="https://x.io"> padded </a></p>',
      '<p><a href="https://x.io"><b>x</b></a></p>',
      '<p><a href="https://x.io"></a>empty</p>',
      '<p><a target="_blank" href="https://x.io">x</a></p>',
    ]) {
      expect([html, taken(html, true)]).toEqual([html, false]);
      expect([html, htmlToRichText(html, helpCtx)]).toEqual([html, convertWithTurndown(html, helpCtx)]);
    }
    // In an article body a link may be an Intercom-hosted file: no fast path for its links.
    const articleCtx: RichTextContext = { owner: { kind: 'article', id: '9' }, parentId: '9', fileHosts: ['files.acme.io'] };
    const fileLink = '<p><a href="https://files.acme.io/report.pdf">report</a></p>';
    expect(htmlToRichText(fileLink, articleCtx).attachments.map((a) => a.url)).toEqual(['https://files.acme.io/report.pdf']);
  });

  it('gives what turndown gives on random bodies made of paragraphs, breaks, marks and markdown-special text', () => {
    const words = ['a', 'Zq', ' ', '  ', '\n', '\t', '*', '_', '#', '-', '+', '1.', '2)', '[', ']', '`', '>', '~', '|', '\\', '!', '=', 'é', '😀', '.', '\u00a0'];
    const inline = ['<br>', '<br/>', '<b>w</b>', '<strong>w w</strong>', '<i>w</i>', '<em>w*</em>', '<b>_</b>', '<a href="https://x.io/w?q=1&amp;r=w">w</a>'];
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
      if (taken(html, true)) fast++;
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
