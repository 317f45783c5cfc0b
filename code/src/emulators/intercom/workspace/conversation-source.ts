/**
 * The first message of a generated conversation (`conversation_source`): body, files, e-mail
 * headers, and the edge cases the first conversations carry.
 */
import type { Faker } from '@faker-js/faker';
import { attachmentObject, embeddableUrl, fixedFile, randomFile, randomImage } from './attachments';
import { REDACTED_BODY } from './conversation-parts';
import type { ConversationDeps, Plan } from './conversations';
import { ALL_HTML_FEATURES, type HtmlFeature, htmlBody, randomFeatures } from './html';
import type { Person } from './people';
import type { Rng } from '../random';
import type { ConversationSkeleton } from './skeleton';
import type { JsonObject } from './types';

/** The conversation's first message (`conversation_source`), with its files and the edge cases it carries. */
export function generatedSource(deps: ConversationDeps, skel: ConversationSkeleton, plan: Plan, r: Rng, f: Faker): JsonObject {
  const { ctx } = deps;
  const edge = plan.edge;
  const i = skel.index;
  const nasty = edge && i === edge.groupWithNastySource;
  let img = 0;
  const drawn: HtmlFeature[] = nasty ? ALL_HTML_FEATURES.filter((x) => x !== 'articleLink' && x !== 'fileLink') : randomFeatures(r, ['link', 'image', 'emoji', 'rtl', 'brokenEntity', 'list']);
  const features = nasty || ctx.keepsFile('source-img', i) ? drawn : drawn.filter((x) => x !== 'image');
  const subject = plan.sourceType === 'email' ? f.lorem.sentence({ min: 2, max: 6 }).replace(/\.$/, '') : '';
  const source: JsonObject = {
    type: plan.sourceType,
    id: String(ctx.ids.source + skel.index),
    delivered_as: plan.adminInitiated ? 'admin_initiated' : plan.sourceType === 'push' ? 'automated' : 'customer_initiated',
    subject,
    body: htmlBody(f, r, features, { image: () => embeddableUrl(ctx, randomImage(ctx, r, 'source-img', i, img++)), admins: deps.people.allAdmins }),
    author: sourceAuthor(plan.sourceAuthor),
    attachments: [] as unknown[],
    url: plan.sourceType === 'conversation' && r.chance(0.5) ? `https://${f.internet.domainName()}/pricing?plan=pro` : null,
    redacted: false,
  };
  const files = nasty || (edge && i === edge.tagsAttributesAndFiles) || skel.withAttachment || (r.chance(0.08) && ctx.keepsFile('source-file', i));
  if (files) {
    const list = [attachmentObject(ctx, randomFile(ctx, r, 'source-file', i, 0))];
    if (edge && i === edge.tagsAttributesAndFiles) {
      list.push(attachmentObject(ctx, fixedFile(ctx, 'zip', 3 * 1024 * 1024 + 17, 'big logs (3 MB).zip', 'edge-big', i)));
      list.push(attachmentObject(ctx, fixedFile(ctx, 'txt', 3, 'ok.txt', 'edge-tiny', i)));
      list.push(attachmentObject(ctx, fixedFile(ctx, 'txt', 0, 'empty.txt', 'edge-empty', i))); // 0 bytes: a real attachment too
      list.push(attachmentObject(ctx, fixedFile(ctx, 'csv', 2048, 'ok.txt', 'edge-same-name', i))); // same name, other file
    }
    source.attachments = list;
  }
  if (plan.sourceType === 'email') {
    const from = plan.sourceAuthor;
    source.email_message_metadata = {
      subject,
      email_address_headers: [{ type: 'from', email_address: from.email ?? 'unknown@example.com', name: from.name }],
      message_id: `<source-${source.id}@mail.example.com>`,
    };
  }
  if (edge && i === edge.adminInitiatedRedactedSource) {
    source.redacted = true;
    source.body = REDACTED_BODY;
    source.attachments = [];
  }
  return source;
}

function sourceAuthor(p: Person): JsonObject {
  return { type: p.type, id: p.id, name: p.name, email: p.email };
}
