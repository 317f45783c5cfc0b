import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { IntercomHttpError, errors } from '../http/errors';
import { versionAtLeast } from '../http/versions';
import { bodyObject, found, param, queryOf, requiredString } from './shared';

/** `/me`, admins, teams, tags and data attributes: small, unpaginated lists. */
export function registerDirectoryRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const ws = () => ctx.workspace;

  app.get('/me', async () => ws().me());

  app.get('/admins', async () => ({ type: 'admin.list', admins: ws().admins() }));
  app.get('/admins/:id', async (req) => found(ws().admin(param(req, 'id')), 'admin_not_found', 'Admin not found'));

  app.get('/teams', async () => ({ type: 'team.list', teams: ws().teams() }));
  app.get('/teams/:id', async (req) => found(ws().team(param(req, 'id')), 'team_not_found', 'Team not found'));

  app.get('/tags', async () => ({ type: 'list', data: ws().tags() }));
  app.get('/tags/:id', async (req) => found(ws().tag(param(req, 'id')), 'tag_not_found', 'Tag not found'));

  // Create a tag (or find the one with that name), optionally tagging contacts (`users`).
  app.post('/tags', async (req) => {
    const body = bodyObject(req);
    const name = requiredString(body, 'name');
    if (body.companies !== undefined) throw errors.badRequest('Tagging companies is not emulated; send name (and users) only', 'companies');
    const existing = ws().tags().find((t) => t.name === name);
    const tagId = existing ? String(existing.id) : ws().mutate.createTag(name);
    const users = body.users === undefined ? [] : body.users;
    if (!Array.isArray(users)) throw errors.parameterInvalid('users must be an array of {id}', 'users');
    const tagged = users.map((u) => {
      const id = String((u as { id?: unknown })?.id ?? '');
      found(ws().contact(id), 'not_found', `User Not Found: ${id}`);
      ws().mutate.tagContact(id, tagId);
      return { id, tagged: true };
    });
    const tag = found(ws().tag(tagId), 'tag_not_found', 'Tag not found');
    return users.length ? { ...tag, users: tagged } : tag;
  });

  app.get('/data_attributes', async (req) => {
    const model = queryOf(req).model;
    if (model !== undefined && model !== 'contact' && model !== 'company' && model !== 'conversation') {
      throw errors.parameterInvalid(`model must be contact, company or conversation, not '${model}'`, 'model');
    }
    if (model === 'conversation' && versionAtLeast(req.intercom.version, '2.16')) {
      // 2.16 moved conversation attributes to GET /conversations/attributes.
      throw new IntercomHttpError(422, 'parameter_invalid', 'Conversation data attributes are listed by GET /conversations/attributes', 'model');
    }
    const models: Array<'contact' | 'company' | 'conversation'> = model ? [model] : ['contact', 'company'];
    return { type: 'list', data: models.flatMap((m) => ws().dataAttributes(m)) };
  });
}
