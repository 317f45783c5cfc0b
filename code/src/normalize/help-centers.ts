import type { IntercomHelpCenter } from '../intercom/schemas';

/**
 * Base URLs under which links count as links to this workspace's articles (NormalizeContext.helpCenterUrls):
 * each help center's `url` and, when set, its custom domain.
 */
export function helpCenterBaseUrls(helpCenters: IntercomHelpCenter[]): string[] {
  const out: string[] = [];
  for (const hc of helpCenters) {
    if (hc.url) out.push(hc.url.replace(/\/+$/, ''));
    if (hc.custom_domain) {
      const domain = hc.custom_domain.replace(/\/+$/, '');
      out.push(/^https?:\/\//i.test(domain) ? domain : `https://${domain}`);
    }
  }
  return [...new Set(out)];
}
