/** The search query language: operators, nesting limits, and Intercom's day-granular dates. */
import { startOfDay, startOfNextDay } from '../../../src/emulators/intercom/search/calendarDays';
import { conversationFields } from '../../../src/emulators/intercom/search/fields';
import { matches, parseQuery } from '../../../src/emulators/intercom/search/query';
import { IntercomHttpError } from '../../../src/emulators/intercom/http/errors';
import type { JsonObject } from '../../../src/emulators/intercom/workspace/types';

const BERLIN = 'Europe/Berlin';
const VALUE = 1768035600; // 2026-01-10T09:00:00Z = 10:00 in Berlin

// Instants around the Berlin day of VALUE (2026-01-10 local = 2026-01-09T23:00Z .. 2026-01-10T23:00Z).
const records: Record<string, JsonObject> = {
  lastSecondOfPreviousDay: { id: '1', updated_at: 1767999599 }, // Jan 9, 23:59:59 Berlin
  firstSecondOfDay: { id: '2', updated_at: 1767999600 }, // Jan 10, 00:00:00 Berlin
  justAfterValue: { id: '3', updated_at: VALUE + 1 }, // Jan 10, 10:00:01 Berlin
  lastSecondOfDay: { id: '4', updated_at: 1768085999 }, // Jan 10, 23:59:59 Berlin
  firstSecondOfNextDay: { id: '5', updated_at: 1768086000 }, // Jan 11, 00:00:00 Berlin
};

function run(query: unknown, timeZone = BERLIN): string[] {
  const filter = parseQuery(query, conversationFields);
  return Object.entries(records).filter(([, r]) => matches(filter, r, timeZone)).map(([name]) => name);
}

function rejects(query: unknown): IntercomHttpError {
  try {
    parseQuery(query, conversationFields);
  } catch (error) {
    expect(error).toBeInstanceOf(IntercomHttpError);
    expect((error as IntercomHttpError).status).toBe(400);
    return error as IntercomHttpError;
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
}

describe('calendar days in the workspace timezone', () => {
  test('Berlin in winter: a day starts at 23:00 UTC the evening before', () => {
    expect(startOfDay(VALUE, BERLIN)).toBe(1767999600);
    expect(startOfNextDay(VALUE, BERLIN)).toBe(1768086000);
  });
  test('New York on the day DST starts: the day is 23 hours long', () => {
    const noonUtc = 1772971200; // 2026-03-08T12:00Z
    expect(startOfDay(noonUtc, 'America/New_York')).toBe(1772946000); // 05:00Z (EST)
    expect(startOfNextDay(noonUtc, 'America/New_York')).toBe(1773028800); // 04:00Z next day (EDT)
  });
});

describe('date operators match by calendar day (intercom-api.md §6.1)', () => {
  test('> matches from the start of the NEXT day, not from the instant', () => {
    expect(run({ field: 'updated_at', operator: '>', value: VALUE })).toEqual(['firstSecondOfNextDay']);
  });
  test('< matches before the start of the value\'s day', () => {
    expect(run({ field: 'updated_at', operator: '<', value: VALUE })).toEqual(['lastSecondOfPreviousDay']);
  });
  test('= matches the whole day', () => {
    expect(run({ field: 'updated_at', operator: '=', value: VALUE })).toEqual(['firstSecondOfDay', 'justAfterValue', 'lastSecondOfDay']);
  });
  test('the same query on a UTC workspace draws the day boundaries at UTC midnight', () => {
    expect(run({ field: 'updated_at', operator: '>', value: VALUE }, 'UTC')).toEqual([]);
    expect(run({ field: 'updated_at', operator: '<', value: VALUE }, 'UTC')).toEqual(['lastSecondOfPreviousDay', 'firstSecondOfDay']);
  });
  test('numeric strings are accepted as date values (as in the spec example)', () => {
    expect(run({ field: 'updated_at', operator: '>', value: String(VALUE) })).toEqual(['firstSecondOfNextDay']);
  });
  test.each(['!=', '>=', '<=', 'IN', 'NIN'])('%s on a date field is an error', (operator) => {
    const error = rejects({ field: 'updated_at', operator, value: operator.endsWith('IN') ? [VALUE] : VALUE });
    expect(error.message).toContain('updated_at');
  });
  test('a non-numeric date value is an error', () => {
    expect(rejects({ field: 'created_at', operator: '>', value: 'foorbar' }).message).toContain('foorbar');
  });
});

describe('other operators and nesting', () => {
  const conversation: JsonObject = {
    id: '77',
    state: 'snoozed',
    open: true,
    admin_assignee_id: 12,
    source: { author: { email: 'Ada@Example.com' }, body: '<p>I need support now</p>' },
    contacts: { contacts: [{ id: 'c1' }, { id: 'c2' }] },
    tags: { tags: [{ id: 't9' }] },
  };
  const hit = (query: unknown) => matches(parseQuery(query, conversationFields), conversation, BERLIN);

  test('equality, lists and multi-valued fields', () => {
    expect(hit({ field: 'state', operator: '=', value: 'snoozed' })).toBe(true);
    expect(hit({ field: 'state', operator: '!=', value: 'snoozed' })).toBe(false);
    expect(hit({ field: 'state', operator: 'IN', value: ['open', 'snoozed'] })).toBe(true);
    expect(hit({ field: 'state', operator: 'NIN', value: ['open', 'snoozed'] })).toBe(false);
    expect(hit({ field: 'contact_ids', operator: '=', value: 'c2' })).toBe(true);
    expect(hit({ field: 'contact_ids', operator: '!=', value: 'c2' })).toBe(false);
    expect(hit({ field: 'tag_ids', operator: 'IN', value: ['t1', 't9'] })).toBe(true);
    expect(hit({ field: 'open', operator: '=', value: 'true' })).toBe(true);
    expect(hit({ field: 'open', operator: '=', value: false })).toBe(false);
  });
  test('integers compare as numbers', () => {
    expect(hit({ field: 'admin_assignee_id', operator: '>', value: 11 })).toBe(true);
    expect(hit({ field: 'admin_assignee_id', operator: '<', value: '12' })).toBe(false);
    expect(hit({ field: 'admin_assignee_id', operator: '>=', value: 12 })).toBe(true);
  });
  test('string operators ~ !~ ^ $ (case-insensitive)', () => {
    expect(hit({ field: 'source.author.email', operator: '~', value: 'example' })).toBe(true);
    expect(hit({ field: 'source.author.email', operator: '!~', value: 'example' })).toBe(false);
    expect(hit({ field: 'source.author.email', operator: '^', value: 'ada@' })).toBe(true);
    expect(hit({ field: 'source.author.email', operator: '$', value: '.org' })).toBe(false);
  });
  test('source.body matches single words only', () => {
    expect(hit({ field: 'source.body', operator: '=', value: 'support' })).toBe(true);
    expect(hit({ field: 'source.body', operator: '=', value: 'need support' })).toBe(false);
  });
  test('AND/OR nest two levels: (1 OR 2) AND (3 OR 4)', () => {
    const query = {
      operator: 'AND',
      value: [
        { operator: 'OR', value: [{ field: 'state', operator: '=', value: 'open' }, { field: 'state', operator: '=', value: 'snoozed' }] },
        { operator: 'OR', value: [{ field: 'id', operator: '=', value: '1' }, { field: 'id', operator: '=', value: '77' }] },
      ],
    };
    expect(hit(query)).toBe(true);
    expect(hit({ ...query, operator: 'AND', value: [...query.value, { field: 'id', operator: '=', value: '2' }] })).toBe(false);
  });
  test('a third level of nesting, 16 filters in a group, unknown fields and operators are rejected', () => {
    const leaf = { field: 'id', operator: '=', value: '1' };
    rejects({ operator: 'AND', value: [{ operator: 'OR', value: [{ operator: 'AND', value: [leaf] }] }] });
    rejects({ operator: 'OR', value: Array.from({ length: 16 }, () => leaf) });
    expect(rejects({ field: 'no_such_field', operator: '=', value: 'x' }).field).toBe('no_such_field');
    rejects({ field: 'id', operator: 'LIKE', value: 'x' });
    rejects({ field: 'state', operator: '>', value: 'open' });
    rejects({ field: 'state', operator: 'IN', value: 'open' });
  });
});
