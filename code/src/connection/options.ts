/**
 * The import options, read from `event.input_data.global_values` (contract §2). Values arrive as
 * strings (or, defensively, booleans); anything unknown is a clear error naming the option.
 */

import { parseRegion, type IntercomRegion } from '../intercom/regions';

/** The options one extraction runs with. */
export interface ExtractionOptions {
  /** false (default): closed conversations only; a conversation closed later arrives with the next sync. */
  importAllConversations: boolean;
  /** Name of a contact custom attribute holding the reference id; '' = Intercom's id. */
  contactReferenceField: string;
  /** The `intercom_region` option: only an override, checked against the region `/me` names; unset → read from `/me`. */
  regionOverride?: IntercomRegion;
  /** Local runs only (see {@link readOptions}): an Intercom emulator's base URL that replaces the regional host. */
  apiBaseUrl?: string;
}

export class OptionsError extends Error {
  override name = 'OptionsError';
}

function parseBool(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === true || value === 'true' || value === 'True' || value === 'TRUE') return true;
  if (value === false || value === 'false' || value === 'False' || value === 'FALSE') return false;
  throw new OptionsError(`Import option "${name}" must be "true" or "false", got ${JSON.stringify(value)}.`);
}

/**
 * Parses the global values of an event into ExtractionOptions. `intercom_api_base_url` is honoured
 * only when `local` (the run was started by our CLI or emulators, which say so in code); on DevRev
 * an event carrying it is refused, so the token can never be sent to a host the event names.
 */
export function readOptions(globalValues: Record<string, unknown> | undefined | null, local = false): ExtractionOptions {
  const g = globalValues ?? {};
  let region: IntercomRegion | undefined;
  try {
    region = parseRegion(typeof g.intercom_region === 'string' ? g.intercom_region : undefined);
  } catch (error) {
    throw new OptionsError(`Import option "intercom_region": ${(error as Error).message}.`);
  }
  const apiBaseUrl = typeof g.intercom_api_base_url === 'string' && g.intercom_api_base_url.trim() !== ''
    ? g.intercom_api_base_url.trim().replace(/\/+$/, '')
    : undefined;
  if (apiBaseUrl !== undefined && !local) {
    throw new OptionsError('Import option "intercom_api_base_url" is honoured in local runs only (the CLI and the emulators); a run on DevRev always calls Intercom\'s regional API host.');
  }
  if (apiBaseUrl !== undefined && !/^https?:\/\//.test(apiBaseUrl)) {
    throw new OptionsError(`Import option "intercom_api_base_url" must be an http(s) URL, got ${JSON.stringify(apiBaseUrl)}.`);
  }
  return {
    importAllConversations: parseBool('import_all_conversations', g.import_all_conversations, false),
    contactReferenceField: typeof g.contact_reference_field === 'string' ? g.contact_reference_field.trim() : '',
    ...(region ? { regionOverride: region } : {}),
    ...(apiBaseUrl ? { apiBaseUrl } : {}),
  };
}
