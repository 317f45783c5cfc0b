import { isAxiosError, type AxiosError } from 'axios';
import { MAX_LOG_STRING_LENGTH } from './constants';

/** Cuts a message to MAX_LOG_STRING_LENGTH chars, saying how much was dropped. */
export function truncateMessage(message: string, max = MAX_LOG_STRING_LENGTH): string {
  if (message.length <= max) return message;
  return `${message.slice(0, max)}... ${message.length - max} more characters`;
}

/**
 * The official SDK's `serializeAxiosError`: the request's method, params and url and, when there was an
 * answer, the response (data, headers, status); else the error's code and message. Never the request
 * headers, so never the service-account token.
 */
export function serializeAxiosError(error: AxiosError): Record<string, unknown> {
  const serialized: Record<string, unknown> = {
    config: { method: error.config?.method, params: error.config?.params, url: error.config?.url },
    isAxiosError: true,
    isCorsOrNoNetworkError: !error.response,
  };
  if (error.response) {
    const { data, headers, status, statusText } = error.response;
    serialized.response = { data, headers, status, statusText };
  } else {
    serialized.code = error.code;
    serialized.message = error.message;
  }
  return serialized;
}

/** Deprecated in the SDK: the same as {@link serializeAxiosError}. */
export function formatAxiosError(error: AxiosError): Record<string, unknown> {
  return serializeAxiosError(error);
}

/** One line for logs and error messages: method, url without its query, status or code, body. */
function describeAxiosError(error: AxiosError): string {
  const url = error.config?.url ? String(error.config.url).split('?')[0] : '';
  const method = error.config?.method?.toUpperCase() ?? 'HTTP';
  const data = error.response?.data;
  const body = data === undefined ? '' : ` ${truncateMessage(safeJson(data), 500)}`;
  return `${method} ${url} failed: ${error.response?.status ?? error.code ?? error.message}${body}`;
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
  return isAxiosError(error) ? describeAxiosError(error) : error instanceof Error ? error.message : String(error);
}
