/** A failure reported to the platform in `event_data.error`. */
export interface ErrorRecord {
  message: string;
}

/** A log line as the SDK types it (kept for API compatibility). */
export interface LogRecord {
  level: string;
  message: string;
}

/**
 * Initial domain mapping file passed to `spawn`; installed on the platform when the snap-in version changes.
 * The contents of `additional_mappings` become top-level keys of the install request body.
 */
export interface InitialDomainMapping {
  starting_recipe_blueprint?: object;
  additional_mappings?: object;
}

/** @deprecated kept for API compatibility with old connectors. */
export enum ErrorLevel {
  Warning = 'WARNING',
  Error = 'ERROR',
  Info = 'INFO',
}

/** Sync direction of an invocation (`event_context.mode`). */
export enum SyncMode {
  INITIAL = 'INITIAL',
  INCREMENTAL = 'INCREMENTAL',
  LOADING = 'LOADING',
}

/** @deprecated use `SyncMode`. */
export enum ExtractionMode {
  INITIAL = 'INITIAL',
  INCREMENTAL = 'INCREMENTAL',
}
