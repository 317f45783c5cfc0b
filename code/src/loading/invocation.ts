/**
 * Setting up one loading invocation: the loader state part, the ledger that reports skips, the
 * Intercom client bounded by this invocation's deadline, and the fatal-error exit.
 */
import { EventType, LoaderEventType, type WorkerAdapter } from '../adaas';
import { clientAndMe, optionsOf, userMessage } from '../connection/connection';
import type { IntercomClient } from '../intercom';
import type { LoadContext } from './context';
import { LoadLedger, loaderStateOf } from './ledger';

/** The pieces of one data-loading invocation. */
export interface LoadingInvocation {
  ctx: LoadContext;
  client: IntercomClient;
  /** Stops the timer that ends the item loop at the deadline. */
  done(): void;
}

/** Emits `type` with an error message and ends the worker thread (as the platform layer does). */
export async function emitErrorAndExit(adapter: WorkerAdapter<unknown>, type: LoaderEventType, message: string): Promise<never> {
  await adapter.emit(type, { error: { message } });
  process.exit(0);
}

/**
 * Prepares a data-loading invocation. The item loop checks `adapter.isTimeout` between items; a
 * timer raises it at our own deadline (half of a short soft timeout, a minute before a long one),
 * so the request in flight, the state save and the PROGRESS emit fit before the hard timeout.
 */
export async function startDataLoading(adapter: WorkerAdapter<unknown>): Promise<LoadingInvocation> {
  const isStart = adapter.event.payload.event_type === EventType.StartLoadingData;
  const state = loaderStateOf(adapter, isStart);
  const ledger = new LoadLedger(state);
  ledger.attach(adapter);
  const options = optionsOf(adapter);
  // Each loading invocation asks /me: it writes to Intercom, so it checks the live token and region
  // first. The answer also names the connection's own admin, the author of replies without one.
  const { client, deadline, me } = await clientAndMe(adapter, options);
  state.meAdminId ??= me.data.id;
  const timer = setTimeout(() => (adapter.isTimeout = true), Math.max(0, deadline - Date.now()));
  timer.unref();
  const ctx: LoadContext = {
    client,
    ledger,
    state,
    stopWithConnectionError: (error) => emitErrorAndExit(adapter, LoaderEventType.DataLoadingError, userMessage(error)),
  };
  return { ctx, client, done: () => clearTimeout(timer) };
}
