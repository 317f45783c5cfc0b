/**
 * What a link or an element in Intercom HTML points to: a teammate mention, a help-center article,
 * an Intercom-hosted file, or an unsafe scheme that rich text must not keep.
 */
import { isIntercomFileHost } from '../intercom/file-hosts';
import type { DomNode } from './rich-text-dom';

const ARTICLE_PATH = /\/articles\/(\d+)(?:-[^/?#]*)?\/?$/;
const ADMIN_PROFILE_PATH = /\/a\/apps\/[^/]+\/admins\/(\d+)\/?/;

/** Link schemes kept in DevRev rich text; a link with any other scheme keeps only its label. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The id of the teammate an element mentions, or null. */
export function adminMentionId(el: DomNode): string | null {
  if (typeof el.getAttribute !== 'function') return null;
  const type = (el.getAttribute('data-mention-type') ?? '').toLowerCase();
  const explicit = el.getAttribute('data-admin-id') ?? el.getAttribute('data-mention-id');
  if (explicit && (type === '' || type === 'admin' || type === 'teammate') && /^\d+$/.test(explicit.trim())) {
    return explicit.trim();
  }
  if (el.nodeName === 'A') {
    const url = parseUrl(el.getAttribute('href'));
    if (url && /^app(\.(eu|au))?\.intercom\.(com|io)$/i.test(url.hostname)) {
      const m = ADMIN_PROFILE_PATH.exec(url.pathname);
      if (m) return m[1]!;
    }
  }
  return null;
}

/**
 * The article id a link points to, or null. Relative links and links under one of `helpCenterUrls`
 * count; without any `helpCenterUrls`, links on `*.intercom.help` count too.
 */
export function articleIdOf(el: DomNode, helpCenterUrls: string[] | undefined): string | null {
  const href = (el.getAttribute('href') ?? '').trim();
  if (!href || href.startsWith('#')) return null;
  const isRelative = !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');
  const url = parseUrl(href, 'http://relative.invalid');
  if (!url) return null;
  const match = ARTICLE_PATH.exec(url.pathname);
  if (!match) return null;
  if (isRelative) return match[1]!;
  if (helpCenterUrls && helpCenterUrls.length > 0) {
    const full = `${url.protocol}//${url.host}${url.pathname}`.toLowerCase();
    const under = helpCenterUrls.some((base) => {
      const b = base.replace(/\/+$/, '').replace(/^https?:/i, url.protocol).toLowerCase();
      return full.startsWith(b + '/');
    });
    return under ? match[1]! : null;
  }
  return /(^|\.)intercom\.help$/i.test(url.hostname) ? match[1]! : null;
}

/** True when `href` is a file on an Intercom file host (or one of `extraHosts`). */
export function isFileLink(href: string | null, extraHosts: string[] | undefined): boolean {
  const url = parseUrl(href);
  if (!url || !/^https?:$/.test(url.protocol)) return false;
  const host = url.hostname.toLowerCase();
  if (extraHosts?.some((h) => h.toLowerCase() === host || h.toLowerCase() === url.host.toLowerCase())) return true;
  return isIntercomFileHost(host);
}

function parseUrl(href: string | null | undefined, base?: string): URL | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base);
  } catch {
    return null;
  }
}

/**
 * True when `href` names a scheme other than http(s)/mailto (`javascript:`, `data:`, `vbscript:` …).
 * Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`), so they are
 * removed before it is read. Relative links have no scheme and are kept.
 */
export function hasUnsafeScheme(href: string | null): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec((href ?? '').replace(/[\u0000-\u0020\u007f]/g, ''))?.[1];
  return scheme !== undefined && !SAFE_SCHEMES.has(scheme.toLowerCase());
}
