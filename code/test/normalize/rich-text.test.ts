import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { convertWithTurndown, htmlToRichText, type RichText, type RichTextContext } from '../../src/normalize';

const partCtx: RichTextContext = { owner: { kind: 'part', id: '17003' }, parentId: '17003', authorId: '6762f0d01bb69f9f2193bb7d' };
const articleCtx: RichTextContext = {
  owner: { kind: 'article', id: '45' },
  parentId: '45',
  authorId: '991267459',
  helpCenterUrls: ['https://intercom.help/acme', 'https://help.acme.test'],
};

/** sha256 prefix computed here, independently of the code under test. */
const hash16 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** Joins strings and renders mentions as {{type:id}}, for readable assertions. */
const flat = (rt: RichText) => rt.map((x) => (typeof x === 'string' ? x : `{{${x.ref_type}:${x.id}}}`)).join('');

describe('htmlToRichText', () => {
  it('gives an empty array for null, empty and blank bodies', () => {
    expect(htmlToRichText(null, partCtx)).toEqual({ richText: [], attachments: [] });
    expect(htmlToRichText('', partCtx).richText).toEqual([]);
    expect(htmlToRichText('   ', partCtx).richText).toEqual([]);
  });

  it('turns an inline image into an artifact mention inside image syntax plus an attachment with the contract id', () => {
    const url = 'https://downloads.intercomcdn.com/i/o/1/ab/photo.jpg';
    const { richText, attachments } = htmlToRichText(`<p>see <img src="${url}?expires=9&amp;sig=z" alt="the photo"></p>`, partCtx);
    const id = `part-17003-img-${hash16(url)}`;
    expect(richText).toEqual(['see ![the photo](', { ref_type: 'artifact', id, fallback_record_name: 'photo.jpg' }, ')']);
    expect(attachments).toEqual([
      {
        id,
        url: `${url}?expires=9&sig=z`,
        file_name: 'photo.jpg',
        parent_id: '17003',
        author_id: '6762f0d01bb69f9f2193bb7d',
        inline: true,
        content_type: 'image/jpeg',
      },
    ]);
  });

  it('gives the same image (query aside) one attachment, and different images different ones', () => {
    const html =
      '<img src="https://downloads.intercomcdn.com/a/x.png?v=1"><img src="https://downloads.intercomcdn.com/a/x.png?v=2"><img src="https://downloads.intercomcdn.com/a/y.png">';
    const { richText, attachments } = htmlToRichText(html, partCtx);
    expect(attachments.map((a) => a.id)).toEqual([
      `part-17003-img-${hash16('https://downloads.intercomcdn.com/a/x.png')}`,
      `part-17003-img-${hash16('https://downloads.intercomcdn.com/a/y.png')}`,
    ]);
    expect(richText.filter((x) => typeof x !== 'string')).toHaveLength(3);
    for (const a of attachments) expect(a.id).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('keeps emoji images and data: images as their alt text, without attachments', () => {
    const html = '<p>ok <img class="intercom-emoji-sub-icon" alt="👍" src="https://js.intercomcdn.com/emoji/1f44d.png"> <img src="data:image/png;base64,AAAA" alt="pasted"></p>';
    const { richText, attachments } = htmlToRichText(html, partCtx);
    expect(flat(richText)).toBe('ok 👍 pasted');
    expect(attachments).toEqual([]);
  });

  it('turns links to help-center articles into article mentions, by the numeric slug prefix', () => {
    const html =
      '<p><a href="https://help.acme.test/en/articles/123-reset-your-password">Reset</a>, ' +
      '<a href="https://intercom.help/acme/fr/articles/77">FR</a>, ' +
      '<a href="/en/articles/9-relative">rel</a>, ' +
      '<a href="https://intercom.help/someone-else/en/articles/5-theirs">other workspace</a>, ' +
      '<a href="https://example.com/en/articles/6-not-ours">external</a></p>';
    const { richText, attachments } = htmlToRichText(html, articleCtx);
    expect(flat(richText)).toBe(
      '<a data-article-id="{{articles:123}}">Reset</a>, <a data-article-id="{{articles:77}}">FR</a>, ' +
        '<a data-article-id="{{articles:9}}">rel</a>, [other workspace](https://intercom.help/someone-else/en/articles/5-theirs), ' +
        '[external](https://example.com/en/articles/6-not-ours)',
    );
    expect(richText.find((x) => typeof x !== 'string')).toEqual({ ref_type: 'articles', id: '123', fallback_record_name: 'Reset' });
    expect(attachments).toEqual([]);
  });

  it('keeps the markdown of an article link label (formatting, images)', () => {
    const html = '<a href="/en/articles/5-x"><b>Bold</b> &amp; <img src="https://downloads.intercomcdn.com/i/o/1/icon.png" alt="i"></a>';
    const { richText, attachments } = htmlToRichText(html, articleCtx);
    const img = `article-45-img-${hash16('https://downloads.intercomcdn.com/i/o/1/icon.png')}`;
    expect(flat(richText)).toBe(`<a data-article-id="{{articles:5}}">**Bold** & ![i]({{artifact:${img}}})</a>`);
    expect(attachments.map((a) => a.id)).toEqual([img]);
  });

  it('without help-center URLs, counts only *.intercom.help and relative article links', () => {
    const html = '<a href="https://intercom.help/acme/en/articles/1-a">a</a> <a href="https://help.acme.test/en/articles/2-b">b</a>';
    expect(flat(htmlToRichText(html, { ...partCtx }).richText)).toBe(
      '<a data-article-id="{{articles:1}}">a</a> [b](https://help.acme.test/en/articles/2-b)',
    );
  });

  it('turns links to Intercom files in articles into artifact mentions plus attachments, not in parts', () => {
    const url = 'https://downloads.intercomcdn.com/i/o/601/fedcba/Refund%20policy.pdf';
    const html = `<p>Get the <a href="${url}">policy</a> or <a href="https://example.com/x.pdf">that</a></p>`;
    const article = htmlToRichText(html, articleCtx);
    const id = `article-45-file-${hash16(url)}`;
    expect(flat(article.richText)).toBe(`Get the [policy]({{artifact:${id}}}) or [that](https://example.com/x.pdf)`);
    expect(article.attachments).toEqual([
      { id, url, file_name: 'Refund policy.pdf', parent_id: '45', author_id: '991267459', inline: true, content_type: 'application/pdf' },
    ]);
    expect(htmlToRichText(html, partCtx).attachments).toEqual([]);
  });

  it('honours extra file hosts (the emulator serves files from loopback)', () => {
    const url = 'http://127.0.0.1:4010/files/guide.txt';
    const { attachments } = htmlToRichText(`<a href="${url}">guide</a>`, { ...articleCtx, fileHosts: ['127.0.0.1:4010'] });
    expect(attachments.map((a) => a.id)).toEqual([`article-45-file-${hash16(url)}`]);
  });

  it('turns @-mentions of teammates into admins mentions', () => {
    const html =
      '<p><a class="entity_mention" data-mention-type="admin" data-mention-id="991" href="#">@Ann Lee</a> and ' +
      '<span data-admin-id="992">@Cy</span> and <a href="https://app.eu.intercom.com/a/apps/qz7/admins/993">@Bo</a> but not ' +
      '<span data-mention-type="team" data-mention-id="5">@Billing</span></p>';
    const { richText } = htmlToRichText(html, partCtx);
    expect(richText).toEqual([
      { ref_type: 'admins', id: '991', fallback_record_name: 'Ann Lee' },
      ' and ',
      { ref_type: 'admins', id: '992', fallback_record_name: 'Cy' },
      ' and ',
      { ref_type: 'admins', id: '993', fallback_record_name: 'Bo' },
      ' but not @Billing',
    ]);
  });

  it('keeps a mention element without text, named from the admin names', () => {
    const { richText } = htmlToRichText('<p>hi <span data-mention-id="992"></span></p>', { ...partCtx, adminNames: { '992': 'Cy Dee' } });
    expect(richText).toContainEqual({ ref_type: 'admins', id: '992', fallback_record_name: 'Cy Dee' });
  });

  it('keeps code blocks verbatim, with a longer fence when the code holds backticks', () => {
    const { richText } = htmlToRichText('<pre><code>a &lt;b&gt; *c*\n```\nd</code></pre><pre>x | y</pre>', partCtx);
    expect(flat(richText)).toBe('````\na <b> *c*\n```\nd\n````\n\n```\nx | y\n```');
  });

  it('keeps lists, nesting and inline formatting', () => {
    const { richText } = htmlToRichText('<ol><li>One <b>bold</b></li><li>Two<ul><li><i>sub</i></li></ul></li></ol><p>after <code>x()</code></p>', partCtx);
    expect(flat(richText)).toBe('1.  One **bold**\n2.  Two\n    -   _sub_\n\nafter `x()`');
  });

  it('turns tables into GFM pipe tables, escaping pipes in cells', () => {
    const html = '<table><tr><th>Plan</th><th>Note</th></tr><tr><td>Pro | Team</td><td>line<br>break</td></tr><tr><td>Free</td><td></td></tr></table>';
    expect(flat(htmlToRichText(html, partCtx).richText)).toBe('| Plan | Note |\n| --- | --- |\n| Pro \\| Team | line break |\n| Free |  |');
  });

  it('keeps emoji, RTL text and non-Latin scripts', () => {
    const html = '<p dir="rtl">שלום עולם 🌍 مرحبا</p><p>日本語 &#x1F680;</p>';
    expect(flat(htmlToRichText(html, partCtx).richText)).toBe('שלום עולם 🌍 مرحبا\n\n日本語 🚀');
  });

  it('survives broken entities and markup, and keeps text that looks like HTML literal', () => {
    const html = '<p>AT&T &copy 2024 &bogus; &amp;amp; &lt;script&gt;alert(1)&lt;/script&gt; <b>unclosed';
    expect(flat(htmlToRichText(html, partCtx).richText)).toBe('AT&T © 2024 \\&bogus; \\&amp; \\<script>alert(1)\\</script> **unclosed**');
  });

  it('reads only the body of a whole email document', () => {
    const html = '<html><head><title>Re: order</title><style>p{color:red}</style></head><body><p>Thanks!</p><blockquote><p>On Monday you wrote</p></blockquote></body></html>';
    expect(flat(htmlToRichText(html, partCtx).richText)).toBe('Thanks!\n\n> On Monday you wrote');
  });

  it('drops script and style elements', () => {
    expect(flat(htmlToRichText('<p>a</p><script>evil()</script><style>p{}</style><p>b</p>', partCtx).richText)).toBe('a\n\nb');
  });

  it('neutralises private-use characters that would collide with its placeholders', () => {
    const { richText } = htmlToRichText('<p>x\uE0000\uE001y</p>', partCtx);
    expect(richText.every((x) => typeof x === 'string')).toBe(true);
    expect(flat(richText)).toBe('x\uFFFD0\uFFFDy');
  });
});

describe('the plain-paragraph fast path', () => {
  it('gives exactly what turndown gives, for plain paragraphs full of markdown-special characters', () => {
    const alphabet = ['a', 'Z', ' ', '  ', '\n', '\t', '*', '_', '#', '-', '+', '1.', '2)', '[', ']', '`', '>', '~', '|', '\\', '!', '=', 'é', '😀', 'ש', '.', '(', ')'];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const paragraphs = Array.from({ length: 1 + rand(3) }, () =>
        Array.from({ length: rand(12) }, () => alphabet[rand(alphabet.length)]).join(''),
      );
      const html = paragraphs.map((p) => `<p>${p}</p>`).join(rand(2) ? '\n' : '');
      const fast = htmlToRichText(html, partCtx).richText;
      const slow = convertWithTurndown(html, partCtx).richText;
      expect([html, fast]).toEqual([html, slow]);
    }
  });

  it('is not taken for bodies with markup or entities', () => {
    expect(flat(htmlToRichText('<p>a &amp; <b>b</b></p>', partCtx).richText)).toBe('a & **b**');
  });
});

describe('hostile HTML', () => {
  const fixture = fs.readFileSync(path.join(__dirname, '../../fixtures/bad/html-hostile-links.html'), 'utf8');
  /** The link targets of markdown `[label](target)`, read from the output. */
  const targets = (rt: RichText) => [...flat(rt).matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1]);

  it('keeps only http(s), mailto and relative links; javascript:, data:, vbscript:, file: keep their label only', () => {
    const { richText, attachments } = htmlToRichText(fixture, partCtx);
    expect(targets(richText)).toEqual(['https://example.com/ok?a=1&b=2', 'mailto:help@example.com', '/relative/path']);
    const text = flat(richText);
    expect(text).not.toMatch(/javascript|vbscript|data:|file:|alert\(5\)|onclick/i);
    for (const label of ['here', 'there', 'tabbed', 'spaced', 'data', 'vb', 'file', 'evil image', 'bold']) expect(text).toContain(label);
    expect(attachments).toEqual([]);
  });

  it('converts 100 000 nested elements without overflowing the stack, keeping the text and the image inside', () => {
    const levels = 100_000;
    const url = 'https://downloads.intercomcdn.com/i/o/1/ab/deep.png';
    const html = `<p>before</p>${'<div><span>'.repeat(levels / 2)}deep <img src="${url}" alt="deep image"> text${'</span></div>'.repeat(levels / 2)}<p>after</p>`;
    const { richText, attachments } = htmlToRichText(html, partCtx);
    const text = flat(richText);
    expect(text).toMatch(/^before\s+deep !\[deep image\]\(\{\{artifact:part-17003-img-[0-9a-f]{16}\}\}\) text\s+after$/);
    expect(attachments.map((a) => a.url)).toEqual([url]);
  });

  it('leaves shallow bodies to the converter untouched (nesting at the limit keeps its markup)', () => {
    const html = `${'<blockquote>'.repeat(3)}<p><strong>quoted</strong></p>${'</blockquote>'.repeat(3)}`;
    expect(flat(htmlToRichText(html, partCtx).richText)).toBe('> > > **quoted**');
  });
});
