import { redact } from './secrets';

/**
 * The CLI's voice: lines for the user on stdout, problems on stderr. Everything is redacted first.
 * Commands print through these functions only, so that no secret can reach the terminal.
 */
export const out = {
  line(text = ''): void {
    process.stdout.write(`${redact(text)}\n`);
  },
  error(text: string): void {
    process.stderr.write(`${redact(text)}\n`);
  },
};
