import { randomUUID } from 'node:crypto';

/** One entry of Intercom's `error.list`. */
export interface IntercomErrorItem {
  code: string;
  message?: string | null;
  field?: string | null;
}

/** An answer in Intercom's error shape; route handlers throw it, the server's error handler sends it. */
export class IntercomHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Extra response headers (e.g. `Link` on a merged contact). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'IntercomHttpError';
  }
}

/** A fresh request id (Intercom's are uuids; the spec declares `format: uuid`). */
export function newRequestId(): string {
  return randomUUID();
}

/** The `error.list` body Intercom answers with. */
export function errorListBody(requestId: string, errors: IntercomErrorItem[]): object {
  return { type: 'error.list', request_id: requestId, errors };
}

/** Shorthands for the errors the routes raise. */
export const errors = {
  unauthorized: () => new IntercomHttpError(401, 'unauthorized', 'Access Token Invalid'),
  notFound: (code = 'not_found', message = 'Resource Not Found') => new IntercomHttpError(404, code, message),
  badRequest: (message: string, field?: string) => new IntercomHttpError(400, 'bad_request', message, field),
  parameterInvalid: (message: string, field?: string) => new IntercomHttpError(400, 'parameter_invalid', message, field),
  badCursor: () =>
    new IntercomHttpError(
      400,
      'client_error',
      'Invalid starting_after param. Please try again using a starting_after value from a paginated response',
      'starting_after',
    ),
};
