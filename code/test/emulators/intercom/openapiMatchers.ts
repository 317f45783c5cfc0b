/**
 * jest-openapi matchers loaded with Intercom's 2.16 description, and the documented places where
 * the published description disagrees with the real API.
 */
import jestOpenAPI from 'jest-openapi';
import type { AxiosResponse } from 'axios';
import { loadSpecForValidation } from './helpers';

jestOpenAPI(loadSpecForValidation());

/** A 200 that satisfies Intercom's 2.16 description. */
export const ok = (res: AxiosResponse) => {
  expect({ status: res.status, body: res.status === 200 ? 'ok' : res.data }).toEqual({ status: 200, body: 'ok' });
  expect(res).toSatisfyApiSpec();
  return res;
};

/**
 * Where the published 2.16 description disagrees with what the real API returns, the emulator keeps
 * the real shape and these tests name the exact mismatch:
 * - URL_NEXT: page-number listings (companies, collections, articles) are typed with `cursor_pages`,
 *   whose `next` is an object (`starting_after_paging`); the real `pages.next` is the next page's
 *   URL, as the spec itself shows (and types, `pages_link`) for `/conversations/deleted`.
 * - TYPED_ATTRIBUTES: `custom_attributes` values are typed as strings; real workspaces hold numbers,
 *   booleans and dates as unix seconds (intercom-api.md §7 pitfall 20).
 */
export const URL_NEXT = /^pages\/next must be object,null$/;
export const TYPED_ATTRIBUTES = /(^|\/)custom_attributes\/[^/ ]+ must be string$/;

/** Reasons jest-openapi gives for a response that does not satisfy the spec (empty when it does). */
function specMismatches(res: AxiosResponse): string[] {
  try {
    expect(res).toSatisfyApiSpec();
    return [];
  } catch (error) {
    const match = /did not satisfy it because: (.*)/.exec((error as Error).message);
    if (!match) throw error;
    return match[1].replace(/·$/, '').trim().split(', ');
  }
}

/** The body with the documented mismatches undone: no string `pages.next`, attribute values as strings. */
function withoutKnownMismatches(body: unknown): unknown {
  const walk = (node: unknown, key?: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n));
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node as Record<string, unknown>)
      .filter(([k, v]) => !(key === 'pages' && k === 'next' && typeof v === 'string'))
      .map(([k, v]) => [k, k === 'custom_attributes' && v && typeof v === 'object' ? stringValues(v as Record<string, unknown>) : walk(v, k)]);
    return Object.fromEntries(entries);
  };
  const stringValues = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null || typeof v === 'string' ? v : JSON.stringify(v)]));
  return walk(body);
}

/**
 * A 200 that satisfies the spec except for the `allowed` documented mismatches; the body with
 * those undone must then satisfy the named response schema exactly.
 */
export function okUpTo(res: AxiosResponse, schemaName: string, allowed: RegExp[]) {
  expect({ status: res.status, body: res.status === 200 ? 'ok' : res.data }).toEqual({ status: 200, body: 'ok' });
  const unexpected = specMismatches(res).filter((reason) => !allowed.some((pattern) => pattern.test(reason)));
  expect(unexpected).toEqual([]);
  expect(withoutKnownMismatches(res.data)).toSatisfySchemaInApiSpec(schemaName);
  return res;
}

