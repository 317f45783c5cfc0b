/**
 * The connector's own part of the extractor state (contract §5). The platform layer merges its own
 * fields (lastSyncStarted, toDevRev, ...) at the top level of the same object, so every key here
 * is namespaced under `intercom` to stay clear of them.
 *
 * Rules: small and bounded (far below the platform's 1 MB even for 50,000 conversations), validated
 * with zod when loaded, versioned. No list in here grows with the size of the workspace: samples are
 * capped, id sets for deletion detection are compact encodings (id-set-codec.ts), spilled into platform
 * artifacts past ID_SET_INLINE_CHARS (id-set-store.ts).
 */
import { z } from 'zod';
import { REGIONS, type IntercomRegion } from '../intercom/regions';
import { decodeIdSet, encodeIdSet } from './id-set-codec';
import { emptyReport, reportSchema, type ExtractionReport } from './report';
import type { UnconfirmedReply } from './reply-guard';
import type { WorkspaceAndClock } from './run-context';
import { mergeMentioned } from '../kinds/mentioned';

export const CONNECTOR_STATE_VERSION = 1;

/** Most digests kept per kind (kinds without timestamps: admins, teams, tags) to send only what changed. */
export const ID_SET_CAP = 500;
/**
 * Largest encoded id set kept per kind for deletion detection (characters of state) when there is no
 * artifact store to spill it into (id-set-store.ts): about 11,000 random 24-hex ids. Each kind holds at
 * most two (the last complete listing's and this run's).
 */
export const ID_SET_MAX_CHARS = 200_000;
/**
 * An id set as stored: encoded (id-set-codec.ts); spilled, when large, into platform artifacts each
 * holding an encoded share, plus an encoded tail (id-set-store.ts); a plain array is what states
 * before the encoding hold.
 */
const idSet = z.union([z.string(), z.array(z.string()), z.object({ parts: z.array(z.string()), tail: z.string() })]);
/** An id set as the state keeps it. */
export type StoredIdSet = z.infer<typeof idSet>;

const kindProgress = z.object({
  phase: z.enum(['pending', 'listing', 'done']),
  /** Pager cursor of the page being read (null = first page). */
  pageFrom: z.unknown().nullable(),
  /**
   * Ids already handled after that cursor, so a resumed run neither skips nor repeats: in that page and,
   * as reads finish out of order, in the next few (≤ READ_AHEAD_SPAN + one page, read-ahead.ts).
   */
  doneInPage: z.array(z.string()),
  pages: z.number().int().nonnegative(),
  /** Ids seen in this run for deletion detection (encoded or spilled); null once it outgrew ID_SET_MAX_CHARS without a store. */
  seen: idSet.nullable(),
  /** A page-number listing is read twice (data-loop.ts): true once its second reading started. */
  relisted: z.boolean().optional(),
});
/** Where the data phase stands in one kind. */
export type KindProgress = z.infer<typeof kindProgress>;

const attributeDefinition = z.object({
  name: z.string(),
  data_type: z.string(),
  label: z.string().nullish(),
  description: z.string().nullish(),
  custom: z.boolean().nullish(),
});

const mentionedPerson = z.object({ name: z.string().nullable(), email: z.string().nullable() });
const mentionedPeople = z.object({
  admins: z.record(z.string(), mentionedPerson).optional(),
  bots: z.record(z.string(), mentionedPerson).optional(),
});

/**
 * What every normalizer call of a run needs, read once when the run starts (so that each
 * invocation does not re-read admins, teams, help centers and attribute definitions).
 * Bounded by Intercom's own limits on seats, teams, help centers and custom attributes.
 */
const runContext = z.object({
  appId: z.string(),
  region: z.enum(REGIONS),
  observedAt: z.string(),
  contactReferenceField: z.string(),
  customAttributes: z.object({
    contacts: z.array(attributeDefinition).optional(),
    companies: z.array(attributeDefinition).optional(),
    conversations: z.array(attributeDefinition).optional(),
    tickets: z.array(attributeDefinition).optional(),
  }),
  adminNames: z.record(z.string(), z.string()),
  /** What this run's mentions told of removed teammates and bots (kinds/mentioned.ts). */
  mentionedInRun: mentionedPeople.optional(),
  teamNames: z.record(z.string(), z.string()),
  helpCenterUrls: z.array(z.string()),
  fileHosts: z.array(z.string()),
});
/** The normalizers' context of a run, as stored. */
export type RunContext = z.infer<typeof runContext>;

const connectorState = z.object({
  version: z.literal(CONNECTOR_STATE_VERSION),
  /** Unix seconds (Intercom's clock) when the last COMPLETED run started; null before the first. */
  bookmark: z.number().nullable(),
  /** The run in progress: its start time is promoted to `bookmark` only when the run completes. */
  run: z.object({
    startedAt: z.number(),
    mode: z.enum(['full', 'incremental']),
    /** Lower edge of the window kept client-side (unix s), null in a full run. */
    windowStart: z.number().nullable(),
    dataDone: z.boolean(),
    context: runContext,
    /** Content digests read in this run (kinds without timestamps); they replace `digests` when the run completes. */
    digests: z.record(z.string(), z.record(z.string(), z.string())).optional(),
    /** The people this run's objects mentioned were sent (extraction/mentioned-people.ts). */
    mentionedSent: z.boolean().optional(),
    /** The files of `retryFiles` were pushed to this run's attachments (once per run). */
    retriesQueued: z.boolean().optional(),
    /**
     * Per item type, objects listed with only a preview of their relations, read whole after the
     * listings (completion-pass.ts): their ids (an id set) and the last one done, in sorted order.
     */
    completions: z.record(z.string(), z.object({ ids: idSet.nullable(), after: z.string().nullable(), done: z.boolean() })).optional(),
    /** Pages of each id listing read in this run (id-pass.ts), and whether this run's share is done. */
    idPasses: z.record(z.string(), z.object({ pages: z.number().int().nonnegative(), done: z.boolean() })).optional(),
  }).nullable(),
  kinds: z.record(z.string(), kindProgress),
  /** Deletions of conversations: read through `/conversations/deleted` at the end of the data phase. */
  deletedConversations: z.object({ phase: z.enum(['pending', 'done']), pageFrom: z.unknown().nullable() }),
  /** Ids per kind at the end of the last completed listing (encoded), for set-difference deletion detection. */
  idSets: z.record(z.string(), idSet),
  /**
   * Complete id listings spread over several syncs (kinds read through a date filter: contacts):
   * where the listing stands and the ids it has seen (encoded or spilled, as `seen` of kinds).
   */
  idPasses: z.record(z.string(), z.object({ pageFrom: z.unknown().nullable(), seen: idSet.nullable() })).default({}),
  /**
   * For kinds without timestamps (admins, teams, tags): id → digest of the data DevRev last received,
   * as of the last completed run (capped like the id sets), so a sync sends only those that changed.
   */
  digests: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** What mentions told of removed teammates and bots as of the last completed run (kinds/mentioned.ts). */
  mentionedPeople: mentionedPeople.default({}),
  /** Files whose download failed for a passing reason, tried again in the next run (capped: file-retries.ts). */
  retryFiles: z.array(z.object({
    item: z.looseObject({ id: z.string(), url: z.string(), file_name: z.string(), parent_id: z.string() }),
    reason: z.string(),
    tries: z.number().int().positive(),
  })).default([]),
  report: reportSchema,
});
/** The connector state, stored under the `intercom` key of the adapter state. */
export type ConnectorState = z.infer<typeof connectorState>;

/** The shape handed to `spawn` as `initialState` (the platform layer adds its own keys beside it). */
export interface ConnectorStateEnvelope {
  intercom?: ConnectorState;
  /** Where the last data invocation started, until the platform confirms its reply (reply-guard.ts). */
  intercomUnconfirmed?: UnconfirmedReply;
  /**
   * The custom attribute definitions the metadata phase read, for the data phase of the same run
   * (which takes them, instead of reading them again). Plain data from Intercom, no secrets.
   */
  intercomMetadataAttributes?: RunContext['customAttributes'];
  /**
   * The workspace, region and Intercom clock of the metadata phase's `/me`, for the data phase of the
   * same run to start with (taken once, like the definitions). No secrets.
   */
  intercomMetadataWorkspace?: WorkspaceAndClock & { region: IntercomRegion };
}

export function initialConnectorState(): ConnectorState {
  return {
    version: CONNECTOR_STATE_VERSION,
    bookmark: null,
    run: null,
    kinds: {},
    deletedConversations: { phase: 'pending', pageFrom: null },
    idSets: {},
    idPasses: {},
    digests: {},
    mentionedPeople: {},
    retryFiles: [],
    report: emptyReport(),
  };
}

/** Thrown when a stored state cannot be used; names the field and the problem. */
export class ConnectorStateError extends Error {
  override name = 'ConnectorStateError';
}

/**
 * Reads the connector state out of the adapter state. Missing → a fresh state (first run).
 * Present but invalid (another version, a broken field) → a clear error: guessing could lose data.
 */
export function loadConnectorState(adapterState: unknown): ConnectorState {
  const raw = (adapterState as ConnectorStateEnvelope | undefined)?.intercom;
  if (raw === undefined || raw === null) return initialConnectorState();
  const parsed = connectorState.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new ConnectorStateError(
      `Stored connector state is not usable (version ${JSON.stringify((raw as { version?: unknown }).version)}): ` +
        `${where}: ${issue?.message ?? 'invalid'}. Delete the import's state (run the delete phase) and import again.`,
    );
  }
  return parsed.data;
}

/** A fresh progress entry for a kind that has not started listing in this run. */
export function pendingKind(): KindProgress {
  return { phase: 'pending', pageFrom: null, doneInPage: [], pages: 0, seen: [] };
}

/** Starts a run of the data phase: resets progress and the report, keeps bookmark and id sets. */
export function beginRun(
  state: ConnectorState,
  run: { startedAt: number; windowStart: number | null; options: NonNullable<ExtractionReport['options']>; context: RunContext },
): ConnectorState {
  const mode = run.windowStart === null ? 'full' : 'incremental';
  return {
    ...state,
    run: { startedAt: run.startedAt, mode, windowStart: run.windowStart, dataDone: false, context: run.context },
    kinds: {},
    deletedConversations: { phase: 'pending', pageFrom: null },
    report: { ...emptyReport(), runStartedAt: run.startedAt, mode, options: run.options },
  };
}

/**
 * Ends a run successfully: its start time becomes the bookmark of the next sync. The run's digests
 * join the earlier ones (DevRev keeps an item that a run did not send, e.g. a bot no conversation
 * of this sync named), this run's first, within ID_SET_CAP per item type; what mentions told of
 * removed teammates and bots is kept for the next run.
 */
export function completeRun(state: ConnectorState): ConnectorState {
  if (!state.run) return state;
  const digests: ConnectorState['digests'] = { ...state.digests };
  for (const [itemType, fresh] of Object.entries(state.run.digests ?? {})) {
    const merged = { ...fresh };
    let size = Object.keys(merged).length;
    for (const [id, digest] of Object.entries(state.digests[itemType] ?? {})) {
      if (size >= ID_SET_CAP) break;
      if (id in merged) continue;
      merged[id] = digest;
      size++;
    }
    digests[itemType] = merged;
  }
  const mentionedPeople = mergeMentioned(state.mentionedPeople, state.run.context.mentionedInRun ?? {});
  return { ...state, bookmark: state.run.startedAt, digests, mentionedPeople, run: null };
}

/**
 * Records the digest of an item of a timestamp-less kind in the run, and says whether DevRev
 * already has that content (as of the last completed run). Above ID_SET_CAP objects a kind keeps
 * no digests: everything is sent.
 */
export function unchangedSinceLastRun(state: ConnectorState, itemType: string, id: string, digest: string): boolean {
  const run = state.run!;
  const seen = ((run.digests ??= {})[itemType] ??= {});
  if (Object.keys(seen).length < ID_SET_CAP || id in seen) seen[id] = digest;
  return run.windowStart !== null && state.digests[itemType]?.[id] === digest;
}

/** The ids of an id set kept in the state itself (encoded, or a plain array from before the encoding). */
export function idsOfSet(set: string | string[]): string[] {
  return typeof set === 'string' ? decodeIdSet(set) : set;
}

/**
 * Adds ids to a kind's seen set kept in the state itself; drops the set (null) once its encoding
 * would pass ID_SET_MAX_CHARS (without an artifact store to spill it into: id-set-store.ts).
 */
export function rememberSeen(progress: { seen: StoredIdSet | null }, ids: string[]): void {
  if (progress.seen === null) return;
  if (typeof progress.seen === 'object' && !Array.isArray(progress.seen)) throw new Error('an id set kept in platform artifacts grows through its store');
  const encoded = encodeIdSet([...idsOfSet(progress.seen), ...ids]);
  progress.seen = encoded.length > ID_SET_MAX_CHARS ? null : encoded;
}
