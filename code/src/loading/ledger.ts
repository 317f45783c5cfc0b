/**
 * What the loader remembers and reports beyond the platform's counts: the items it skipped or that
 * failed, each with its DevRev id and reason (samples kept in the loader state under `intercomLoading`).
 *
 * The platform layer's `loadItemTypes` knows only created/updated/failed: a create/update function
 * cannot answer "skipped". So a skip is returned as an error (counted `failed`) and recorded here;
 * just before every emit the ledger moves those counts from `failed` to `skipped`.
 */
import type { WorkerAdapter } from '../adaas';
import type { LoaderReport } from './sdk-types';

/** At most this many examples per list in the state. */
const SAMPLE_SIZE = 20;

/** One example of a skipped or failed item. */
export interface LoadIssue {
  itemType: string;
  /** The DevRev id (DON) of the item. */
  id: string;
  reason: string;
}

/** A count and the first examples. */
export interface IssueList {
  count: number;
  sample: LoadIssue[];
}

/** The connector's part of the loader state. */
export interface LoaderConnectorState {
  version: 1;
  /** Id of the connection's own admin (`GET /me`), cached for the run. */
  meAdminId?: string;
  /** Ids of the workspace's admins (`GET /admins`), cached for the run. */
  adminIds?: string[];
  skipped: IssueList;
  failed: IssueList;
}

/** The key of the connector's part in the loader state. */
export const LOADER_STATE_KEY = 'intercomLoading';

/** A fresh connector part of the loader state. */
export function initialLoaderState(): LoaderConnectorState {
  return { version: 1, skipped: { count: 0, sample: [] }, failed: { count: 0, sample: [] } };
}

/** The connector's part of the adapter state, created (or reset) as needed. */
export function loaderStateOf(adapter: WorkerAdapter<unknown>, reset: boolean): LoaderConnectorState {
  const state = adapter.state as Record<string, unknown>;
  const current = state[LOADER_STATE_KEY] as LoaderConnectorState | undefined;
  if (reset || current?.version !== 1) state[LOADER_STATE_KEY] = initialLoaderState();
  return state[LOADER_STATE_KEY] as LoaderConnectorState;
}

function note(list: IssueList, issue: LoadIssue): void {
  list.count++;
  if (list.sample.length < SAMPLE_SIZE) list.sample.push(issue);
}

/** Records skips and failures of one invocation and corrects the reports before each emit. */
export class LoadLedger {
  private readonly pendingSkips = new Map<string, number>();

  constructor(private readonly state: LoaderConnectorState) {}

  /** The item will be counted `failed` by the platform layer; it is reported `skipped`. */
  skipped(issue: LoadIssue): string {
    note(this.state.skipped, issue);
    this.pendingSkips.set(issue.itemType, (this.pendingSkips.get(issue.itemType) ?? 0) + 1);
    return `skipped: ${issue.reason}`;
  }

  /** The item failed; returns the message for the platform layer. */
  failed(issue: LoadIssue): string {
    note(this.state.failed, issue);
    return issue.reason;
  }

  /** Moves the skips recorded so far from `failed` to `skipped` in `reports`. */
  applyTo(reports: LoaderReport[]): void {
    for (const [itemType, skips] of this.pendingSkips) {
      const report = reports.find((r) => r.item_type === itemType);
      if (!report) continue; // not counted yet; stays pending
      const moved = Math.min(skips, report.failed ?? 0);
      if (moved === 0) continue;
      report.failed = (report.failed ?? 0) - moved;
      if (report.failed === 0) delete report.failed;
      report.skipped = (report.skipped ?? 0) + moved;
      this.pendingSkips.set(itemType, skips - moved);
    }
  }

  /** Makes every emit of `adapter` go through {@link applyTo} first. */
  attach(adapter: WorkerAdapter<unknown>): void {
    const emit = adapter.emit.bind(adapter);
    adapter.emit = async (type, data) => {
      this.applyTo(adapter.reports);
      return emit(type, data);
    };
  }
}
