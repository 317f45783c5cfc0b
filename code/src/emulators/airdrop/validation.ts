/**
 * Validation of what a connector uploads: external domain metadata (the DevRev JSON schema),
 * normalized items, normalized attachments, ssor_attachment records and external sync units.
 * Every check returns a readable reason instead of throwing, so callers can name the artifact and line.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import metadataSchema from './schemas/external_domain_metadata_schema.json';

/** Item types the platform itself defines; they need no record type in the metadata (§5.3). */
export const PLATFORM_ITEM_TYPES: ReadonlySet<string> = new Set([
  'external_domain_metadata',
  'external_sync_units',
  'attachments',
  'ssor_attachment',
]);

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

const rfc3339 = { type: 'string', format: 'date-time' } as const;
const nonEmptyString = { type: 'string', minLength: 1 } as const;

const validators: Record<string, ValidateFunction> = {
  external_domain_metadata: ajv.compile(metadataSchema),
  normalized_item: ajv.compile({
    type: 'object',
    required: ['id', 'created_date', 'modified_date', 'data'],
    properties: { id: nonEmptyString, created_date: rfc3339, modified_date: rfc3339, data: { type: 'object' } },
  }),
  attachments: ajv.compile({
    type: 'object',
    required: ['url', 'id', 'file_name', 'parent_id'],
    properties: {
      url: nonEmptyString,
      id: nonEmptyString,
      file_name: nonEmptyString,
      parent_id: nonEmptyString,
      author_id: { type: 'string' },
      inline: { type: 'boolean' },
      content_type: { type: 'string' },
      created_date: rfc3339,
      modified_date: rfc3339,
      grand_parent_id: { type: ['string', 'number'] },
    },
  }),
  ssor_attachment: ajv.compile({
    type: 'object',
    required: ['id', 'parent_id'],
    properties: {
      id: {
        type: 'object',
        required: ['devrev', 'external'],
        properties: { devrev: nonEmptyString, external: nonEmptyString },
      },
      parent_id: { type: 'object', required: ['external'], properties: { external: { type: 'string' } } },
      actor_id: { type: 'object', properties: { external: { type: 'string' } } },
      inline: { type: 'boolean' },
    },
  }),
  external_sync_units: ajv.compile({
    type: 'object',
    required: ['id', 'name'],
    properties: { id: nonEmptyString, name: { type: 'string' }, description: { type: 'string' } },
  }),
};

/** ajv errors as one short line: `/path: message; ...` (at most `max` entries). */
export function describeAjvErrors(errors: ErrorObject[] | null | undefined, max = 5): string {
  if (!errors || errors.length === 0) return 'invalid';
  const lines = errors.map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
    return `${e.instancePath || '/'}: ${e.message ?? e.keyword}${extra}`;
  });
  const unique = [...new Set(lines)];
  const shown = unique.slice(0, max).join('; ');
  return unique.length > max ? `${shown}; ... ${unique.length - max} more` : shown;
}

/** Why `value` is not valid for `kind` (see `validators`), or undefined when it is. */
function check(kind: string, value: unknown): string | undefined {
  const validate = validators[kind];
  return validate(value) ? undefined : describeAjvErrors(validate.errors);
}

/** Why the object is not valid external domain metadata per DevRev's schema, or undefined. */
export function checkExternalDomainMetadata(value: unknown): string | undefined {
  return check('external_domain_metadata', value);
}

/**
 * Why `value` is not a valid line of an artifact of `itemType`, or undefined.
 * Record types hold `NormalizedItem`s; the platform types have their own shapes.
 */
export function checkArtifactLine(itemType: string, value: unknown): string | undefined {
  if (itemType === 'external_domain_metadata') return checkExternalDomainMetadata(value);
  if (itemType in validators) return check(itemType, value);
  return check('normalized_item', value);
}

/** Attachment ids name files on disk (contract §1): `[A-Za-z0-9._-]` only, never `.` or `..`. */
export function isFileNameSafe(id: string): boolean {
  return /^[A-Za-z0-9._-]+$/.test(id) && id !== '.' && id !== '..';
}
