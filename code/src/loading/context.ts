/**
 * What every loader function of one invocation shares, and the one place where an Intercom failure
 * becomes a loading outcome: a wait too long for this invocation, or 429s beyond the retry budget →
 * `delay` (DATA_LOADING_DELAYED);
 * a rejected connection → the run stops with DATA_LOADING_ERROR; anything else → that item failed,
 * with its id and cause, and the run goes on.
 */
import type { ExternalSystemItem, ExternalSystemItemLoadingResponse } from '../adaas';
import { IntercomAuthError, IntercomNotFoundError, retryLaterSeconds, type IntercomClient } from '../intercom';
import type { LoadLedger, LoaderConnectorState } from './ledger';
import { RichTextError } from './rich-text-html';

/** Shared by the create/update functions of one invocation. */
export interface LoadContext {
  client: IntercomClient;
  ledger: LoadLedger;
  state: LoaderConnectorState;
  /** Ends the invocation with DATA_LOADING_ERROR (the connection must be fixed); never returns. */
  stopWithConnectionError(error: IntercomAuthError): Promise<never>;
}

/** A problem with one item's data; the item fails with this message. */
export class ItemDataError extends Error {
  override name = 'ItemDataError';
}

/** Intercom's answer to "is this object there" was no (404/410). */
function notFoundMessage(error: IntercomNotFoundError, what: string): string {
  return `${what} was not found in Intercom (${error.status ?? 404}${error.intercomMessage ? `: ${error.intercomMessage}` : ''})`;
}

/**
 * Runs `load` for `item` and turns its failures into a loading response. `notFound` names the object
 * a 404 is about (e.g. `conversation 123`).
 */
export async function loadOne(
  ctx: LoadContext,
  itemType: string,
  item: ExternalSystemItem,
  load: () => Promise<ExternalSystemItemLoadingResponse>,
  notFound: () => string,
): Promise<ExternalSystemItemLoadingResponse> {
  const id = item?.id?.devrev ?? '(no DevRev id)';
  try {
    return await load();
  } catch (error) {
    // A wait too long for this invocation, or 429s beyond the retry budget: try the item again later.
    const later = retryLaterSeconds(error);
    if (later !== undefined) return { delay: later };
    if (error instanceof IntercomAuthError) return ctx.stopWithConnectionError(error);
    let reason: string;
    if (error instanceof IntercomNotFoundError) reason = notFoundMessage(error, notFound());
    else if (error instanceof ItemDataError || error instanceof RichTextError) reason = `invalid ${itemType} item: ${error.message}`;
    else reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { error: ctx.ledger.failed({ itemType, id, reason: `${itemType} ${id}: ${reason}` }) };
  }
}

/** A string id from an item field (Intercom ids are strings; numbers are accepted). */
export function idField(data: Record<string, unknown>, field: string): string | undefined {
  const value = data[field];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The item's data as an object, or an ItemDataError. */
export function dataOf(item: ExternalSystemItem): Record<string, unknown> {
  const data = item?.data as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ItemDataError('data must be an object');
  return data as Record<string, unknown>;
}
