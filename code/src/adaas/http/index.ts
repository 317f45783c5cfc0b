export { axios, axiosClient } from './axios-client';
export { formatAxiosError, serializeAxiosError } from '../common/errors';
