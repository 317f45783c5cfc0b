/**
 * Admins, teams and tags: the generated ones (`people.ts`) and the tags mutations create or delete.
 * Everything handed out is a copy.
 */
import { KindCollection } from './collection';
import type { People } from './people';
import type { JsonObject } from './types';

export class DirectoryStore {
  /** Created and deleted tags; the generated ones are `people.tags`. */
  readonly tagsOverlay = new KindCollection<JsonObject>();

  constructor(private readonly people: People) {}

  admins(): JsonObject[] {
    return structuredClone(this.people.admins);
  }

  admin(id: string): JsonObject | undefined {
    const a = this.people.admins.find((x) => x.id === id);
    return a && structuredClone(a);
  }

  teams(): JsonObject[] {
    return structuredClone(this.people.teams);
  }

  team(id: string): JsonObject | undefined {
    const t = this.people.teams.find((x) => x.id === id);
    return t && structuredClone(t);
  }

  tags(): JsonObject[] {
    const base = this.people.tags.filter((t) => !this.tagsOverlay.deleted.has(String(t.id)));
    const created = this.tagsOverlay.createdOrder.filter((id) => !this.tagsOverlay.deleted.has(id)).map((id) => this.tagsOverlay.created.get(id)!);
    return structuredClone([...base, ...created]);
  }

  tag(id: string): JsonObject | undefined {
    if (this.tagsOverlay.deleted.has(id)) return undefined;
    const t = this.people.tags.find((x) => x.id === id) ?? this.tagsOverlay.created.get(id);
    return t && structuredClone(t);
  }
}
