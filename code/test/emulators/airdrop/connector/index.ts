/**
 * A small connector built on our SDK-compatible layer (`code/src/adaas`): the snap-in function spawns
 * one worker thread per event from `./workers/<phase>.ts`.
 */
import { spawn, type AirdropEvent } from '../../../../src/adaas';
import { INITIAL_DOMAIN_MAPPING, INITIAL_STATE } from './config';

export interface TestConnectorOptions {
  /** Soft timeout of one invocation (spawn's options.timeout). */
  timeoutMs: number;
  /** Items per artifact. */
  batchSize: number;
}

export function testConnector(o: TestConnectorOptions): (events: AirdropEvent[]) => Promise<void> {
  return async (events) => {
    for (const event of events) {
      await spawn({
        event,
        initialState: INITIAL_STATE,
        baseWorkerPath: __dirname,
        initialDomainMapping: INITIAL_DOMAIN_MAPPING,
        options: { timeout: o.timeoutMs, batchSize: o.batchSize },
      });
    }
  };
}
