import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import { KINDS, allItemTypes } from '../../src/kinds';
import { buildExternalDomainMetadata } from '../../src/extraction/metadata';
import { checkContactReferenceField, ContactReferenceFieldError, runStartTime } from '../../src/extraction/run-context';
import idm from '../../src/extraction/initial-domain-mapping.json';
import { METADATA_SCHEMA } from '../shared-paths';

const schema = JSON.parse(fs.readFileSync(METADATA_SCHEMA, 'utf8'));
const custom = {
  contacts: [{ name: 'crm_id', data_type: 'string', custom: true }, { name: 'Signup date', data_type: 'date', custom: true }],
  companies: [{ name: 'tier', data_type: 'integer', custom: true }],
  conversations: [{ name: 'Issue type', data_type: 'list', custom: true }],
  tickets: [{ name: 'Severity', data_type: 'list', custom: true }, { name: 'Amount', data_type: 'decimal', custom: true }],
};

describe('external domain metadata', () => {
  const metadata = buildExternalDomainMetadata(KINDS, custom);

  it('validates against the published schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(metadata);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('declares one record type per item type, and the custom attributes', () => {
    expect(Object.keys(metadata.record_types).sort()).toEqual(allItemTypes().sort());
    expect(Object.keys(metadata.record_types.contacts.fields).some((k) => k.startsWith('custom_'))).toBe(true);
    expect(Object.keys(metadata.record_types.companies.fields).some((k) => k.startsWith('custom_'))).toBe(true);
    expect(metadata.record_types.tickets.fields).toMatchObject({ custom_severity: { type: 'text' }, custom_amount: { type: 'float' } });
  });

  it('has every reference point at a declared record type', () => {
    for (const [type, rt] of Object.entries(metadata.record_types)) {
      for (const [key, field] of Object.entries(rt.fields)) {
        for (const target of Object.keys(field.reference?.refers_to ?? {})) {
          expect({ type, key, target, declared: target.replace('#record:', '') in metadata.record_types })
            .toEqual({ type, key, target, declared: true });
        }
      }
    }
  });
});

describe('initial domain mapping', () => {
  const metadata = buildExternalDomainMetadata(KINDS, {});
  const mappings = idm.additional_mappings.record_type_mappings as Record<string, any>;
  const expectedTargets: Record<string, string> = {
    conversations: 'conversation', conversation_parts: 'comment', tags: 'tag', admins: 'devu', companies: 'account',
    contacts: 'revu', collections: 'directory', articles: 'article', teams: 'group', bots: 'sysu', tickets: 'ticket', ticket_parts: 'comment',
  };

  it('maps each record type to its DevRev object type', () => {
    for (const [recordType, target] of Object.entries(expectedTargets)) {
      expect(mappings[recordType].default_mapping).toEqual({ object_category: 'stock', object_type: target });
    }
  });

  it('only names external fields the metadata declares', () => {
    for (const [recordType, mapping] of Object.entries(mappings)) {
      for (const option of mapping.possible_record_type_mappings) {
        for (const [stockField, m] of Object.entries(option.shard.stock_field_mappings as Record<string, any>)) {
          if (m.primary_external_field === undefined) continue;
          expect({ recordType, stockField, field: m.primary_external_field, declared: m.primary_external_field in metadata.record_types[recordType].fields })
            .toEqual({ recordType, stockField, field: m.primary_external_field, declared: true });
        }
      }
    }
  });

  it('gives required DevRev fields a value or a fallback', () => {
    const required: Record<string, string[]> = {
      devu: ['display_name'], sysu: ['display_name'], tag: ['name'], account: ['display_name', 'owned_by', 'state'], revu: ['display_name'],
      conversation: ['conversation_type', 'member_ids'], comment: ['body', 'created_by_id', 'modified_by_id', 'parent_object_id'],
      directory: ['title', 'published'], article: ['title', 'owned_by_ids'], group: ['name', 'description'],
      ticket: ['title', 'applies_to_part_id', 'owned_by_ids', 'severity', 'stage'],
    };
    for (const [recordType, target] of Object.entries(expectedTargets)) {
      const fields = mappings[recordType].possible_record_type_mappings[0].shard.stock_field_mappings;
      for (const field of required[target]) expect({ recordType, field, mapped: field in fields }).toEqual({ recordType, field, mapped: true });
    }
  });
});

describe('contact reference field option', () => {
  const attrs = [{ name: 'crm_id', data_type: 'string', custom: true }, { name: 'email', data_type: 'string', custom: false }];
  it('accepts an existing custom attribute and the empty option', () => {
    expect(() => checkContactReferenceField('crm_id', attrs)).not.toThrow();
    expect(() => checkContactReferenceField('', [])).not.toThrow();
  });
  it('names the unknown field and the known ones', () => {
    expect(() => checkContactReferenceField('crm', attrs)).toThrow(ContactReferenceFieldError);
    expect(() => checkContactReferenceField('crm', attrs)).toThrow(/"crm".*Known custom contact attributes: "crm_id"/);
  });
});

describe('run start time', () => {
  it('errs early: the earliest of our clock, the server Date header and the newest stamp', () => {
    expect(runStartTime(undefined, undefined, 2_000_000_000_000)).toBe(2_000_000_000);
    expect(runStartTime(1_900_000_000, undefined, 2_000_000_000_000)).toBe(1_900_000_000);
    expect(runStartTime(2_100_000_000, 1_800_000_000, 2_000_000_000_000)).toBe(1_800_000_000);
  });
});
