import { AxiosError } from 'axios';
import { exponentialDelay, isNetworkOrIdempotentRequestError } from 'axios-retry';
import { HTTP_RETRY_BASE_DELAY_MS } from '../common/constants';

/** Seconds from a numeric `Retry-After` header, or undefined when absent, non-numeric or negative. */
export function numericRetryAfterSeconds(error: AxiosError): number | undefined {
  const raw = error.response?.headers?.['retry-after'];
  if (raw === undefined || raw === null || String(raw).trim() === '') return undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * Whether a failed platform call is retried: any 5xx, network errors (any method), client timeouts, and
 * 429 only when it carries a numeric Retry-After.
 */
export function shouldRetryPlatformRequest(error: AxiosError): boolean {
  const status = error.response?.status;
  if (status === 429) return numericRetryAfterSeconds(error) !== undefined;
  if (status !== undefined && status >= 500) return true;
  if (error.code === 'ECONNABORTED') return true;
  return isNetworkOrIdempotentRequestError(error);
}

/** Base of the exponential back-off; ADAAS_HTTP_RETRY_BASE_DELAY_MS lowers it for local runs and tests. */
export function retryBaseDelayMs(): number {
  const fromEnv = Number(process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS);
  return Number.isFinite(fromEnv) && fromEnv >= 0 && process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS !== undefined
    ? fromEnv
    : HTTP_RETRY_BASE_DELAY_MS;
}

/** Delay before retry n: Retry-After for 429, exponential back-off otherwise. */
export function platformRetryDelay(retryCount: number, error: AxiosError): number {
  const retryAfter = error.response?.status === 429 ? numericRetryAfterSeconds(error) : undefined;
  if (retryAfter !== undefined) return retryAfter * 1000;
  return exponentialDelay(retryCount, error, retryBaseDelayMs());
}
