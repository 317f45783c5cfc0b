/** DevRev rich text (loading side) → Intercom reply HTML. */
import { richTextToHtml, RichTextError } from '../../src/loading/rich-text-html';

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
});
