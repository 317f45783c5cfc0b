/**
 * The CLI's log file (`DIR/cli.log`, pino JSON lines). Every string argument is redacted before it is
 * written, and the known secret-bearing keys are censored by path, so no token reaches the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import pino, { Logger } from 'pino';
import { REDACTED } from '../text/redact';
import { redact } from './secrets';

/** Keys whose values are secrets wherever they appear in a logged object. */
const SECRET_PATHS = ['token', '*.token', 'key', '*.key', 'connection.key', 'authorization', '*.authorization'];

/** A logger appending to `DIR/cli.log`. */
export function createCliLogger(outDir: string): Logger {
  fs.mkdirSync(outDir, { recursive: true });
  return pino(
    {
      name: 'airdrop-cli',
      redact: { paths: SECRET_PATHS, censor: REDACTED },
      hooks: {
        logMethod(args, method) {
          const clean = args.map((a) => (typeof a === 'string' ? redact(a) : a)) as Parameters<typeof method>;
          method.apply(this, clean);
        },
      },
    },
    pino.destination({ dest: path.join(outDir, 'cli.log'), sync: true, append: true }),
  );
}
