/**
 * Calendar-day boundaries in a workspace's IANA timezone. Intercom's search truncates date
 * values to the day in the workspace timezone (intercom-api.md §6.1).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local calendar fields of an instant (unix seconds) in `timeZone`. */
function localFields(unix: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(unix * 1000)).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute, second: +parts.second };
}

/** Offset of `timeZone` from UTC at an instant, in seconds (Berlin in winter: 3600). */
function offsetAt(unix: number, timeZone: string): number {
  const f = localFields(unix, timeZone);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) / 1000 - unix;
}

/** The instant local midnight of year-month-day begins (month 1-based; day may overflow). */
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wallClock = Date.UTC(year, month - 1, day) / 1000;
  // Two passes settle the offset across a DST change.
  let instant = wallClock - offsetAt(wallClock, timeZone);
  instant = wallClock - offsetAt(instant, timeZone);
  return instant;
}

/** Start (unix seconds) of the calendar day that contains `unix` in `timeZone`. */
export function startOfDay(unix: number, timeZone: string): number {
  const f = localFields(unix, timeZone);
  return localMidnight(f.year, f.month, f.day, timeZone);
}

/** Start (unix seconds) of the calendar day after the one that contains `unix`. */
export function startOfNextDay(unix: number, timeZone: string): number {
  const f = localFields(unix, timeZone);
  return localMidnight(f.year, f.month, f.day + 1, timeZone);
}
