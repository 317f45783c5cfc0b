import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type jestOpenAPI from 'jest-openapi';
import { startIntercomEmulator, type IntercomEmulator, type IntercomEmulatorOptions } from '../../../src/emulators/intercom';
import { INTERCOM_OPENAPI_2_16 } from '../../shared-paths';

/** The Intercom 2.16 OpenAPI description the emulator must satisfy. */
export const SPEC_PATH = INTERCOM_OPENAPI_2_16;

/**
 * The spec as jest-openapi can load it. Intercom's YAML puts keywords beside `$ref` (`nullable`,
 * `description`), which OpenAPI 3.0 forbids, so jest-openapi's spec check rejects the file as is.
 * Each `{ $ref, ...siblings }` becomes `{ allOf: [{ $ref }], ...siblings }`: valid 3.0 that keeps
 * what Intercom meant (e.g. a nullable `company`). `nullable: false` without a `type` (the
 * default anyway) is dropped because ajv refuses it. Nothing else changes.
 */
export function loadSpecForValidation(): Parameters<typeof jestOpenAPI>[0] {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = rewrite(value);
    if (out.nullable === false && out.type === undefined) delete out.nullable;
    if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
      const { $ref, ...siblings } = out;
      return { ...siblings, allOf: [{ $ref }] };
    }
    return out;
  };
  return rewrite(parse(readFileSync(SPEC_PATH, 'utf8'), { maxAliasCount: -1 })) as Parameters<typeof jestOpenAPI>[0];
}

/** An emulator and an axios client authenticated with its token (never throws on status). */
export interface Harness {
  emulator: IntercomEmulator;
  http: AxiosInstance;
  /** A client without credentials. */
  anonymous: AxiosInstance;
}

export async function startHarness(options: IntercomEmulatorOptions = {}): Promise<Harness> {
  const emulator = await startIntercomEmulator(options);
  const common = { baseURL: emulator.baseUrl, validateStatus: () => true, headers: { 'Intercom-Version': '2.16' } };
  const http = axios.create({ ...common, headers: { ...common.headers, Authorization: `Bearer ${emulator.token}` } });
  const anonymous = axios.create(common);
  return { emulator, http, anonymous };
}

/** Follows `pages.next.starting_after` of a GET listing until the end; returns the ids in order. */
export async function collectCursorIds(http: AxiosInstance, path: string, listKey: string, perPage: number): Promise<string[]> {
  const ids: string[] = [];
  let startingAfter: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const res = await http.get(path, { params: { per_page: perPage, starting_after: startingAfter } });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.data)}`);
    ids.push(...(res.data[listKey] as Array<{ id: string }>).map((o) => o.id));
    startingAfter = res.data.pages?.next?.starting_after;
    if (!startingAfter) return ids;
  }
  throw new Error(`${path} did not end`);
}

/** Follows page numbers (`pages.next` URLs) until the end; returns the ids in order. */
export async function collectPageIds(http: AxiosInstance, path: string, listKey: string, perPage: number): Promise<string[]> {
  const ids: string[] = [];
  let url: string | null = `${path}${path.includes('?') ? '&' : '?'}per_page=${perPage}&page=1`;
  for (let guard = 0; url && guard < 10_000; guard++) {
    const res: AxiosResponse = await http.get(url);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(res.data)}`);
    ids.push(...(res.data[listKey] as Array<{ id: string }>).map((o) => String(o.id)));
    url = res.data.pages.next;
  }
  return ids;
}

/** Sorted copy, for set comparisons that still show repeats. */
export const sorted = (ids: string[]) => [...ids].sort();
