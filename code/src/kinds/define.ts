/**
 * From a typed kind definition to the entry the generic loop walks. The loop carries objects as
 * {@link Raw}; each one reached the kind's functions only after its schema checked it (the listing's
 * item schema, or the detail read's), so giving them their type back here is sound. This is the one
 * place that says so to the type checker.
 */
import type { KindDefinition, Raw } from './types';

const checked = <T extends Raw>(obj: Raw): T => obj as T;

export function defineKind<const I extends string, const E extends string, TListed extends Raw, TFull extends Raw = TListed>(
  def: KindDefinition<I, E, TListed, TFull>,
): KindDefinition<I, E, Raw, Raw> {
  const { fetchDetail, detailNeeded, changesInWindow, completion } = def;
  return {
    ...def,
    updatedAt: (obj) => def.updatedAt(checked<TListed>(obj)),
    normalize: (obj, ctx) => def.normalize(checked<TFull>(obj), ctx),
    ...(fetchDetail && {
      fetchDetail: async (client, listed) =>
        detailNeeded && !detailNeeded(checked<TListed>(listed)) ? checked<TFull>(listed) : fetchDetail(client, checked<TListed>(listed)),
    }),
    ...(detailNeeded && { detailNeeded: (listed) => detailNeeded(checked<TListed>(listed)) }),
    ...(changesInWindow && { changesInWindow: (obj, batch, window) => changesInWindow(checked<TFull>(obj), batch, window) }),
    ...(completion && { completion: { needed: (obj) => completion.needed(checked<TListed>(obj)), read: completion.read } }),
  };
}

/** `updated_at` of an object that has one (unix s). */
export const updatedAtOf = (obj: Raw): number | undefined =>
  typeof obj.updated_at === 'number' ? obj.updated_at : undefined;

/** Kinds without timestamps: re-listed whole each sync (they are small and unpaginated). */
export const noTimestamp = (): undefined => undefined;
