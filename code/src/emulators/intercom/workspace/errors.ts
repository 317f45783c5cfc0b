/** Errors the workspace throws for bad mutation input; the server maps `code` to an HTTP status. */

export type WorkspaceErrorCode = 'not_found' | 'invalid';

/** A mutation named something that does not exist, or asked for something impossible. */
export class WorkspaceError extends Error {
  constructor(
    readonly code: WorkspaceErrorCode,
    /** The kind of object concerned, e.g. `conversation`, `tag`. */
    readonly kind: string,
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

export function notFound(kind: string, id: string): WorkspaceError {
  return new WorkspaceError('not_found', kind, id, `${kind} ${JSON.stringify(id)} not found`);
}

export function invalid(kind: string, id: string, cause: string): WorkspaceError {
  return new WorkspaceError('invalid', kind, id, `${kind} ${JSON.stringify(id)}: ${cause}`);
}
