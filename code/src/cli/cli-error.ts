/**
 * Errors the CLI shows to a person: one line saying what went wrong and what to do, plus the exit code.
 * Everything that can go wrong on a user's machine is converted to a `CliError` at one point
 * (`toCliError`), so every command fails the same way.
 */

/** Exit codes of the CLI (documented in `main.ts --help`). */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  auth: 3,
  unreachable: 4,
  diskFull: 5,
  wrongWorkspace: 6,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure with a one-line message for the user and the process exit code it maps to. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);

/** Walks `cause` links (and axios' `code`) looking for an errno-style code. */
export function findErrorCode(err: unknown, wanted: (code: string) => boolean): string | undefined {
  let current: unknown = err;
  for (let depth = 0; current && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && wanted(code)) return code;
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string') {
      const match = /\b(E[A-Z]{3,})\b/.exec(message);
      if (match && wanted(match[1])) return match[1];
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The one-line message for a full disk, naming the folder that could not be written. */
export function diskFullError(where: string): CliError {
  return new CliError(
    `No space left on the device while writing ${where}: free some disk space (or use another --out folder), then run the same command again to resume.`,
    ExitCode.diskFull,
  );
}

/**
 * Converts anything thrown by a command into a `CliError`. Known conditions (full disk, network) get their
 * specific advice; anything else keeps its own message, flattened to one line.
 */
export function toCliError(err: unknown, context: { outDir?: string } = {}): CliError {
  if (err instanceof CliError) return err;
  if (findErrorCode(err, (c) => c === 'ENOSPC')) return diskFullError(context.outDir ?? 'the output folder');
  const message = err instanceof Error ? err.message : String(err);
  return new CliError(oneLine(message) || 'unknown error', ExitCode.failure);
}

/** True when the error is a network-level failure (no HTTP answer). */
export function isNetworkError(err: unknown): string | undefined {
  return findErrorCode(err, (c) => NETWORK_CODES.has(c));
}

/** Collapses whitespace so a message is one line, and bounds its length. */
export function oneLine(text: string, max = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
