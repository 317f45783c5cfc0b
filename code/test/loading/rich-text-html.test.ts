/** DevRev rich text (loading side) → Intercom reply HTML. */
import { richTextToHtml, RichTextError } from '../../src/loading/rich-text-html';

const hrefsOf = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

const mention = (name?: string) => ({ ref_type: 'external_user_type', id: 'don:identity:dvrv-us-1:devo/0:devu/3', ...(name !== undefined ? { fallback_record_name: name } : {}) });

describe('richTextToHtml', () => {
  test('paragraphs, line breaks, emphasis, code, links and lists', () => {
    const html = richTextToHtml({
      type: 'rich_text',
      content: ['First **bold** and *it* with `a<b`\nnext line\n\n- one\n- two\n\nsee [docs](https://example.com/x_y_z?a=1&b=2)'],
    });
    expect(html).toBe(
      '<p>First <strong>bold</strong> and <em>it</em> with <code>a&lt;b</code><br>next line</p>' +
      '<ul><li>one</li><li>two</li></ul>' +
      '<p>see <a href="https://example.com/x_y_z?a=1&amp;b=2">docs</a></p>',
    );
  });

  test('underscores inside words are not emphasis', () => {
    expect(richTextToHtml(['set max_parts_count and _this_ and __that__'])).toBe('<p>set max_parts_count and <em>this</em> and <strong>that</strong></p>');
  });

  test('HTML in the text is escaped, never passed through', () => {
    expect(richTextToHtml(['<script>alert(1)</script> & "q"'])).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</p>');
  });

  test('a mention becomes its fallback name, literally (markdown characters in it stay text)', () => {
    expect(richTextToHtml({ type: 'rich_text', content: ['cc ', mention('**Ann_B**'), '!'] })).toBe('<p>cc **Ann_B**!</p>');
    expect(richTextToHtml({ type: 'rich_text', content: ['cc ', mention()] })).toBe('<p>cc don:identity:dvrv-us-1:devo/0:devu/3</p>');
  });

  test('an empty body gives empty HTML; a non-rich-text body is a clear error', () => {
    expect(richTextToHtml({ type: 'rich_text', content: ['  \n\n '] })).toBe('');
    expect(() => richTextToHtml({ text: 'x' })).toThrow(RichTextError);
    expect(() => richTextToHtml({ type: 'rich_text', content: ['ok', 42] })).toThrow(/element 1 is neither text nor a mention/);
  });

  test('only http(s) and mailto links become links; other schemes stay text', () => {
    const html = richTextToHtml([
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:x) [e](file:///etc/passwd) ' +
        '<javascript:alert(3)> [ok](https://example.com/a) [mail](mailto:help@example.com) ![pic](javascript:alert(4)) ![shot](don:core:dvrv-us-1:devo/0:artifact/1)',
    ]);
    expect(hrefsOf(html)).toEqual(['https://example.com/a', 'mailto:help@example.com']);
    expect(html).not.toMatch(/<img|<script/i);
    // A DevRev image (an artifact Intercom cannot read) leaves its alt text, not its markdown.
    expect(html).toContain(' shot</p>');
  });

  test('an image with a web address becomes a link with its (escaped) alt text', () => {
    expect(richTextToHtml(['![<b>chart</b>](https://example.com/c.png)'])).toBe('<p><a href="https://example.com/c.png">&lt;b&gt;chart&lt;/b&gt;</a></p>');
  });

  // The hand-written emphasis regexes took 23–42 s on this (shared) machine for 128 KB of these;
  // markdown-it is linear (about 0.5 s here when idle). The bound is generous: it only catches the
  // quadratic behaviour, never a busy machine.
  test.each(['*a ', '**a ', '*a_ '])('a 128 KB comment of %j converts in well under the old time', (unit) => {
    const text = unit.repeat(Math.ceil(131_072 / unit.length)).slice(0, 131_072);
    const started = process.hrtime.bigint();
    const html = richTextToHtml([text]);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(html.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(6000);
  });
});
