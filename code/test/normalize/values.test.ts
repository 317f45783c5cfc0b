import { refList, refOrNull, requiredRfc3339, textOrNull, toRfc3339 } from '../../src/normalize';

describe('value rules', () => {
  it('writes unix seconds as RFC3339 UTC and refuses what is not a time', () => {
    expect(toRfc3339(1734537424)).toBe('2024-12-18T15:57:04Z');
    expect(toRfc3339(1734537424.5)).toBe('2024-12-18T15:57:04.500Z');
    expect([0, -5, null, undefined, NaN, Infinity, 1734537424000].map(toRfc3339)).toEqual([null, null, null, null, null, null, null]);
    expect(() => requiredRfc3339(0, 'created_at')).toThrow('created_at is not a valid unix timestamp (0)');
  });

  it('turns blank strings and zero ids into null and ids into strings', () => {
    expect([textOrNull(''), textOrNull('  '), textOrNull('x')]).toEqual([null, null, 'x']);
    expect([refOrNull(0), refOrNull('0'), refOrNull(''), refOrNull(null), refOrNull(991267459)]).toEqual([null, null, null, null, '991267459']);
    expect(refList([1, '1', 0, '', null, '2'])).toEqual(['1', '2']);
  });
});
