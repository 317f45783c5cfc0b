import type { IntercomCollection } from '../intercom/schemas';
import { bool, int, many, ref, text } from './fields';
import type { NormalizeContext, NormalizedItem, RecordTypeDefinition, StructTypeDefinition } from './types';
import { itemDates, numberOrNull, refOrNull, textOrNull } from './values';

/** One locale of a collection's name/description (struct `collection_translation`). */
export interface CollectionTranslation {
  locale: string;
  name: string | null;
  description: string | null;
}

/** Struct type `collection_translation`. */
export const collectionTranslationStruct: StructTypeDefinition = {
  name: 'Collection translation',
  fields: { locale: text('Locale', { is_required: true }), name: text('Name'), description: text('Description') },
};

/** Record type `collections`: help-center collections and sections (a section has a parent collection). */
export const collectionRecordType: RecordTypeDefinition = {
  name: 'Collection',
  description: 'A help-center collection, or a section inside one',
  fields: {
    name: text('Name', { is_required: true }),
    description: text('Description'),
    parent_id: ref('Parent collection', ['collections'], { reference_type: 'parent' }),
    is_section: bool('Is a section'),
    help_center_id: text('Help center ID'),
    icon: text('Icon'),
    order: int('Order'),
    default_locale: text('Default locale'),
    translations: many({ type: 'struct', name: 'Translations', struct: { key: 'collection_translation' } }),
    item_url_field: text('Link to item in Intercom'),
  },
};

/** Collection or section → item. Top-level fields are the default locale; other locales go to `translations`. */
export function normalizeCollection(collection: IntercomCollection, _ctx: NormalizeContext): NormalizedItem {
  const parentId = refOrNull(collection.parent_id);
  const translations: CollectionTranslation[] = [];
  for (const [locale, content] of Object.entries(collection.translated_content ?? {})) {
    if (locale === 'type' || locale === collection.default_locale || !content || typeof content !== 'object') continue;
    const name = textOrNull(content.name);
    const description = textOrNull(content.description);
    if (name !== null || description !== null) translations.push({ locale, name, description });
  }
  return {
    id: collection.id, ...itemDates(collection),
    data: {
      name: collection.name,
      description: textOrNull(collection.description),
      parent_id: parentId,
      is_section: parentId !== null,
      help_center_id: refOrNull(collection.help_center_id),
      icon: textOrNull(collection.icon),
      order: numberOrNull(collection.order),
      default_locale: textOrNull(collection.default_locale),
      translations,
      item_url_field: textOrNull(collection.url),
    },
  };
}
