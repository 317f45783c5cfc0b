import { z } from 'zod';
import { IntercomId } from './common';
import { appRegionName } from '../regions';

/** The workspace embedded in `/me` (`app.id_code` is the workspace id used in app.intercom.com links). */
export const AppSchema = z.looseObject({
  type: z.string().optional(),
  id_code: z.string().min(1),
  name: z.string().nullish(),
  region: z.string().nullish(),
  timezone: z.string().nullish(),
  created_at: z.number().nullish(),
});
export type IntercomApp = z.infer<typeof AppSchema>;

/** `GET /me`: the admin owning the token plus its workspace. */
export const MeSchema = z.looseObject({
  type: z.string().optional(),
  id: IntercomId,
  name: z.string().nullish(),
  email: z.string().nullish(),
  app: AppSchema,
});
export type IntercomMe = z.infer<typeof MeSchema>;

/** The workspace a `/me` answer describes; a blank name reads as the workspace id. */
export interface IntercomWorkspace {
  id: string;
  name: string;
  region: string;
  timezone?: string;
}

export function workspaceOfMe({ app }: IntercomMe): IntercomWorkspace {
  const workspace: IntercomWorkspace = { id: app.id_code, name: app.name || app.id_code, region: appRegionName(app.region) };
  if (app.timezone) workspace.timezone = app.timezone;
  return workspace;
}
