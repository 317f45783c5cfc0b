/**
 * HTML bodies as Intercom stores them, with the nasty parts a converter must survive: links,
 * inline images on signed URLs, @-mentions, code blocks, lists, tables, emoji, right-to-left
 * text and broken entities.
 */
import type { Faker } from '@faker-js/faker';
import type { Rng } from '../random';
import { escapeHtml } from '../../../text/escape';

export type HtmlFeature =
  | 'link' | 'image' | 'mention' | 'code' | 'list' | 'table' | 'emoji' | 'rtl' | 'brokenEntity' | 'articleLink' | 'fileLink';

export const ALL_HTML_FEATURES: HtmlFeature[] = ['link', 'image', 'mention', 'code', 'list', 'table', 'emoji', 'rtl', 'brokenEntity', 'articleLink', 'fileLink'];

/** What a body may point at; absent providers disable their feature. */
export interface HtmlSources {
  /** A new inline image URL (unsigned, with the signing marker). */
  image?: () => string;
  /** A new linked file: URL (unsigned, with the signing marker) and a label. */
  file?: () => { url: string; name: string };
  admins?: Array<{ id: string; name: string | null }>;
  /** Public URL of another article. */
  articleUrl?: () => string | undefined;
}

const EMOJI = ['🎉', '👍', '🔥', '😅', '🚀', '✅', '❤️', '🙏🏽', '👩‍💻'];


function block(feature: HtmlFeature, f: Faker, r: Rng, src: HtmlSources): string | undefined {
  switch (feature) {
    case 'link':
      return `<p>See <a href="https://${f.internet.domainName()}/docs?ref=intercom&amp;utm_source=chat" target="_blank" rel="nofollow noopener noreferrer">${escapeHtml(f.lorem.words(3))}</a> for details.</p>`;
    case 'image': {
      if (!src.image) return undefined;
      return `<div class="intercom-container"><img src="${src.image()}" alt="screenshot" width="${r.int(100, 800)}"></div>`;
    }
    case 'fileLink': {
      if (!src.file) return undefined;
      const file = src.file();
      return `<p>Download: <a href="${file.url}">${escapeHtml(file.name)}</a></p>`;
    }
    case 'mention': {
      if (!src.admins || src.admins.length === 0) return undefined;
      const a = r.pick(src.admins);
      return `<p><a class="intercom-mention" data-mention-id="${a.id}" data-mention-type="admin" href="#">@${escapeHtml(a.name ?? 'teammate')}</a> can you take a look?</p>`;
    }
    case 'code':
      return `<pre><code>const total = items.reduce((a, b) =&gt; a + b.price, 0);\nif (total &lt; 0 &amp;&amp; flag) {\n  throw new Error("negative &lt;total&gt;");\n}</code></pre><p>Inline <code>npm run build --prod</code> too.</p>`;
    case 'list':
      return `<ul><li>${escapeHtml(f.lorem.sentence())}</li><li>${escapeHtml(f.lorem.words(4))}<ol><li>nested step</li><li>another step</li></ol></li></ul>`;
    case 'table':
      return `<table><thead><tr><th>Plan</th><th>Seats</th><th>Price</th></tr></thead><tbody><tr><td>Pro</td><td>${r.int(1, 50)}</td><td>$${r.int(10, 999)}.00</td></tr><tr><td colspan="2">Total</td><td>—</td></tr></tbody></table>`;
    case 'emoji':
      return `<p>${escapeHtml(f.lorem.sentence())} ${r.pick(EMOJI)}${r.pick(EMOJI)} 🇩🇪</p>`;
    case 'rtl':
      return `<p dir="rtl">مرحبا، لدي مشكلة في تسجيل الدخول — שלום, יש לי בעיה (order #${r.int(1000, 9999)})</p>`;
    case 'brokenEntity':
      return `<p>Price &euro 20 &amp;amp; tax &#xZZ; &copy2024 &notanentity; AT&T <3 & more</p>`;
    case 'articleLink': {
      const url = src.articleUrl?.();
      if (!url) return undefined;
      return `<p>Our guide explains it: <a href="${escapeHtml(url)}">${escapeHtml(f.lorem.words(3))}</a>.</p>`;
    }
  }
}

/**
 * A body of one or more paragraphs plus each requested feature (features whose source is missing
 * are left out). Always non-empty.
 */
export function htmlBody(f: Faker, r: Rng, features: HtmlFeature[], src: HtmlSources): string {
  const parts: string[] = [`<p>${escapeHtml(f.lorem.sentences(r.int(1, 3)))}</p>`];
  for (const feature of features) {
    const html = block(feature, f, r, src);
    if (html) parts.push(html);
  }
  return parts.join('');
}

/** Random features for an ordinary body: mostly plain, sometimes a few nasty bits. */
export function randomFeatures(r: Rng, allowed: HtmlFeature[] = ALL_HTML_FEATURES): HtmlFeature[] {
  if (r.chance(0.55)) return [];
  return allowed.filter(() => r.chance(0.18));
}
