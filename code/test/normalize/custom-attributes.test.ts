import { createHash } from 'node:crypto';
import { customAttributeFields, customAttributeKeys, normalizeCustomAttributes, snakeName } from '../../src/normalize';

const h8 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);

describe('custom attribute keys', () => {
  it('snake-cases names, folding accents', () => {
    expect(['Plan Type', '  MRR (USD) ', 'Größe', 'café-au-lait', 'a__b', '日本'].map(snakeName)).toEqual([
      'plan_type', 'mrr_usd', 'grosse', 'cafe_au_lait', 'a_b', '',
    ]);
  });

  it('gives colliding names stable keys whatever the order, the snake-form name keeping the plain key', () => {
    const a = [{ name: 'Plan Type', data_type: 'string' }, { name: 'plan_type', data_type: 'string' }, { name: 'plan-type', data_type: 'string' }];
    const keys1 = customAttributeKeys(a);
    const keys2 = customAttributeKeys([...a].reverse());
    expect(Object.fromEntries(keys1)).toEqual(Object.fromEntries(keys2));
    expect(keys1.get('plan_type')).toBe('custom_plan_type');
    expect(keys1.get('Plan Type')).toBe(`custom_plan_type_${h8('Plan Type')}`);
    expect(keys1.get('plan-type')).toBe(`custom_plan_type_${h8('plan-type')}`);
    expect(new Set(keys1.values()).size).toBe(3);
  });

  it('names attributes with nothing left after folding by a hash', () => {
    expect(customAttributeKeys([{ name: '日本', data_type: 'string' }]).get('日本')).toBe(`custom_attr_${h8('日本')}`);
  });

  it('ignores standard (non-custom) attributes', () => {
    expect(customAttributeKeys([{ name: 'name', data_type: 'string', custom: false }]).size).toBe(0);
  });
});

describe('custom attribute values', () => {
  const defs = [
    { name: 'n', data_type: 'integer' },
    { name: 'f', data_type: 'float' },
    { name: 'd', data_type: 'decimal' },
    { name: 'b', data_type: 'boolean' },
    { name: 'when', data_type: 'date' },
    { name: 'at', data_type: 'datetime' },
    { name: 's', data_type: 'string' },
    { name: 'l', data_type: 'list' },
    { name: 'rel', data_type: 'relationship' },
  ];

  it('declares a field per attribute with the matching type, plus the notes field', () => {
    const fields = customAttributeFields(defs);
    expect(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.type]))).toEqual({
      custom_n: 'int', custom_f: 'float', custom_d: 'float', custom_b: 'bool', custom_when: 'timestamp', custom_at: 'timestamp',
      custom_s: 'text', custom_l: 'text', custom_rel: 'text', custom_attribute_notes: 'text',
    });
    expect(fields.custom_attribute_notes!.collection).toEqual({});
  });

  it('converts values by data type', () => {
    const out = normalizeCustomAttributes(
      { n: '42', f: '1.5', d: 2, b: 'true', when: 1704067200, at: '2024-01-01T10:00:00+02:00', s: 7, l: 'S1', rel: { type: 'list', data: [] } },
      defs,
    );
    expect(out).toEqual({
      custom_n: 42, custom_f: 1.5, custom_d: 2, custom_b: true, custom_when: '2024-01-01T00:00:00Z', custom_at: '2024-01-01T08:00:00Z',
      custom_s: '7', custom_l: 'S1', custom_rel: '{"type":"list","data":[]}', custom_attribute_notes: [],
    });
  });

  it('nulls values that do not fit and says so, and lists attributes without a definition', () => {
    const out = normalizeCustomAttributes({ n: 1.5, b: 'yes', when: 'soon', mystery: 1, empty_unknown: '' }, defs);
    expect(out.custom_n).toBeNull();
    expect(out.custom_b).toBeNull();
    expect(out.custom_when).toBeNull();
    expect(out.custom_attribute_notes).toEqual([
      'n: not a valid integer (1.5)',
      'b: not a valid boolean ("yes")',
      'when: not a valid date ("soon")',
      'mystery: no attribute definition',
    ]);
  });
});
