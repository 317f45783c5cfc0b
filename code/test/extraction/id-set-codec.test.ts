import { decodeIdSet, encodeIdSet } from '../../src/extraction/id-set-codec';

describe('id set encoding', () => {
  it('gives back the same ids, sorted, without duplicates', () => {
    expect(decodeIdSet(encodeIdSet(['10', '9', '100', '10', '65f1a2b3c4d5e6f708192a3b', 'ext id/ünï']))).toEqual(
      ['10', '100', '65f1a2b3c4d5e6f708192a3b', '9', 'ext id/ünï'],
    );
    expect(decodeIdSet(encodeIdSet([]))).toEqual([]);
  });

  it('keeps 50,000 decimal ids in a few KB and 2,000 ObjectIds under 40 KB', () => {
    const decimal = Array.from({ length: 50_000 }, (_, i) => String(7_000_000 + i * 3));
    expect(encodeIdSet(decimal).length).toBeLessThan(20_000);
    // ObjectIds: 4-byte time, then 8 random-looking bytes (an LCG here, no library).
    let x = 12345;
    const hex = Array.from({ length: 2_000 }, (_, i) => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const y = (x * 1103515245 + 12345) % 2 ** 31;
      x = y;
      return (0x65f00000 + i * 17).toString(16) + x.toString(16).padStart(8, '0') + y.toString(16).padStart(8, '0');
    });
    const encoded = encodeIdSet(hex);
    expect(encoded.length).toBeLessThan(40_000);
    expect(decodeIdSet(encoded)).toEqual([...hex].sort());
  });

  it('refuses an id with a newline and a malformed encoding, naming them', () => {
    expect(() => encodeIdSet(['a\nb'])).toThrow('id "a\\nb" contains a newline');
    const broken = Buffer.from(require('node:zlib').deflateRawSync(Buffer.from('zz 1\n0 2'))).toString('base64');
    expect(() => decodeIdSet(broken)).toThrow('malformed id set entry "zz 1"');
  });
});
