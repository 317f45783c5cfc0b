import axios from 'axios';
import axiosRetry from 'axios-retry';
import { HTTP_MAX_RETRIES, HTTP_TIMEOUT_MS } from '../common/constants';
import { errorMessage } from '../common/errors';
import { logger } from '../common/logger';
import { platformRetryDelay, shouldRetryPlatformRequest } from './retry-policy';

/** The HTTP client for every platform call: 30 s timeout, 5 retries (5xx, network, 429 with Retry-After). */
export const axiosClient = axios.create({ timeout: HTTP_TIMEOUT_MS });

axiosRetry(axiosClient, {
  retries: HTTP_MAX_RETRIES,
  shouldResetTimeout: true,
  retryCondition: shouldRetryPlatformRequest,
  retryDelay: platformRetryDelay,
  onRetry: (retryCount, error) => {
    logger.warn({ retryCount, error: errorMessage(error) }, 'Retrying platform request');
  },
});

export { axios };
