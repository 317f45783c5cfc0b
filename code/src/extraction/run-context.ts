/**
 * What a run reads once at its start: the workspace (`/me`), Intercom's clock, and the context
 * every normalizer call needs (admin and team names, help-center URLs, custom attribute
 * definitions, ticket types' attributes included). Stored in the connector state so later invocations do not read it again.
 */
import {
  IntercomAuthError, IntercomNotFoundError, retryLaterSeconds, IntercomRequestError, type IntercomClient,
} from '../intercom';
import {
  AdminSchema, ConversationAttributeSchema, DataAttributeSchema, HelpCenterSchema, MeSchema, TeamSchema, validItems, workspaceOfMe, type IntercomMe,
} from '../intercom/schemas';
import { helpCenterBaseUrls } from '../normalize/help-centers';
import type { CustomAttributeDefinition } from '../normalize/types';
import type { MeAnswer } from '../connection/connection';
import type { ExtractionOptions } from '../connection/options';
import type { IntercomRegion } from '../intercom/regions';
import type { RunContext } from './state';
import { readTicketAttributeDefinitions } from './ticket-attributes';

/** Intercom's workspace as `/me` describes it. */
export interface Workspace {
  id: string;
  name: string;
  region: string;
  timezone: string;
}

/** What a run takes from `/me`: the workspace, and Intercom's clock (the answer's `Date` header). */
export interface WorkspaceAndClock {
  workspace: Workspace;
  serverNow: number | undefined;
}

/** The workspace and clock of a `/me` answer read with its headers. */
export function workspaceAndClockOf({ data, headers }: MeAnswer): WorkspaceAndClock {
  const date = headers.date;
  const ms = typeof date === 'string' ? Date.parse(date) : NaN;
  return { workspace: workspaceOf(data), serverNow: Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined };
}

/** Reads `/me` for its workspace and clock. */
export async function readWorkspaceAndClock(client: IntercomClient): Promise<WorkspaceAndClock> {
  return workspaceAndClockOf(await client.getWithHeaders('/me', { schema: MeSchema, kind: 'me' }));
}

/**
 * The newest `updated_at` Intercom holds right now (conversations and contacts, newest first, one
 * item each): a moment that is surely not later than Intercom's clock. Undefined when nothing is
 * readable (empty workspace, no plan for conversations).
 */
export async function newestStamp(client: IntercomClient): Promise<number | undefined> {
  const probes: Array<Promise<unknown>> = [
    client.get('/conversations', { query: { per_page: 1 } }).then((r) => (r as { conversations?: unknown[] }).conversations?.[0]),
    client.post('/contacts/search', {
      query: { field: 'updated_at', operator: '>', value: 0 },
      pagination: { per_page: 1 },
      sort: { field: 'updated_at', order: 'descending' },
    }, { idempotent: true }).then((r) => (r as { data?: unknown[] }).data?.[0]),
  ];
  // Both at once: neither waits for the other's latency.
  const firsts = await Promise.all(probes.map((probe) => probe.catch((error: unknown) => {
    if (error instanceof IntercomAuthError && error.reason === 'credentials') throw error;
    if (retryLaterSeconds(error) !== undefined) throw error;
    return undefined; // A probe that fails otherwise only makes the start time less precise.
  })));
  const stamps = firsts.map((first) => (first as { updated_at?: unknown } | undefined)?.updated_at).filter((t): t is number => typeof t === 'number');
  return stamps.length > 0 ? Math.max(...stamps) : undefined;
}

/**
 * The time a run starts, as Intercom's clock sees it, erring early: the `Date` header of its
 * answer, our own clock, and the newest stamp Intercom holds, whichever is earliest. An early start
 * only makes the next sync re-read a little more; a late one would lose changes made in between.
 * (The newest stamp matters where the server's clock is not the one its objects are stamped with,
 * as in the emulator, whose clock moves only with its mutations.)
 */
export function runStartTime(serverNow: number | undefined, newest: number | undefined, localNowMs: number = Date.now()): number {
  const candidates = [Math.floor(localNowMs / 1000), serverNow, newest].filter((t): t is number => t !== undefined);
  return Math.min(...candidates);
}

/** The workspace of a `/me` answer; a run reads Intercom's times as UTC where the workspace names no time zone. */
export function workspaceOf(me: IntercomMe): Workspace {
  const workspace = workspaceOfMe(me);
  return { ...workspace, timezone: workspace.timezone ?? 'UTC' };
}

type Model = 'contact' | 'company' | 'conversation';

/** The definitions of a `/data_attributes` or `/conversations/attributes` answer. */
function toDefinitions(list: unknown, schema: typeof DataAttributeSchema | typeof ConversationAttributeSchema): CustomAttributeDefinition[] {
  return validItems(list, 'data', schema).map((a) => ({
    name: a.name,
    data_type: a.data_type,
    label: 'label' in a && typeof a.label === 'string' ? a.label : null,
    description: a.description?.slice(0, 200) ?? null,
    custom: 'custom' in a && typeof a.custom === 'boolean' ? a.custom : true,
  }));
}

/**
 * Custom attribute definitions of one model. Conversations: 2.16 moved them to
 * `/conversations/attributes` (`/data_attributes?model=conversation` answers 422 there); older
 * servers (and simple emulators) still serve the data-attributes form, so that is the fallback.
 */
export async function readAttributeDefinitions(client: IntercomClient, model: Model): Promise<CustomAttributeDefinition[]> {
  if (model !== 'conversation') {
    return toDefinitions(await client.get('/data_attributes', { query: { model } }), DataAttributeSchema);
  }
  try {
    return toDefinitions(await client.get('/conversations/attributes'), ConversationAttributeSchema).map((d) => ({ ...d, custom: true }));
  } catch (error) {
    // Only "this server has no such endpoint" falls back; waits, auth and server errors go up.
    if (!(error instanceof IntercomNotFoundError) && !(error instanceof IntercomRequestError)) throw error;
    return toDefinitions(await client.get('/data_attributes', { query: { model } }), DataAttributeSchema);
  }
}

/** Only the custom ones: standard attributes never appear in `custom_attributes`. */
const customOnly = (defs: CustomAttributeDefinition[]) => defs.filter((d) => d.custom !== false);

/** Id → name of the named items of a list answer. */
function namesById(items: Array<{ id: string; name?: string | null }>): Record<string, string> {
  return Object.fromEntries(items.flatMap((o) => (typeof o.name === 'string' ? [[o.id, o.name]] : [])));
}

/** The custom attribute definitions of contacts, companies, conversations and tickets, read at once. */
export async function readCustomAttributes(client: IntercomClient): Promise<RunContext['customAttributes']> {
  const [contacts, companies, conversations, tickets] = await Promise.all([
    readAttributeDefinitions(client, 'contact'),
    readAttributeDefinitions(client, 'company'),
    readAttributeDefinitions(client, 'conversation'),
    readTicketAttributeDefinitions(client),
  ]);
  return { contacts: customOnly(contacts), companies: customOnly(companies), conversations: customOnly(conversations), tickets };
}

/**
 * Reads everything the normalizers of a run need, every request at once (none depends on another);
 * the run's start time (`observedAt`) is the caller's to add, as it may be read at the same time.
 * `customAttributes`: the definitions the metadata phase of this run read (not read again).
 * `answers` receives the raw `/admins` and `/teams` answers, which the data loop lists again
 * moments later (see `answers-read-before.ts`).
 */
export async function readRunContext(
  client: IntercomClient,
  workspace: Workspace,
  options: ExtractionOptions & { region: IntercomRegion },
  extraFileHosts: string[],
  reuse: { customAttributes?: RunContext['customAttributes']; answers?: Map<string, unknown> } = {},
): Promise<Omit<RunContext, 'observedAt'>> {
  const [admins, teams, helpCenters, customAttributes] = await Promise.all([
    client.get('/admins'),
    client.get('/teams'),
    client.get('/help_center/help_centers'),
    reuse.customAttributes ?? readCustomAttributes(client),
  ]);
  reuse.answers?.set('/admins', admins);
  reuse.answers?.set('/teams', teams);
  return {
    appId: workspace.id,
    region: options.region,
    contactReferenceField: options.contactReferenceField,
    customAttributes,
    adminNames: namesById(validItems(admins, 'admins', AdminSchema)),
    teamNames: namesById(validItems(teams, 'teams', TeamSchema)),
    helpCenterUrls: helpCenterBaseUrls(validItems(helpCenters, 'data', HelpCenterSchema)),
    fileHosts: extraFileHosts,
  };
}

/** Thrown when the "Contact reference ID" option names an attribute the workspace does not have. */
export class ContactReferenceFieldError extends Error {
  override name = 'ContactReferenceFieldError';
}

/** Checks the "Contact reference ID" option against the workspace's contact attributes. */
export function checkContactReferenceField(field: string, contactAttributes: CustomAttributeDefinition[]): void {
  if (field === '') return;
  const custom = customOnly(contactAttributes).map((d) => d.name);
  if (custom.includes(field)) return;
  const known = custom.length > 0 ? custom.map((n) => `"${n}"`).join(', ') : '(none: the workspace has no custom contact attributes)';
  throw new ContactReferenceFieldError(
    `Import option "Contact reference ID" names the contact attribute "${field}", which this Intercom workspace does not have. ` +
      `Known custom contact attributes: ${known}. Change the option (or leave it empty to use Intercom's contact ids).`,
  );
}
