/**
 * State the connector keeps on the platform (`{worker_data_url}.get` / `.update`, §4):
 * one JSON string per (direction, sync unit), persisted under `worker-data/`. The extractor
 * state is mirrored, parsed, in `state.json`.
 */
import * as fs from 'node:fs';
import { readJsonIfExists, writeFileAtomic } from '../../files/atomic';
import { type OutputLayout } from './layout';

/** `extractor` for extraction events, `loader` for loading events (§2.5: separate states). */
export type StateDirection = 'extractor' | 'loader';

/** Largest state body the platform accepts (docs: state < 1 MB). */
export const MAX_STATE_BYTES = 1024 * 1024;

export class WorkerDataStore {
  constructor(private readonly layout: OutputLayout) {}

  /** The stored state string, or undefined when none was ever saved. */
  get(direction: StateDirection, syncUnit: string): string | undefined {
    return readJsonIfExists<{ state: string }>(this.layout.workerDataFile(direction, syncUnit))?.state;
  }

  /** Saves a state string (the caller has checked that it is JSON and within limits). */
  set(direction: StateDirection, syncUnit: string, state: string): void {
    writeFileAtomic(this.layout.workerDataFile(direction, syncUnit), JSON.stringify({ state }));
    if (direction === 'extractor') {
      writeFileAtomic(this.layout.stateFile, `${JSON.stringify(JSON.parse(state), null, 2)}\n`);
    }
  }

  /** Drops a stored state (import deletion). */
  delete(direction: StateDirection, syncUnit: string): void {
    fs.rmSync(this.layout.workerDataFile(direction, syncUnit), { force: true });
    if (direction === 'extractor') fs.rmSync(this.layout.stateFile, { force: true });
  }
}
