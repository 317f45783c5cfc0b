/**
 * Event type strings of the extraction direction and the rules the platform applies to them
 * (docs/airdrop-protocol.md §2.1, §2.2, §2.4).
 */

/** Extraction phases the orchestrator walks through, in order. */
export type ExtractionPhase =
  | 'external_sync_units'
  | 'metadata'
  | 'data'
  | 'attachments'
  | 'delete_extractor_state'
  | 'delete_attachments_state';

/** The two loading phases (§2.5, §7): data, then attachments. */
export type LoadPhase = 'load_data' | 'load_attachments';

/** Every phase a run of the platform emulator can be in. */
export type Phase = ExtractionPhase | LoadPhase;

/** What the platform sends per phase (new strings) and their legacy equivalents (loading has none: the same strings). */
export interface PhaseEvents {
  start: string;
  continue?: string;
  legacyStart: string;
  legacyContinue?: string;
  /** Reply prefixes (new strings): `<prefix>_PROGRESS`, `_DELAYED`, `_DONE`, `_ERROR` as allowed. */
  done: string;
  error: string;
  progress?: string;
  delayed?: string;
}

export const PHASE_EVENTS: Record<Phase, PhaseEvents> = {
  external_sync_units: {
    start: 'START_EXTRACTING_EXTERNAL_SYNC_UNITS',
    legacyStart: 'EXTRACTION_EXTERNAL_SYNC_UNITS_START',
    done: 'EXTERNAL_SYNC_UNIT_EXTRACTION_DONE',
    error: 'EXTERNAL_SYNC_UNIT_EXTRACTION_ERROR',
  },
  metadata: {
    start: 'START_EXTRACTING_METADATA',
    legacyStart: 'EXTRACTION_METADATA_START',
    done: 'METADATA_EXTRACTION_DONE',
    error: 'METADATA_EXTRACTION_ERROR',
  },
  data: {
    start: 'START_EXTRACTING_DATA',
    continue: 'CONTINUE_EXTRACTING_DATA',
    legacyStart: 'EXTRACTION_DATA_START',
    legacyContinue: 'EXTRACTION_DATA_CONTINUE',
    done: 'DATA_EXTRACTION_DONE',
    error: 'DATA_EXTRACTION_ERROR',
    progress: 'DATA_EXTRACTION_PROGRESS',
    delayed: 'DATA_EXTRACTION_DELAYED',
  },
  attachments: {
    start: 'START_EXTRACTING_ATTACHMENTS',
    continue: 'CONTINUE_EXTRACTING_ATTACHMENTS',
    legacyStart: 'EXTRACTION_ATTACHMENTS_START',
    legacyContinue: 'EXTRACTION_ATTACHMENTS_CONTINUE',
    done: 'ATTACHMENT_EXTRACTION_DONE',
    error: 'ATTACHMENT_EXTRACTION_ERROR',
    progress: 'ATTACHMENT_EXTRACTION_PROGRESS',
    delayed: 'ATTACHMENT_EXTRACTION_DELAYED',
  },
  delete_extractor_state: {
    start: 'START_DELETING_EXTRACTOR_STATE',
    legacyStart: 'EXTRACTION_DATA_DELETE',
    done: 'EXTRACTOR_STATE_DELETION_DONE',
    error: 'EXTRACTOR_STATE_DELETION_ERROR',
  },
  delete_attachments_state: {
    start: 'START_DELETING_EXTRACTOR_ATTACHMENTS_STATE',
    legacyStart: 'EXTRACTION_ATTACHMENTS_DELETE',
    done: 'EXTRACTOR_ATTACHMENTS_STATE_DELETION_DONE',
    error: 'EXTRACTOR_ATTACHMENTS_STATE_DELETION_ERROR',
  },
  load_data: {
    start: 'START_LOADING_DATA',
    continue: 'CONTINUE_LOADING_DATA',
    legacyStart: 'START_LOADING_DATA',
    legacyContinue: 'CONTINUE_LOADING_DATA',
    done: 'DATA_LOADING_DONE',
    error: 'DATA_LOADING_ERROR',
    progress: 'DATA_LOADING_PROGRESS',
    delayed: 'DATA_LOADING_DELAYED',
  },
  load_attachments: {
    start: 'START_LOADING_ATTACHMENTS',
    continue: 'CONTINUE_LOADING_ATTACHMENTS',
    legacyStart: 'START_LOADING_ATTACHMENTS',
    legacyContinue: 'CONTINUE_LOADING_ATTACHMENTS',
    done: 'ATTACHMENT_LOADING_DONE',
    error: 'ATTACHMENT_LOADING_ERROR',
    progress: 'ATTACHMENT_LOADING_PROGRESS',
    delayed: 'ATTACHMENT_LOADING_DELAYED',
  },
};

/**
 * Legacy outgoing strings (older SDKs) → new strings. The SDK translates before POSTing, but
 * the platform still understands the old names, so the emulator accepts them too.
 */
const LEGACY_REPLIES: Record<string, string> = {
  EXTRACTION_EXTERNAL_SYNC_UNITS_DONE: 'EXTERNAL_SYNC_UNIT_EXTRACTION_DONE',
  EXTRACTION_EXTERNAL_SYNC_UNITS_ERROR: 'EXTERNAL_SYNC_UNIT_EXTRACTION_ERROR',
  EXTRACTION_METADATA_DONE: 'METADATA_EXTRACTION_DONE',
  EXTRACTION_METADATA_ERROR: 'METADATA_EXTRACTION_ERROR',
  EXTRACTION_DATA_PROGRESS: 'DATA_EXTRACTION_PROGRESS',
  EXTRACTION_DATA_DELAY: 'DATA_EXTRACTION_DELAYED',
  EXTRACTION_DATA_DONE: 'DATA_EXTRACTION_DONE',
  EXTRACTION_DATA_ERROR: 'DATA_EXTRACTION_ERROR',
  EXTRACTION_DATA_DELETE_DONE: 'EXTRACTOR_STATE_DELETION_DONE',
  EXTRACTION_DATA_DELETE_ERROR: 'EXTRACTOR_STATE_DELETION_ERROR',
  EXTRACTION_ATTACHMENTS_PROGRESS: 'ATTACHMENT_EXTRACTION_PROGRESS',
  EXTRACTION_ATTACHMENTS_DELAY: 'ATTACHMENT_EXTRACTION_DELAYED',
  EXTRACTION_ATTACHMENTS_DONE: 'ATTACHMENT_EXTRACTION_DONE',
  EXTRACTION_ATTACHMENTS_ERROR: 'ATTACHMENT_EXTRACTION_ERROR',
  EXTRACTION_ATTACHMENTS_DELETE_DONE: 'EXTRACTOR_ATTACHMENTS_STATE_DELETION_DONE',
  EXTRACTION_ATTACHMENTS_DELETE_ERROR: 'EXTRACTOR_ATTACHMENTS_STATE_DELETION_ERROR',
};

/** The new-style string for an outgoing event type (legacy names translated, others unchanged). */
export function canonicalReplyType(type: string): string {
  return LEGACY_REPLIES[type] ?? type;
}

/** How the platform reacts to a reply. */
export type ReplyOutcome = 'done' | 'error' | 'progress' | 'delayed';

/**
 * Classifies a reply to an event of `phase` (§2.4), or returns undefined when that reply type
 * is not allowed for the incoming event.
 */
export function classifyReply(phase: Phase, replyType: string): ReplyOutcome | undefined {
  const events = PHASE_EVENTS[phase];
  const type = canonicalReplyType(replyType);
  if (type === events.done) return 'done';
  if (type === events.error) return 'error';
  if (events.progress && type === events.progress) return 'progress';
  if (events.delayed && type === events.delayed) return 'delayed';
  return undefined;
}

/** The replies §2.4 allows for an event of `phase`, for error messages. */
export function allowedReplies(phase: Phase): string[] {
  const e = PHASE_EVENTS[phase];
  return [e.progress, e.delayed, e.done, e.error].filter((t): t is string => t !== undefined);
}

/** The string to send for the start or continue event of a phase. */
export function eventTypeToSend(phase: Phase, which: 'start' | 'continue', legacy: boolean): string {
  const e = PHASE_EVENTS[phase];
  if (which === 'continue') {
    if (!e.continue || !e.legacyContinue) throw new Error(`phase ${phase} has no CONTINUE event`);
    return legacy ? e.legacyContinue : e.continue;
  }
  return legacy ? e.legacyStart : e.start;
}
