import pino from 'pino';

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

/** The layer's logger (pino). Secrets are redacted by path; never log whole events or request configs. */
export const logger = pino({
  name: 'adaas',
  level: defaultLevel(),
  redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
});
