import Ajv from 'ajv';
import * as fs from 'node:fs';
import type { z } from 'zod';
import {
  AdminSchema, ArticleSchema, CollectionSchema, CompanySchema, ContactSchema, ConversationSchema, TagSchema, TeamSchema, TicketSchema,
} from '../../src/intercom/schemas';
import {
  normalizeAdmin, normalizeArticle, normalizeBatch, normalizeCollection, normalizeCompany,
  normalizeBot, normalizeContact, normalizeConversation, normalizeTag, normalizeTeam, normalizeTicket, STRUCT_TYPES,
  type MetadataField, type NormalizedItem, type NormalizeContext,
} from '../../src/normalize';
import { buildExternalDomainMetadata } from '../../src/extraction/metadata';
import { KINDS } from '../../src/kinds';
import { baseContext, fixture } from './fixtures';
import { METADATA_SCHEMA } from '../shared-paths';

const schema = JSON.parse(fs.readFileSync(METADATA_SCHEMA, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const errorsOf = () => ajv.errorsText(validate.errors, { separator: '\n' });

/** Every fixture normalized, as [item type, item] pairs. */
function allItems(ctx: NormalizeContext): Array<[string, NormalizedItem]> {
  const run = <S extends z.ZodType>(kind: string, s: S, raws: unknown[], fn: (o: z.output<S>, c: NormalizeContext) => any) =>
    normalizeBatch(kind, s, raws, fn, ctx).items;
  const out: Array<[string, NormalizedItem]> = [];
  run('admin', AdminSchema, fixture('admins/admins.json').admins, normalizeAdmin).forEach((i) => out.push(['admins', i]));
  run('team', TeamSchema, fixture('teams/teams.json').teams, normalizeTeam).forEach((i) => out.push(['teams', i]));
  run('tag', TagSchema, fixture('tags/tags.json').data, normalizeTag).forEach((i) => out.push(['tags', i]));
  run('company', CompanySchema, fixture('companies/companies-scroll.json').data, normalizeCompany).forEach((i) => out.push(['companies', i]));
  run('contact', ContactSchema, fixture('contacts/contacts.json').data, normalizeContact).forEach((i) => out.push(['contacts', i]));
  run('collection', CollectionSchema, fixture('collections/collections.json').data, normalizeCollection).forEach((i) =>
    out.push(['collections', i]),
  );
  run('article', ArticleSchema, fixture('articles/articles.json').data, normalizeArticle).forEach((r) => out.push(['articles', r.article]));
  const conversations = [
    fixture('conversations/conversation-full.json'),
    fixture('conversations/conversation-over-500-parts.json'),
    ...fixture('conversations/conversations-search.json').conversations,
  ];
  run('conversation', ConversationSchema, conversations, normalizeConversation).forEach((r) => {
    out.push(['conversations', r.conversation]);
    r.parts.forEach((p: NormalizedItem) => out.push(['conversation_parts', p]));
  });
  out.push(['bots', normalizeBot({ id: '278', name: 'Fin', email: 'operator+qz7x2b1k@intercom.io' }, ctx)]);
  run('ticket', TicketSchema, [fixture('tickets/ticket.json')], normalizeTicket).forEach((r) => {
    out.push(['tickets', r.ticket]);
    r.parts.forEach((p: NormalizedItem) => out.push(['ticket_parts', p]));
  });
  return out;
}

/** Checks one value against its field declaration; returns a problem or null. */
function valueProblem(value: unknown, field: MetadataField): string | null {
  if (value === null) return null;
  if (field.collection) {
    if (!Array.isArray(value)) return 'collection field holds a non-array';
    for (const v of value) {
      const p = valueProblem(v, { ...field, collection: undefined });
      if (p) return p;
    }
    return null;
  }
  switch (field.type) {
    case 'text':
      return typeof value === 'string' ? null : 'text field holds a non-string';
    case 'reference':
      return typeof value === 'string' && value !== '' ? null : 'reference is not a non-empty string';
    case 'int':
      return Number.isInteger(value) ? null : 'int field holds a non-integer';
    case 'float':
      return typeof value === 'number' ? null : 'float field holds a non-number';
    case 'bool':
      return typeof value === 'boolean' ? null : 'bool field holds a non-boolean';
    case 'timestamp':
      return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) ? null : 'not RFC3339';
    case 'enum':
      return field.enum!.values.some((v) => v.key === value) ? null : `enum value ${JSON.stringify(value)} not declared`;
    case 'rich_text':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' || (typeof v === 'object' && v && 'ref_type' in v && 'id' in v))
        ? null
        : 'rich text is not an array of strings and mentions';
    case 'struct': {
      const struct = STRUCT_TYPES[field.struct!.key];
      if (!struct || typeof value !== 'object') return 'struct value or struct type missing';
      for (const [k, v] of Object.entries(value as object)) {
        if (!struct.fields[k]) return `struct key ${k} not declared`;
        const p = valueProblem(v, struct.fields[k]!);
        if (p) return `${k}: ${p}`;
      }
      return null;
    }
    default:
      return `unexpected field type ${field.type}`;
  }
}

describe('external domain metadata', () => {
  const ctx = baseContext();
  const types = buildExternalDomainMetadata(KINDS, ctx.customAttributes ?? {}).record_types;

  it.each(Object.entries(types))('record type %s alone validates against the schema', (key, recordType) => {
    const ok = validate({ schema_version: 'v0.2.0', record_types: { [key]: recordType } });
    if (!ok) throw new Error(errorsOf());
  });

  it('the whole document (with struct types) validates, with and without custom attributes', () => {
    for (const doc of [buildExternalDomainMetadata(KINDS, ctx.customAttributes ?? {}), buildExternalDomainMetadata(KINDS, {})]) {
      if (!validate(doc)) throw new Error(errorsOf());
    }
  });

  it('never declares the top-level item keys, and references point at declared record types or structs exist', () => {
    for (const [key, rt] of Object.entries(types)) {
      for (const banned of ['id', 'created_date', 'modified_date']) expect(Object.keys(rt.fields)).not.toContain(banned);
      for (const [name, field] of [...Object.entries(rt.fields), ...Object.values(STRUCT_TYPES).flatMap((s) => Object.entries(s.fields))]) {
        for (const target of Object.keys(field.reference?.refers_to ?? {})) {
          expect([`${key}.${name}`, target.replace('#record:', '') in types]).toEqual([`${key}.${name}`, true]);
        }
        if (field.type === 'struct') expect(STRUCT_TYPES[field.struct!.key]).toBeDefined();
      }
    }
  });

  it('every normalized item uses exactly the declared fields, with values of the declared types', () => {
    const items = allItems(ctx);
    expect(new Set(items.map(([t]) => t))).toEqual(new Set(Object.keys(types)));
    const problems: string[] = [];
    for (const [itemType, item] of items) {
      const fields = types[itemType]!.fields;
      const where = `${itemType} ${item.id}`;
      const dataKeys = Object.keys(item.data).sort().join(',');
      if (dataKeys !== Object.keys(fields).sort().join(',')) problems.push(`${where}: data keys ${dataKeys} differ from the fields`);
      for (const [key, value] of Object.entries(item.data)) {
        const problem = fields[key] ? valueProblem(value, fields[key]!) : 'not declared';
        if (problem) problems.push(`${where}.${key}: ${problem}`);
      }
      for (const [key, field] of Object.entries(fields)) {
        if (field.is_required && (item.data[key] === null || item.data[key] === undefined)) problems.push(`${where}.${key}: required but null`);
      }
      if (!/Z$/.test(item.created_date) || item.modified_date < item.created_date) problems.push(`${where}: bad dates`);
    }
    expect(problems).toEqual([]);
  });

  it('fails validation for a bad record type (the check can fail)', () => {
    expect(validate({ schema_version: 'v0.2.0', record_types: { x: { fields: { f: { type: 'reference' , is_filterable: true } } } } })).toBe(false);
  });
});
