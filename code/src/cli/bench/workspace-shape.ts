/**
 * The shape of the workspace the bench imports: issue 11's reference workspace (3,000 conversations
 * with about 52,000 parts, 4,000 contacts and 3,000 files), scaled to each size. The generator's
 * defaults (demo and tests) are left alone: the bench asks for this shape through generator options.
 */
import type { IntercomEmulatorOptions } from '../../emulators/intercom';

/** Per conversation, as in the reference workspace. */
export const REFERENCE_SHAPE = { partsPerConversation: 17, contactsPerConversation: 4 / 3, filesPerConversation: 1 } as const;

/**
 * Files the generator draws per conversation with every drawn file kept (attachment lists and inline
 * images of sources and parts): seed 11, 3,000 conversations, 17.2 parts on average: 7,800 files, 2.6.
 * The sizes of the files kept are drawn as always, so the file-size distribution stays the same.
 */
const DRAWN_FILES_PER_CONVERSATION = 2.6;

/** Generator options giving `conversations` conversations in the reference shape. */
export function referenceShapeOptions(conversations: number): Pick<IntercomEmulatorOptions, 'size' | 'fileShare'> {
  return {
    size: {
      conversations,
      contacts: Math.round(conversations * REFERENCE_SHAPE.contactsPerConversation),
      // Parts are drawn uniformly from 0 to this maximum: its half is the mean.
      maxPartsPerConversation: 2 * REFERENCE_SHAPE.partsPerConversation,
    },
    fileShare: REFERENCE_SHAPE.filesPerConversation / DRAWN_FILES_PER_CONVERSATION,
  };
}

/** The shape's name in the bench's output and results.json. */
export const REFERENCE_SHAPE_LABEL = `issue 11 reference: ${REFERENCE_SHAPE.partsPerConversation} parts, ${REFERENCE_SHAPE.contactsPerConversation.toFixed(2)} contacts, ${REFERENCE_SHAPE.filesPerConversation} file per conversation`;
