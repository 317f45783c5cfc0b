import { IntercomHttpError } from '../http/errors';
import { startOfDay, startOfNextDay } from './calendarDays';

/** Value types of searchable fields (the "Type" column of Intercom's field tables). */
export type FieldType = 'string' | 'integer' | 'date' | 'boolean';

/** A searchable field: its type and how to read its value(s) from a record. */
export interface SearchField<R> {
  type: FieldType;
  /** All values of the field on a record (multi-valued fields such as `tag_ids` give several). */
  values(record: R): unknown[];
}

/** Resolves a field name (including dynamic ones such as `custom_attributes.x`). */
export type FieldCatalog<R> = (name: string) => SearchField<R> | undefined;

export type Operator = '=' | '!=' | 'IN' | 'NIN' | '<' | '<=' | '>' | '>=' | '~' | '!~' | '^' | '$';

/** A parsed, validated filter tree. */
export type Filter<R> =
  | { kind: 'single'; field: string; spec: SearchField<R>; operator: Operator; value: unknown }
  | { kind: 'group'; operator: 'AND' | 'OR'; filters: Filter<R>[] };

const OPERATORS_BY_TYPE: Record<FieldType, Operator[]> = {
  string: ['=', '!=', 'IN', 'NIN', '~', '!~', '^', '$'],
  integer: ['=', '!=', 'IN', 'NIN', '<', '<=', '>', '>='],
  // Intercom: "The !=, >=, <=, IN and NIN operators are not supported on Date fields and return an error."
  date: ['=', '<', '>'],
  boolean: ['=', '!='],
};

const MAX_NESTING = 2;
const MAX_FILTERS_PER_GROUP = 15;

function invalid(message: string, field?: string): IntercomHttpError {
  return new IntercomHttpError(400, 'bad_request', message, field);
}

/** Parses and validates a search `query` object; bad queries answer 400 as Intercom does. */
export function parseQuery<R>(raw: unknown, catalog: FieldCatalog<R>, depth = 0): Filter<R> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('query must be an object');
  const q = raw as Record<string, unknown>;
  if (q.operator === 'AND' || q.operator === 'OR') {
    if (depth >= MAX_NESTING) throw invalid(`Too many nested filters: at most ${MAX_NESTING} levels of AND/OR are allowed`);
    if (!Array.isArray(q.value) || q.value.length === 0) throw invalid(`${q.operator} needs a non-empty array of filters as its value`);
    if (q.value.length > MAX_FILTERS_PER_GROUP) throw invalid(`Too many filters: at most ${MAX_FILTERS_PER_GROUP} per ${q.operator} group`);
    return { kind: 'group', operator: q.operator, filters: q.value.map((v) => parseQuery(v, catalog, depth + 1)) };
  }
  return parseSingle(q, catalog);
}

function parseSingle<R>(q: Record<string, unknown>, catalog: FieldCatalog<R>): Filter<R> {
  const field = q.field;
  if (typeof field !== 'string' || field === '') throw invalid('Each filter needs a field');
  const spec = catalog(field);
  if (!spec) throw invalid(`${field} is not a searchable field`, field);
  const operator = q.operator as Operator;
  if (!Object.values(OPERATORS_BY_TYPE).some((ops) => ops.includes(operator))) {
    throw invalid(`Operator ${JSON.stringify(q.operator)} is not supported`, field);
  }
  if (!OPERATORS_BY_TYPE[spec.type].includes(operator)) {
    throw invalid(`The ${operator} operator is not supported on ${spec.type} field ${field}`, field);
  }
  const value = operator === 'IN' || operator === 'NIN' ? coerceList(q.value, spec.type, field) : coerce(q.value, spec.type, field);
  return { kind: 'single', field, spec, operator, value };
}

function coerceList(value: unknown, type: FieldType, field: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(`IN and NIN need an array value for ${field}`, field);
  return value.map((v) => coerce(v, type, field));
}

function coerce(value: unknown, type: FieldType, field: string): unknown {
  if (value === null) return null;
  if (type === 'string') {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  } else if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
  } else if ((typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value))) {
    return Number(value);
  }
  throw invalid(`${JSON.stringify(value)} is not a valid ${type} value for ${field}`, field);
}

/** Does `record` match the filter? Date fields compare by calendar day in `timeZone`. */
export function matches<R>(filter: Filter<R>, record: R, timeZone: string): boolean {
  if (filter.kind === 'group') {
    return filter.operator === 'AND'
      ? filter.filters.every((f) => matches(f, record, timeZone))
      : filter.filters.some((f) => matches(f, record, timeZone));
  }
  const values = filter.spec.values(record).filter((v) => v !== undefined);
  const present = values.filter((v) => v !== null);
  const { operator, value } = filter;
  if (value === null) {
    if (operator === '=') return present.length === 0;
    if (operator === '!=') return present.length > 0;
  }
  if (filter.spec.type === 'date') return matchDate(operator, value as number, present.map(Number), timeZone);
  const same = (v: unknown, w: unknown) => normalize(v, filter.spec.type) === normalize(w, filter.spec.type);
  switch (operator) {
    case '=': return present.some((v) => same(v, value));
    case '!=': return !present.some((v) => same(v, value));
    case 'IN': return present.some((v) => (value as unknown[]).some((w) => same(v, w)));
    case 'NIN': return !present.some((v) => (value as unknown[]).some((w) => same(v, w)));
    case '>': return present.some((v) => Number(v) > (value as number));
    case '>=': return present.some((v) => Number(v) >= (value as number));
    case '<': return present.some((v) => Number(v) < (value as number));
    case '<=': return present.some((v) => Number(v) <= (value as number));
    case '~': return present.some((v) => lower(v).includes(lower(value)));
    case '!~': return !present.some((v) => lower(v).includes(lower(value)));
    case '^': return present.some((v) => lower(v).startsWith(lower(value)));
    case '$': return present.some((v) => lower(v).endsWith(lower(value)));
  }
}

/**
 * Intercom's day-granular date semantics: `=` the whole day of the value, `>` from the start of
 * the next day, `<` before the start of the value's day.
 */
function matchDate(operator: Operator, value: number, present: number[], timeZone: string): boolean {
  const { dayStart, nextDayStart } = dayBounds(value, timeZone);
  if (operator === '>') return present.some((v) => v >= nextDayStart);
  if (operator === '<') return present.some((v) => v < dayStart);
  return present.some((v) => v >= dayStart && v < nextDayStart);
}

const boundsCache = new Map<string, { dayStart: number; nextDayStart: number }>();

/** Day boundaries of a value, memoized: a search compares one value with thousands of records. */
function dayBounds(value: number, timeZone: string): { dayStart: number; nextDayStart: number } {
  const key = `${timeZone}:${value}`;
  let bounds = boundsCache.get(key);
  if (!bounds) {
    bounds = { dayStart: startOfDay(value, timeZone), nextDayStart: startOfNextDay(value, timeZone) };
    if (boundsCache.size > 1000) boundsCache.clear();
    boundsCache.set(key, bounds);
  }
  return bounds;
}

function normalize(v: unknown, type: FieldType): unknown {
  if (type === 'integer') return Number(v);
  if (type === 'boolean') return v === true || v === 'true';
  return String(v);
}

function lower(v: unknown): string {
  return String(v).toLowerCase();
}

/** The field names a filter reads (to decide whether an index suffices). */
export function fieldsOf<R>(filter: Filter<R>): string[] {
  return filter.kind === 'single' ? [filter.field] : filter.filters.flatMap(fieldsOf);
}
