import { INTERCOM_APP_URLS } from '../intercom/regions';
import type { NormalizeContext } from './types';

/** Base of the Intercom web app for the workspace's region. */
function appBaseUrl(region: NormalizeContext['region']): string {
  return INTERCOM_APP_URLS[region ?? 'us'];
}

const seg = (s: string) => encodeURIComponent(s);

/** Link to a conversation in the Intercom inbox. */
export function conversationUrl(ctx: NormalizeContext, id: string): string {
  return `${appBaseUrl(ctx.region)}/a/inbox/${seg(ctx.appId)}/inbox/conversation/${seg(id)}`;
}

/** Link to a contact's profile (users and leads share the `users` path). */
export function contactUrl(ctx: NormalizeContext, id: string): string {
  return `${appBaseUrl(ctx.region)}/a/apps/${seg(ctx.appId)}/users/${seg(id)}/all-conversations`;
}

/** Link to a company's profile. */
export function companyUrl(ctx: NormalizeContext, id: string): string {
  return `${appBaseUrl(ctx.region)}/a/apps/${seg(ctx.appId)}/companies/${seg(id)}`;
}

/** Link to a teammate's profile. */
export function adminUrl(ctx: NormalizeContext, id: string): string {
  return `${appBaseUrl(ctx.region)}/a/apps/${seg(ctx.appId)}/admins/${seg(id)}`;
}
