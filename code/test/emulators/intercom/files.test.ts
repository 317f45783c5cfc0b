/** Signed file URLs: bytes, content type and length as the ground truth says; 403 once expired. */
import { createHash } from 'node:crypto';
import { startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 41, edgeCases: true });
});
afterAll(async () => h.emulator.close());

/** Signed URLs of a conversation's attachments and inline images, as the API hands them out now. */
async function signedUrlsOf(conversationId: string): Promise<string[]> {
  const res = await h.http.get(`/conversations/${conversationId}`);
  // Attachment `url` fields and `<img src>` inside HTML bodies (where `&` may be written `&amp;`).
  const urls = JSON.stringify(res.data).match(/http:\/\/127\.0\.0\.1:\d+\/[^"\\\s<>]+/g) ?? [];
  return urls.map((u) => u.replace(/&amp;/g, '&'));
}

test('every attachment of a few conversations downloads with the ground-truth bytes, without a token', async () => {
  const truth = h.emulator.workspace.truth.attachments({ allConversations: true }).filter((a) => a.owner.conversationId);
  expect(truth.length).toBeGreaterThan(0);
  const byUrl = new Map(truth.map((a) => [a.url, a]));
  const conversations = [...new Set(truth.map((a) => a.owner.conversationId!))].slice(0, 5);
  let checked = 0;
  for (const id of conversations) {
    for (const signed of await signedUrlsOf(id)) {
      const expected = byUrl.get(signed.split('?')[0]);
      if (!expected) continue;
      const res = await h.anonymous.get(signed.slice(h.emulator.baseUrl.length), { responseType: 'arraybuffer' });
      expect(res.status).toBe(200);
      const bytes = Buffer.from(res.data);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(expected.sha256);
      expect(Number(res.headers['content-length'])).toBe(expected.size);
      expect(res.headers['content-type']).toContain(expected.contentType);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(0);
});

test('an expired URL answers 403; re-reading the parent gives a fresh URL that works', async () => {
  const attachment = h.emulator.workspace.truth.attachments({ allConversations: true }).find((a) => a.owner.conversationId)!;
  const find = async () => (await signedUrlsOf(attachment.owner.conversationId!)).find((u) => u.startsWith(attachment.url))!;
  const old = await find();
  expect((await h.anonymous.get(old.slice(h.emulator.baseUrl.length))).status).toBe(200);
  h.emulator.workspace.mutate.advance(2 * 3600);
  expect((await h.anonymous.get(old.slice(h.emulator.baseUrl.length))).status).toBe(403);
  const fresh = await find();
  expect(fresh).not.toBe(old);
  expect((await h.anonymous.get(fresh.slice(h.emulator.baseUrl.length))).status).toBe(200);
});

test('a tampered signature answers 403, an unknown file 404', async () => {
  const attachment = h.emulator.workspace.truth.attachments({ allConversations: true }).find((a) => a.owner.conversationId)!;
  const signed = (await signedUrlsOf(attachment.owner.conversationId!)).find((u) => u.startsWith(attachment.url))!;
  const tampered = signed.replace(/signature=([0-9a-f])/, (_m, c) => `signature=${c === '0' ? '1' : '0'}`);
  expect((await h.anonymous.get(tampered.slice(h.emulator.baseUrl.length))).status).toBe(403);
  expect((await h.anonymous.get('/downloads/no-such-key/file.txt?expires=9999999999&signature=00')).status).toBeGreaterThanOrEqual(403);
});

test('a file with a non-ASCII name downloads, its name kept in RFC 5987 form', async () => {
  const truth = h.emulator.workspace.truth.attachments({ allConversations: true });
  const unicode = truth.find((a) => a.owner.conversationId && /[^\x20-\x7e]/.test(a.name));
  expect(unicode).toBeDefined();
  const signed = (await signedUrlsOf(unicode!.owner.conversationId!)).find((u) => u.startsWith(unicode!.url))!;
  const res = await h.anonymous.get(signed.slice(h.emulator.baseUrl.length), { responseType: 'arraybuffer', timeout: 10_000 });
  expect(res.status).toBe(200);
  expect(createHash('sha256').update(Buffer.from(res.data)).digest('hex')).toBe(unicode!.sha256);
  expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(unicode!.name)}`);
});
