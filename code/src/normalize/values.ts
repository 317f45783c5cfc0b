/** Small value rules shared by the normalizers (airdrop-protocol.md §6). */

/** Latest instant RFC3339 can write with a four-digit year (9999-12-31T23:59:59Z). */
const MAX_SECONDS = 253402300799;

/**
 * Unix seconds → RFC3339 UTC (`2024-12-18T15:54:03Z`); null/undefined/0/negative/non-finite → null, and
 * so is a value past year 9999 (milliseconds sent by mistake).
 */
export function toRfc3339(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SECONDS) return null;
  return new Date(Math.round(seconds * 1000)).toISOString().replace(/\.000Z$/, 'Z');
}

/** Like toRfc3339 but for timestamps the item cannot exist without. */
export function requiredRfc3339(seconds: number, what: string): string {
  const value = toRfc3339(seconds);
  if (value === null) throw new Error(`${what} is not a valid unix timestamp (${String(seconds)})`);
  return value;
}

/** An item's two dates, as every item type carries them. */
export type ItemDates = { created_date: string; modified_date: string };

/**
 * The dates of an object Intercom stamps: `created_at` is required (the item is bad without it), a
 * missing `updated_at` means never modified.
 */
export function itemDates(o: { created_at: number; updated_at?: number | null }): ItemDates {
  const created = requiredRfc3339(o.created_at, 'created_at');
  return { created_date: created, modified_date: toRfc3339(o.updated_at) ?? created };
}

/** The dates of an object Intercom does not stamp (admins, bots, teams, tags): when this run saw it. */
export function observedDates(ctx: { observedAt: string }): ItemDates {
  return { created_date: ctx.observedAt, modified_date: ctx.observedAt };
}

/** Trimmed-empty strings → null. */
export function textOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.trim() === '' ? null : value;
}

/** A reference id as a string; `""`, `0`, `"0"`, null → null (Intercom's "nobody"). */
export function refOrNull(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' || s === '0' ? null : s;
}

/** A list of reference ids, blanks removed, order kept, duplicates dropped. */
export function refList(values: Array<string | number | null | undefined> | null | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    const id = refOrNull(v);
    if (id !== null && !out.includes(id)) out.push(id);
  }
  return out;
}

/** Numbers pass, everything else → null. */
export function numberOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Booleans pass, everything else → null. */
export function boolOrNull(value: boolean | null | undefined): boolean | null {
  return typeof value === 'boolean' ? value : null;
}
