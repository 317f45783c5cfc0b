import { inWindow, OVERLAP_SECONDS, searchFloor, SEARCH_MARGIN_SECONDS, windowStartFor } from '../../src/extraction/window';

describe('sync window', () => {
  const bookmark = 1_767_225_600; // 2026-01-01T00:00:00Z

  it('asks search for two more days than needed (day-granular search, next-day rule of ">")', () => {
    expect(searchFloor(bookmark)).toBe(bookmark - 2 * 86_400);
    expect(SEARCH_MARGIN_SECONDS).toBeGreaterThanOrEqual(2 * 86_400);
  });

  it('keeps an object stamped exactly at the window start (never a strict ">")', () => {
    const start = windowStartFor(bookmark);
    expect(inWindow(start, start)).toBe(true);
    expect(inWindow(start - 1, start)).toBe(false);
  });

  it('keeps an object stamped in the same second as the bookmark, and just before it (overlap)', () => {
    const start = windowStartFor(bookmark);
    expect(inWindow(bookmark, start)).toBe(true);
    expect(inWindow(bookmark - 1, start)).toBe(true);
    expect(inWindow(bookmark - OVERLAP_SECONDS, start)).toBe(true);
  });

  it('keeps everything in a full run and objects without a stamp', () => {
    expect(inWindow(1, null)).toBe(true);
    expect(inWindow(undefined, windowStartFor(bookmark))).toBe(true);
  });
});
