/**
 * The generated workspace: one store per kind (directory, contacts and companies, conversations, help
 * center), each deriving its base objects on demand from (seed, kind, index) and applying the
 * mutation overlay on top, and the emulated clock they share. Only small indexes and the overlay are
 * held in memory.
 */
import { conversationAttributes, dataAttributes } from './attributes';
import { ContactBook } from './contact-book';
import type { Context } from './context';
import { ConversationStore } from './conversation-store';
import { DirectoryStore } from './directory-store';
import { HelpCenterStore } from './help-center-store';
import { generatePeople, type People } from './people';
import type { FileResult, JsonObject } from './types';

export class WorkspaceCore {
  clock: number;
  readonly people: People;
  /** Admins, teams and tags. */
  readonly directory: DirectoryStore;
  /** Contacts and companies. */
  readonly contacts: ContactBook;
  readonly conversations: ConversationStore;
  /** Help centers, collections and articles (with their overlay). */
  readonly helpCenter: HelpCenterStore;

  constructor(readonly ctx: Context) {
    this.clock = ctx.start;
    this.people = generatePeople(ctx);
    this.directory = new DirectoryStore(this.people);
    const tag = (id: string) => this.directory.tag(id);
    this.contacts = new ContactBook(ctx, tag);
    this.conversations = new ConversationStore(ctx, this.people, this.contacts, tag, () => this.clock);
    this.helpCenter = new HelpCenterStore(ctx, this.people, tag, () => this.clock);
  }

  /** Advances the clock by a small step for a mutation and returns the new time. */
  tick(seconds = 5): number {
    this.clock += seconds;
    return this.clock;
  }

  dataAttributes(model: 'contact' | 'company' | 'conversation'): JsonObject[] {
    const owner = String(this.people.admins[0]?.id ?? '0');
    return model === 'conversation' ? conversationAttributes(this.ctx, owner) : dataAttributes(this.ctx, model, owner);
  }

  file(pathWithQuery: string, now: number): FileResult {
    return this.ctx.files.resolve(pathWithQuery, now);
  }
}
