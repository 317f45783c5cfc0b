import { isAxiosError } from 'axios';
import { MAX_LOG_STRING_LENGTH } from './constants';

/** Cuts a message to MAX_LOG_STRING_LENGTH chars, saying how much was dropped. */
export function truncateMessage(message: string, max = MAX_LOG_STRING_LENGTH): string {
  if (message.length <= max) return message;
  return `${message.slice(0, max)}... ${message.length - max} more characters`;
}

/** A plain, secret-free description of an axios error (method, url without query, status, response body). */
export function serializeAxiosError(error: unknown): Record<string, unknown> {
  if (!isAxiosError(error)) return { message: error instanceof Error ? error.message : String(error) };
  const url = error.config?.url ? String(error.config.url).split('?')[0] : undefined;
  return {
    message: error.message,
    code: error.code,
    method: error.config?.method?.toUpperCase(),
    url,
    status: error.response?.status,
    data: error.response?.data,
  };
}

/** One-line text of an error, safe for logs (no headers, no query strings). */
export function formatAxiosError(error: unknown): string {
  if (!isAxiosError(error)) return error instanceof Error ? error.message : String(error);
  const s = serializeAxiosError(error);
  const body = s.data === undefined ? '' : ` ${truncateMessage(safeJson(s.data), 500)}`;
  return `${s.method ?? 'HTTP'} ${s.url ?? ''} failed: ${s.status ?? s.code ?? s.message}${body}`;
}

function safeJson(value: unknown): string {
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** The message of any thrown value. */
export function errorMessage(error: unknown): string {
  return isAxiosError(error) ? formatAxiosError(error) : error instanceof Error ? error.message : String(error);
}
