import * as fs from 'node:fs';
import * as path from 'node:path';
import { HelpCenterSchema } from '../../src/intercom/schemas';
import { helpCenterBaseUrls, type CustomAttributeDefinition, type NormalizeContext } from '../../src/normalize';

/** Root of the recorded-style Intercom responses. */
export const FIXTURES = path.join(__dirname, '../../fixtures/intercom');

/** Parsed JSON of a fixture file, e.g. `fixture('admins/admins.json')`. */
export function fixture<T = any>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, relative), 'utf8')) as T;
}

const defs = (file: string) => fixture<{ data: CustomAttributeDefinition[] }>(`data-attributes/${file}`).data;

/** The context the golden files were written against (names from the admin/team fixtures). */
export function baseContext(): NormalizeContext {
  const admins = fixture<{ admins: Array<{ id?: string; name?: string }> }>('admins/admins.json').admins;
  const teams = fixture<{ teams: Array<{ id: string; name: string }> }>('teams/teams.json').teams;
  return {
    appId: fixture('me/me.json').app.id_code,
    region: 'eu',
    observedAt: '2026-11-26T03:00:00Z',
    customAttributes: {
      contacts: defs('contact.json'), companies: defs('company.json'), conversations: defs('conversation.json'),
      tickets: fixture('tickets/ticket-types.json').data.flatMap((t: { ticket_type_attributes: { ticket_type_attributes: Array<{ name: string; data_type: string; default: boolean }> } }) =>
        t.ticket_type_attributes.ticket_type_attributes.filter((a) => !a.default).map((a) => ({ name: a.name, data_type: a.data_type, custom: true }))),
    },
    adminNames: Object.fromEntries(admins.filter((a) => a.id && a.name).map((a) => [a.id!, a.name!])),
    teamNames: Object.fromEntries(teams.map((t) => [t.id, t.name])),
    helpCenterUrls: helpCenterBaseUrls(fixture('help-centers/help-centers.json').data.map((h: unknown) => HelpCenterSchema.parse(h))),
  };
}
