/** Validates objects against component schemas of Intercom's 2.16 OpenAPI description. */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { parse } from 'yaml';
import { INTERCOM_OPENAPI_2_16 } from '../../../shared-paths';

const SPEC_PATH = INTERCOM_OPENAPI_2_16;

let ajv: Ajv | undefined;

/** OpenAPI 3.0 `nullable: true` → JSON Schema (`type: [t, "null"]`, or `anyOf` with null). */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'nullable' && k !== 'example' && k !== 'examples') out[k] = toJsonSchema(v);
  if ((node as Record<string, unknown>).nullable !== true) return out;
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  return { anyOf: [out, { type: 'null' }] };
}
const cache = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (!ajv) {
    const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as { components: { schemas: Record<string, unknown> } };
    ajv = new Ajv({ strict: false, allErrors: true, discriminator: false });
    addFormats(ajv);
    // Formats that the spec misuses (e.g. `type` fields declared `format: uri`) are not checked.
    ajv.addFormat('uri', true);
    ajv.addFormat('timestamp', true);
    ajv.addSchema({ $id: 'intercom', components: toJsonSchema(spec.components) }, 'intercom');
  }
  return ajv;
}

/** Error messages (empty when valid) for `value` against `#/components/schemas/<name>`. */
export function schemaErrors(name: string, value: unknown): string[] {
  let validate = cache.get(name);
  if (!validate) {
    validate = instance().getSchema(`intercom#/components/schemas/${name}`)!;
    cache.set(name, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
