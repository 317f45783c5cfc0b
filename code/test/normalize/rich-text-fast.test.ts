/**
 * The fast path for simple bodies (paragraphs, line breaks, bold and italic, plain web links) gives exactly what the
 * turndown conversion gives: on a hand-written corpus of chat bodies, on random bodies built from
 * those pieces, and on every body of a generated workspace. turndown is the ground truth here.
 */
import { createWorkspace } from '../../src/emulators/intercom/workspace';
import { convertWithTurndown, htmlToRichText, paragraphWithTurndown, type RichTextContext } from '../../src/normalize';
import { simpleParagraphs, turndownEscape } from '../../src/normalize/rich-text-fast';
import { MentionsAndFiles } from '../../src/normalize/rich-text-mentions';

const ctx: RichTextContext = { owner: { kind: 'part', id: '1' }, parentId: '1', authorId: '7', adminNames: { '42': 'Ann Lee' } };
const taken = (html: string, links = false) => simpleParagraphs(html, turndownEscape, { links }) !== null;
/** Taken with mentions and images too (what htmlToRichText asks for). */
const takenWithMentions = (html: string) => simpleParagraphs(html, turndownEscape, { links: true, out: new MentionsAndFiles(ctx) }) !== null;
const same = (html: string) => expect([html, htmlToRichText(html, ctx)]).toEqual([html, convertWithTurndown(html, ctx)]);

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

  it('gives what turndown gives on teammate mentions and images alone in a div, and is taken for them', () => {
    const img = 'https://files.acme.io/downloads/png-1/Screen%20Shot.png?expires=1&signature=ab&amp;x=1';
    const bodies = [
      '<p><a class="intercom-mention" data-mention-id="995326723" data-mention-type="admin" href="#">@Jettie Raynor</a> can you take a look?</p>',
      '<p>Hi <a data-mention-id="42" href="#">@</a>, and <a data-mention-type="teammate" data-mention-id="5" class="m">@Bo  Li</a>!</p>',
      `<p>Before</p><div class="intercom-container"><img src="${img}" alt="screen [1]" width="295"></div>\n<p>after</p>`,
      `<div><img alt="" src="${img}" height="3" /></div><div><img src="${img}"></div>`,
      '<p>See <a href="https://x.io/docs">the docs</a>, <a class="intercom-mention" data-mention-id="7" href="#">@Ann</a>.</p>',
    ];
    for (const html of bodies) {
      expect([html, takenWithMentions(html)]).toEqual([html, true]);
      same(html);
    }
    // By hand: the mention's name drops its @, an empty one takes the admin's name, and an image is one attachment however often it appears.
    expect(htmlToRichText(bodies[1]!, ctx).richText).toEqual([
      'Hi ', { ref_type: 'admins', id: '42', fallback_record_name: 'Ann Lee' }, ', and ',
      { ref_type: 'admins', id: '5', fallback_record_name: 'Bo Li' }, '!',
    ]);
    const { richText, attachments } = htmlToRichText(bodies[3]!, ctx);
    const file = { ref_type: 'artifact', id: 'part-1-img-' + attachments[0]!.id.slice(-16), fallback_record_name: 'Screen Shot.png' };
    expect(richText).toEqual(['![](', file, ')\n\n![](', file, ')']);
    expect(attachments).toEqual([{ id: file.id, url: 'https://files.acme.io/downloads/png-1/Screen%20Shot.png?expires=1&signature=ab&x=1',
      file_name: 'Screen Shot.png', content_type: 'image/png', parent_id: '1', author_id: '7', inline: true }]);
  });

  it('leaves to turndown the mentions and images it cannot take whole', () => {
    for (const html of [
      '<p><a class="intercom-mention" data-admin-id="5" data-mention-id="6" href="#">@Ann</a></p>',
      '<p><a data-mention-id="5" href="https://app.intercom.com/a/apps/x/admins/6">@Ann</a></p>',
      '<p><a data-mention-id="5" data-mention-type="team" href="#">@Ann</a></p>',
      '<p><a data-mention-id="5" data-mention-type="Admin" href="#">@Ann</a></p>',
      '<p><a data-mention-id="5" data-mention-id="6" href="#">@Ann</a></p>',
      '<p><a data-mention-id="5" href="#"> @Ann </a></p>',
      '<p><a data-mention-id="5" href="#">@Ann &amp; Bo</a></p>',
      '<p><a class="data-mention-id=" href="#">@Ann</a></p>',
      '<p><span data-mention-id="5">@Ann</span></p>',
      '<div><img src="data:image/png;base64,AAAA" alt="x"></div>',
      '<div><img class="emoji" src="https://x.io/e.png" alt="😀"></div>',
      '<div><img src="https://x.io/a.png" alt="a &amp; b"></div>',
      '<div><img src="https://x.io/a.png?a=1&copy_x=2"></div>',
      '<div><img src="https://x.io/a.png" src="https://x.io/b.png"></div>',
      '<div><img alt="no source"></div>',
      '<div> <img src="https://x.io/a.png"></div>',
      '<div><img src="https://x.io/a.png"><img src="https://x.io/b.png"></div>',
      '<p><img src="https://x.io/a.png"></p>',
      '<img src="https://x.io/a.png">',
    ]) {
      expect([html, takenWithMentions(html)]).toEqual([html, false]);
      same(html);
    }
  });

  it('gives what turndown gives on simple tables, and is taken for them', () => {
    const bodies = [
      '<table><thead><tr><th>Plan</th><th>Seats</th><th>Price</th></tr></thead><tbody><tr><td>Pro</td><td>44</td><td>$75.00</td></tr><tr><td colspan="2">Total</td><td>—</td></tr></tbody></table>',
      '<p>Before</p><table><tbody><tr><td>a | b</td><td>1. *x*   _y_</td></tr></tbody></table><p>after</p>',
      '<table><tr><th rowspan="2">- item</th></tr><tr><td>#  tag</td><td>[x]\n(y)</td></tr></table>',
    ];
    for (const html of bodies) {
      expect([html, takenWithMentions(html)]).toEqual([html, true]);
      same(html);
    }
    expect(htmlToRichText(bodies[0]!, ctx).richText).toEqual(['| Plan | Seats | Price |\n| --- | --- | --- |\n| Pro | 44 | $75.00 |\n| Total | — |']);
    for (const html of [
      '<table><tr><td></td><td>x</td></tr></table>',
      '<table><tr><td> </td></tr></table>',
      '<table>\n<tr><td>x</td></tr></table>',
      '<table><tr><td><b>x</b></td></tr></table>',
      '<table><tr><td>a &amp; b</td></tr></table>',
      '<table><thead><tr><th>x</th></tr></thead></table>',
      '<table border="1"><tr><td>x</td></tr></table>',
      '<table><tr><td style="x">x</td></tr></table>',
      '<table><tr><td>x</td></tr><table><tr><td>y</td></tr></table></table>',
      '<table><caption>c</caption><tr><td>x</td></tr></table>',
    ]) {
      expect([html, takenWithMentions(html)]).toEqual([html, false]);
      same(html);
    }
  });

  it('gives what turndown gives on lists of plain-text items, and is taken for them', () => {
    const ten = Array.from({ length: 11 }, (_, i) => `<li>step ${i}</li>`).join('');
    const bodies = [
      '<ul><li>Clamo thermae cumque supra.</li><li>thesaurus patruus<ol><li>nested step</li><li>another step</li></ol></li></ul>',
      `<p>Steps:</p><ol>${ten}</ol><ol><li>1. one *two*   _x_<ul><li>- y<ol><li># z</li></ol></li></ul></li><li>last</li></ol>`,
      '<ul><li>a\nb</li></ul>\n<ul><li>[c]</li></ul>',
    ];
    for (const html of bodies) {
      expect([html, takenWithMentions(html)]).toEqual([html, true]);
      same(html);
    }
    expect(htmlToRichText(bodies[0]!, ctx).richText).toEqual(['-   Clamo thermae cumque supra.\n-   thesaurus patruus\n    1.  nested step\n    2.  another step']);
    for (const html of [
      '<ol start="3"><li>x</li></ol>',
      '<ul><li class="a">x</li></ul>',
      '<ul><li></li><li>x</li></ul>',
      '<ul>\n<li>x</li></ul>',
      '<ul><li><b>x</b></li></ul>',
      '<ul><li>x<ul><li>y</li></ul>after</li></ul>',
      '<ul><li>x<ul><li>y</li></ul><ul><li>z</li></ul></li></ul>',
      '<ul><li><ul><li>y</li></ul></li></ul>',
      '<ul><li>1<ul><li>2<ul><li>3<ul><li>4</li></ul></li></ul></li></ul></li></ul>',
      '<ul><li>x</li><p>y</p></ul>',
    ]) {
      expect([html, takenWithMentions(html)]).toEqual([html, false]);
      same(html);
    }
  });

  it('gives what turndown gives on code blocks and inline code, and is taken for them', () => {
    const bodies = [
      '<pre><code>const total = items.reduce((a, b) =&gt; a + b.price, 0);\nif (total &lt; 0 &amp;&amp; flag) {\n  throw new Error("negative &lt;total&gt;");\n}</code></pre><p>Inline <code>npm run build --prod</code> too.</p>',
      '<pre><code>\n```\nfenced `inside`\n````x\n  *not* _markdown_ &quot;q&quot; &#39;s\n\n</code></pre>',
      '<p>Run <code>a  *b*\n_c_</code>, <b>then</b> <code>x</code></p>',
    ];
    for (const html of bodies) {
      expect([html, takenWithMentions(html)]).toEqual([html, true]);
      same(html);
    }
    expect(htmlToRichText(bodies[0]!, ctx).richText).toEqual([
      '```\nconst total = items.reduce((a, b) => a + b.price, 0);\nif (total < 0 && flag) {\n  throw new Error("negative <total>");\n}\n```\n\nInline `npm run build --prod` too.',
    ]);
    for (const html of [
      '<pre>plain pre</pre>',
      '<pre><code class="language-js">x</code></pre>',
      '<pre><code>a&nbsp;b</code></pre>',
      '<pre><code>a\r\nb</code></pre>',
      '<pre><code> \n </code></pre>',
      '<pre><code><b>x</b></code></pre>',
      '<pre>\n<code>x</code></pre>',
      '<p><code>a`b</code></p>',
      '<p><code> x </code></p>',
      '<p><code>a &amp; b</code></p>',
    ]) {
      expect([html, takenWithMentions(html)]).toEqual([html, false]);
      same(html);
    }
  });

  it('hands a paragraph of text with entities to turndown alone and keeps the rest of the body on the fast path', () => {
    const calls: string[] = [];
    const withTurndown = (html: string) => {
      calls.push(html);
      return paragraphWithTurndown(html, ctx);
    };
    const nasty = '<p>Price &euro 20 &amp;amp; tax &#xZZ; &copy2024 &notanentity; AT&T <3 & more</p>';
    const bodies = [
      `<p>Hi <b>Ann</b></p>${nasty}<table><tr><td>a</td></tr></table><p><a class="intercom-mention" data-mention-id="5" href="#">@Bo</a> look</p>`,
      '<p>Q&amp;A: don&#39;t &lt;b&gt; &quot;x&quot;</p>\n<ul><li>one</li></ul><p dir="auto">1 < 2 &gt; 0 &nbsp; a</p>',
      '<p>&nbsp;</p><p>after a blank one</p>',
      '<p>*not* _emphasis_ &amp; # no heading</p><div><img src="https://x.io/a.png" alt="a"></div>',
    ];
    for (const html of bodies) {
      calls.length = 0;
      const fast = simpleParagraphs(html, turndownEscape, { links: true, out: new MentionsAndFiles(ctx), withTurndown });
      expect([html, fast !== null]).toEqual([html, true]);
      same(html);
      // Only the paragraphs with entities went to turndown.
      expect(calls.every((p) => /^<p[^>]*>[^<]*(<[^a-z/!?][^<]*)*<\/p>$/i.test(p))).toBe(true);
    }
    expect(htmlToRichText(bodies[0]!, ctx).richText).toEqual([
      // By hand from HTML's rules: `&euro` needs its `;`, `&copy` and `&not` do not; what reads as an entity is escaped.
      'Hi **Ann**\n\nPrice &euro 20 \\&amp; tax \\&#xZZ; ©2024 ¬anentity; AT&T <3 & more\n\n| a |\n| --- |\n\n',
      { ref_type: 'admins', id: '5', fallback_record_name: 'Bo' }, ' look',
    ]);
    // A trailing no-break space stays amid the body (turndown trims it only at the end of its output).
    same('<p>a&nbsp;</p><p>b</p>');
    expect(htmlToRichText('<p>a&nbsp;</p><p>b</p>', ctx).richText).toEqual(['a\u00a0\n\nb']);
    // Text with entities and markup in one paragraph goes through turndown whole.
    for (const html of ['<p>a &amp; <b>b</b></p>', '<p>a &amp; b<br>c</p>', `${nasty}<p><span>x</span></p>`]) {
      expect([html, simpleParagraphs(html, turndownEscape, { links: true, out: new MentionsAndFiles(ctx), withTurndown })]).toEqual([html, null]);
      same(html);
    }
  });

  it('gives what turndown gives on random bodies made of paragraphs, breaks, marks and markdown-special text', () => {
    const words = ['a', 'Zq', ' ', '  ', '\n', '\t', '*', '_', '#', '-', '+', '1.', '2)', '[', ']', '`', '>', '~', '|', '\\', '!', '=', 'é', '😀', '.', '\u00a0'];
    const inline = ['<br>', '<br/>', '<b>w</b>', '<strong>w w</strong>', '<i>w</i>', '<em>w*</em>', '<b>_</b>', '<a href="https://x.io/w?q=1&amp;r=w">w</a>',
      '<a class="intercom-mention" data-mention-id="42" data-mention-type="admin" href="#">w</a>', '<code>w</code>'];
    const image = '<div class="intercom-container"><img src="https://x.io/w.png?q=w&amp;r=1" alt="w"></div>';
    const list = '<ol><li>w</li><li>w<ul><li>w</li><li>w</li></ul></li></ol>';
    const table = '<table><thead><tr><th>w</th><th>w</th></tr></thead><tbody><tr><td colspan="2">w</td></tr><tr><td>w</td><td>w</td></tr></tbody></table>';
    const opens = ['<p>', '<p dir="auto">', '<p class="no-margin">'];
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let fast = 0;
    for (let i = 0; i < 1000; i++) {
      const paragraphs = Array.from({ length: 1 + rand(3) }, () => {
        const pieces = Array.from({ length: rand(10) }, () =>
          rand(4) === 0 ? inline[rand(inline.length)]!.replace(/w/g, () => words[rand(words.length)]!) : words[rand(words.length)]!);
        if (rand(5) === 0) return image.replace(/w/g, () => words[rand(words.length)]!);
        if (rand(8) === 0) return `<p>${pieces.map((p) => (p.startsWith('<') ? ['&amp;', '&lt;', ' < ', '&nbsp;', '&copy', '&#x41;', '&bogus;'][rand(7)] : p)).join('')}</p>`;
        if (rand(8) === 0) return `<pre><code>${pieces.map((p) => (p.startsWith('<') ? '&lt;' : p)).join('')}</code></pre>`;
        if (rand(6) === 0) return list.replace(/w/g, () => words[rand(words.length)]! + words[rand(words.length)]!);
        if (rand(6) === 0) return table.replace(/w/g, () => words[rand(words.length)]! + words[rand(words.length)]!);
        return `${opens[rand(opens.length)]}${pieces.join('')}</p>`;
      });
      const html = paragraphs.join(rand(2) ? '\n' : '');
      if (takenWithMentions(html)) fast++;
      same(html);
    }
    expect(fast).toBeGreaterThan(100);
  });

  it("gives what turndown gives on every body of a generated workspace's conversations", () => {
    const ws = createWorkspace({ seed: 5, size: { conversations: 50 }, fileBaseUrl: 'http://127.0.0.1:4010' });
    let bodies = 0;
    let fast = 0;
    for (const { id } of ws.conversationIndex()) {
      const conversation = ws.conversation(id, { withParts: true }) as { source?: { body?: string }; conversation_parts: { conversation_parts: Array<{ body?: string | null }> } };
      for (const body of [conversation.source?.body, ...conversation.conversation_parts.conversation_parts.map((p) => p.body)]) {
        if (!body) continue;
        bodies++;
        if (takenWithMentions(body)) fast++;
        same(body);
      }
    }
    expect(bodies).toBeGreaterThan(500);
    // Bodies with a mention or an image (and nothing else turndown alone takes) are among them.
    expect(fast / bodies).toBeGreaterThan(0.75);
  });
});
