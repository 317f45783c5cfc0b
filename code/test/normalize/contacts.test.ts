import { ContactSchema } from '../../src/intercom/schemas';
import { contactReference, normalizeContact } from '../../src/normalize';
import { baseContext, fixture } from './fixtures';

const contacts = fixture('contacts/contacts.json').data;
const joe = ContactSchema.parse(contacts[0]);
const lead = ContactSchema.parse(contacts[1]);

describe('contact reference option', () => {
  it('uses the chosen attribute value, and flags contacts without one', () => {
    expect(contactReference(joe, 'customer_ref')).toEqual({ ref: 'CUST-0042', fallback: false });
    expect(contactReference(lead, 'customer_ref')).toEqual({ ref: lead.id, fallback: true });
  });

  it('uses the Intercom id without flagging when the option is empty', () => {
    expect(contactReference(joe, '')).toEqual({ ref: joe.id, fallback: false });
    expect(contactReference(joe, undefined)).toEqual({ ref: joe.id, fallback: false });
  });

  it('turns numbers into strings and treats blank strings as missing', () => {
    const withNumber = ContactSchema.parse({ ...contacts[0], custom_attributes: { customer_ref: 4711 } });
    const withBlank = ContactSchema.parse({ ...contacts[0], custom_attributes: { customer_ref: '   ' } });
    expect(contactReference(withNumber, 'customer_ref')).toEqual({ ref: '4711', fallback: false });
    expect(contactReference(withBlank, 'customer_ref')).toEqual({ ref: joe.id, fallback: true });
  });

  it('writes the reference into the item', () => {
    const data = normalizeContact(lead, { ...baseContext(), contactReferenceField: 'customer_ref' }).data;
    expect(data).toMatchObject({ external_ref: lead.id, external_ref_is_fallback: true, role: 'lead' });
  });

  it('rejects a role other than user or lead, naming it', () => {
    const visitor = ContactSchema.parse({ ...contacts[0], role: 'visitor' });
    expect(() => normalizeContact(visitor, baseContext())).toThrow(/role.*visitor/);
  });
});
