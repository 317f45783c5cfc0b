/** The sync window in hand-computed unix seconds (date(1) checked each one). */
import { inWindow, searchFloor, windowStartFor } from '../../src/extraction/window';

describe('sync window', () => {
  const bookmark = 1_767_225_600; // 2026-01-01T00:00:00Z: the previous run started then

  it('asks search for two more days than needed (day-granular search, next-day rule of ">")', () => {
    expect(searchFloor(bookmark)).toBe(1_767_052_800); // 2025-12-30T00:00:00Z
    expect(searchFloor(1_767_268_799)).toBe(1_767_095_999); // 2026-01-01T11:59:59Z → 2025-12-30T11:59:59Z
  });

  it('starts the client-side window five minutes before the bookmark', () => {
    expect(windowStartFor(bookmark)).toBe(1_767_225_300); // 2025-12-31T23:55:00Z
  });

  it('keeps an object stamped exactly at the window start (never a strict ">"), not one a second earlier', () => {
    expect(inWindow(1_767_225_300, 1_767_225_300)).toBe(true); // 23:55:00
    expect(inWindow(1_767_225_299, 1_767_225_300)).toBe(false); // 23:54:59
  });

  it('keeps objects stamped in the overlap, at the bookmark and after it', () => {
    const start = windowStartFor(bookmark);
    expect(inWindow(1_767_225_599, start)).toBe(true); // 23:59:59, one second before the run started
    expect(inWindow(1_767_225_600, start)).toBe(true); // the second the run started
    expect(inWindow(1_767_312_000, start)).toBe(true); // a day later
    expect(inWindow(1_767_139_200, start)).toBe(false); // a day earlier
  });

  it('keeps everything in a full run and objects without a usable stamp', () => {
    expect(inWindow(1, null)).toBe(true);
    expect(inWindow(undefined, 1_767_225_300)).toBe(true);
    expect(inWindow(null, 1_767_225_300)).toBe(true);
    expect(inWindow(Number.NaN, 1_767_225_300)).toBe(true);
  });
});
