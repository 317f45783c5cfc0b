import pino from 'pino';
import { REDACTED } from '../../text/redact';

/** Header and field names whose values are secrets; pino replaces them with "[REDACTED]". */
const REDACTED_PATHS = [
  'authorization',
  'Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'service_account_token',
  '*.service_account_token',
  'context.secrets',
  '*.context.secrets',
  'connection_data.key',
  '*.connection_data.key',
  'payload.connection_data.key',
  '*.payload.connection_data.key',
];

function defaultLevel(): string {
  if (process.env.ADAAS_LOG_LEVEL) return process.env.ADAAS_LOG_LEVEL;
  return process.env.NODE_ENV === 'test' ? 'warn' : 'info';
}

/**
 * A pino logger with the layer's redaction rules, writing to `destination` (default stderr, so that
 * a CLI's stdout stays its own). Level: ADAAS_LOG_LEVEL, else "warn" under jest, else "info".
 */
export function createLogger(destination?: pino.DestinationStream, level: string = defaultLevel()): pino.Logger {
  const options = { name: 'adaas', level, redact: { paths: REDACTED_PATHS, censor: REDACTED } };
  return pino(options, destination ?? pino.destination({ fd: 2, sync: true }));
}

/** The layer's logger. Secrets are redacted by path; never log whole events or request configs. */
export const logger = createLogger();
