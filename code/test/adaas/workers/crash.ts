// Test worker: fails in the way `global_values.crash` says, never emitting.
import { processTask } from '../../../src/adaas';

processTask({
  task: async ({ adapter }) => {
    const how = adapter.event.input_data.global_values.crash;
    if (how === 'throw') throw new Error('boom: the connector failed');
    if (how === 'exit') process.exit(3);
    if (how === 'leak') {
      const { key } = adapter.event.payload.connection_data;
      throw new Error(`request with ${adapter.event.context.secrets.service_account_token} / ${key} refused`);
    }
    if (how === 'block') {
      // Never yields: only the hard timeout can end this.
      for (;;) {
        /* spin */
      }
    }
  },
  onTimeout: async () => {},
});
