import type { FastifyRequest } from 'fastify';
import { errors } from '../http/errors';
import type { JsonObject } from '../workspace/types';

/** Query parameters as strings (fastify parses them into this shape). */
export function queryOf(req: FastifyRequest): Record<string, string | undefined> {
  return (req.query ?? {}) as Record<string, string | undefined>;
}

/** A path parameter. */
export function param(req: FastifyRequest, name: string): string {
  return String((req.params as Record<string, string>)[name]);
}

/** The JSON body as an object; anything else is a 400 naming the problem. */
export function bodyObject(req: FastifyRequest): JsonObject {
  const body = req.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('The request body must be a JSON object');
  return body as JsonObject;
}

/** A required non-empty string field of a request body. */
export function requiredString(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') {
    throw errors.parameterInvalid(`${field} is required and must be a non-empty string`, field);
  }
  return value;
}

/** Throws Intercom's 404 unless the object exists. */
export function found<T>(value: T | undefined, code: string, message: string): T {
  if (value === undefined) throw errors.notFound(code, message);
  return value;
}
