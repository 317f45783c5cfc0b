import { createHash } from 'crypto';
import { inflateSync } from 'zlib';
import { parse } from 'node-html-parser';
import type { JsonObject, Workspace } from '../../../../src/emulators/intercom/workspace';
import { allConversations, BASE, partsOf, requestPath, workspace } from './helpers';

type Obj = JsonObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file URL an object exposes, found independently of the truth module (HTML parser). */
function fileUrlsOf(message: Obj): string[] {
  const urls = (message.attachments as Obj[] ?? []).map((a) => a.url as string);
  const root = parse(String(message.body ?? ''), { blockTextElements: { script: true, style: true } });
  urls.push(...root.querySelectorAll('img').map((i) => i.getAttribute('src')!));
  urls.push(...root.querySelectorAll('a').map((a) => a.getAttribute('href')!));
  return urls.filter((u) => u.startsWith(`${BASE}/downloads/`));
}

describe('ground truth', () => {
  let w: Workspace;
  beforeAll(() => {
    w = workspace({ seed: 5, size: { conversations: 40, contacts: 40, articles: 12 } });
  });

  it('lists ids that can all be fetched', () => {
    for (const id of w.truth.ids('admins')) expect(w.admin(id)).toBeDefined();
    for (const id of w.truth.ids('teams')) expect(w.team(id)).toBeDefined();
    for (const id of w.truth.ids('tags')) expect(w.tag(id)).toBeDefined();
    for (const id of w.truth.ids('companies')) expect(w.company(id)?.id).toBe(id);
    for (const id of w.truth.ids('contacts')) expect(w.contact(id)?.id).toBe(id);
    for (const id of w.truth.ids('collections')) expect(w.collection(id)?.id).toBe(id);
    for (const id of w.truth.ids('articles')) expect(w.article(id, { withStatistics: false })?.id).toBe(id);
    const all = w.truth.ids('conversations', { allConversations: true });
    expect(all).toEqual(w.conversationIndex().map((e) => e.id));
    const closed = w.truth.ids('conversations');
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.length).toBeLessThan(all.length);
    for (const id of closed) expect(w.conversation(id, { withParts: false })!.state).toBe('closed');
    expect(w.truth.deletedConversationIds()).toEqual(w.deletedConversations().map((d) => d.id));
  });

  it('states conversations as a retrieve returns them', () => {
    const truth = w.truth.conversations({ allConversations: true });
    expect(truth.map((t) => t.id)).toEqual(w.conversationIndex().map((e) => e.id));
    for (const t of truth) {
      const c = w.conversation(t.id, { withParts: true }) as Obj;
      expect(t.sourceId).toBe(c.source.id);
      expect(t.partIds).toEqual(partsOf(c).map((p) => p.id));
      expect(t.totalParts).toBe(c.conversation_parts.total_count);
      expect(t.partIds.length).toBe(Math.min(500, t.totalParts));
      expect(t.contactIds).toEqual(c.contacts.contacts.map((x: Obj) => x.id));
      expect(t.tagIds).toEqual(c.tags.tags.map((x: Obj) => x.id));
      for (const p of partsOf(c) as Obj[]) if (p.author.type === 'admin') expect(t.adminIds).toContain(p.author.id);
    }
    const partIds = truth.flatMap((t) => t.partIds);
    expect(new Set(partIds).size).toBe(partIds.length);
  });

  it('lists every file the objects expose, with size and sha256 of the bytes served', () => {
    const truth = w.truth.attachments({ allConversations: true });
    const truthUrls = new Set(truth.map((a) => a.url));
    const exposed: Array<{ url: string; owner: string }> = [];
    const conversations = new Map((allConversations(w) as Obj[]).map((c) => [c.id as string, c]));
    for (const c of conversations.values()) {
      for (const m of [c.source, ...partsOf(c)] as Obj[]) for (const url of fileUrlsOf(m)) exposed.push({ url, owner: String(m.id) });
    }
    for (const id of w.articleIds()) {
      const a = w.article(id, { withStatistics: false }) as Obj;
      const bodies = [a, ...Object.entries(a.translated_content).filter(([k, v]) => k !== 'type' && v).map(([, v]) => v as Obj)];
      for (const b of bodies) for (const url of fileUrlsOf({ body: b.body })) exposed.push({ url, owner: id });
    }
    for (const id of w.ticketIds()) {
      const t = w.ticket(id, { withParts: true }) as Obj;
      for (const p of t.ticket_parts.ticket_parts as Obj[]) for (const url of fileUrlsOf(p)) exposed.push({ url, owner: String(p.id) });
    }
    expect(exposed.length).toBeGreaterThan(10);
    for (const e of exposed) expect(truthUrls.has(e.url.split('?')[0])).toBe(true);
    expect(truthUrls.size).toBe(new Set(exposed.map((e) => e.url.split('?')[0])).size);

    const byPlainUrl = new Map(exposed.map((e) => [e.url.split('?')[0], e.url]));
    for (const a of truth) {
      const served = w.file(requestPath(byPlainUrl.get(a.url)!));
      expect(served.status).toBe('ok');
      if (served.status !== 'ok') continue;
      expect(served.bytes.length).toBe(a.size);
      expect(sha256(served.bytes)).toBe(a.sha256);
      expect(served.contentType).toBe(a.contentType);
    }
    const kinds = new Set(truth.map((a) => `${a.owner.type}:${a.kind}`));
    for (const k of ['part:attachment', 'source:attachment', 'part:inline_image', 'article:inline_image', 'article:linked_file', 'ticket_part:attachment']) expect(kinds).toContain(k);
    for (const a of truth.filter((x) => x.kind === 'attachment' && x.owner.type !== 'ticket_part')) {
      const c = conversations.get(a.owner.conversationId!)!;
      const owner = a.owner.type === 'source' ? c.source : partsOf(c).find((p) => p.id === a.owner.id);
      expect(owner.attachments[a.index!].url.split('?')[0]).toBe(a.url);
      expect(owner.attachments[a.index!].filesize).toBe(a.size);
    }
  });

  it('limits attachments to closed conversations unless asked for all', () => {
    const closed = new Set(w.truth.ids('conversations'));
    for (const a of w.truth.attachments()) if (a.owner.type === 'part' || a.owner.type === 'source') expect(closed.has(a.owner.conversationId!)).toBe(true);
  });
});

describe('files', () => {
  it('serves bytes that look like their content type, at the announced size', () => {
    const w = workspace({ seed: 11, size: { conversations: 30 } });
    const seen = new Set<string>();
    for (const c of allConversations(w) as Obj[]) {
      for (const a of [...c.source.attachments, ...partsOf(c).flatMap((p) => p.attachments as Obj[])] as Obj[]) {
        const r = w.file(requestPath(a.url));
        if (r.status !== 'ok') throw new Error(`${a.url}: ${r.status}`);
        expect(r.bytes.length).toBe(a.filesize);
        seen.add(a.content_type);
        const b = r.bytes;
        if (a.content_type === 'image/png') {
          expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
          expect(b.readUInt32BE(16)).toBe(a.width);
          expect(b.readUInt32BE(20)).toBe(a.height);
          const idatLength = b.readUInt32BE(33);
          expect(b.subarray(37, 41).toString()).toBe('IDAT');
          expect(inflateSync(b.subarray(41, 41 + idatLength)).length).toBe(a.height * (1 + 3 * a.width));
        }
        if (a.content_type === 'image/jpeg') expect([b[0], b[1], b[b.length - 2], b[b.length - 1]]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
        if (a.content_type === 'application/pdf') expect(b.subarray(0, 5).toString()).toBe('%PDF-');
        if (a.content_type === 'application/zip') expect(b.readUInt32LE(b.length - 22)).toBe(0x06054b50);
        if (a.content_type.startsWith('text/')) expect(/^[\x09\x0a\x0d\x20-\x7e]*$/.test(b.toString('latin1'))).toBe(true);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('serves JPEGs whose frame states the announced size and PDFs whose cross-reference table is true', () => {
    const w = workspace({ seed: 11, size: { conversations: 30 } });
    const files = (allConversations(w) as Obj[]).flatMap((c) => [...c.source.attachments, ...partsOf(c).flatMap((p) => p.attachments as Obj[])] as Obj[]);
    const jpegs = files.filter((a) => a.content_type === 'image/jpeg');
    const pdfs = files.filter((a) => a.content_type === 'application/pdf');
    expect(jpegs.length).toBeGreaterThan(0);
    expect(pdfs.length).toBeGreaterThan(0);
    const bytesOf = (a: Obj) => {
      const r = w.file(requestPath(a.url));
      if (r.status !== 'ok') throw new Error(`${a.url}: ${r.status}`);
      return r.bytes;
    };
    for (const a of jpegs) {
      const b = bytesOf(a);
      // Walk the marker segments (each FF xx plus a 2-byte length; FF fill bytes may precede a marker) to the baseline frame header.
      let at = 2;
      while (b[at + 1] !== 0xc0) {
        expect(b[at]).toBe(0xff);
        at += b[at + 1] === 0xff ? 1 : 2 + b.readUInt16BE(at + 2);
      }
      expect([b.readUInt16BE(at + 7), b.readUInt16BE(at + 5)]).toEqual([a.width, a.height]);
    }
    for (const a of pdfs) {
      const text = bytesOf(a).toString('latin1');
      const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
      expect(text.slice(xrefAt, xrefAt + 5)).toBe('xref\n');
      const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
      expect(offsets.length).toBeGreaterThanOrEqual(3);
      offsets.forEach((offset, i) => expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
      expect(text).toContain('/Type /Page ');
    }
  });

  it('expires URLs by the emulated clock; re-reading the parent gives a fresh URL', () => {
    const w = workspace({ seed: 12, size: { conversations: 20 } });
    const c = allConversations(w).find((x) => ((x as Obj).source.attachments as Obj[]).length > 0) as Obj;
    const url = c.source.attachments[0].url as string;
    expect(w.file(requestPath(url)).status).toBe('ok');
    w.mutate.advance(3599);
    expect(w.file(requestPath(url)).status).toBe('ok');
    w.mutate.advance(2);
    expect(w.file(requestPath(url)).status).toBe('expired');
    expect(w.file(requestPath(url), w.now() - 10).status).toBe('ok');
    const fresh = (w.conversation(c.id, { withParts: true }) as Obj).source.attachments[0].url as string;
    expect(fresh).not.toBe(url);
    expect(fresh.split('?')[0]).toBe(url.split('?')[0]);
    expect(w.file(requestPath(fresh)).status).toBe('ok');
  });

  it('refuses tampered signatures and unknown files', () => {
    const w = workspace({ seed: 13, size: { conversations: 20 } });
    const c = allConversations(w).find((x) => ((x as Obj).source.attachments as Obj[]).length > 0) as Obj;
    const path = requestPath(c.source.attachments[0].url);
    const sig = new URL(path, BASE).searchParams.get('signature')!;
    const flipped = sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0');
    expect(w.file(path.replace(`signature=${sig}`, `signature=${flipped}`)).status).toBe('bad_signature');
    expect(w.file(path.split('?')[0]).status).toBe('bad_signature');
    const later = Number(new URL(path, BASE).searchParams.get('expires')) + 10_000;
    expect(w.file(path.replace(/expires=\d+/, `expires=${later}`)).status).toBe('bad_signature');
    expect(w.file(path.replace(/\/downloads\/([a-z]+)-(\d+)/, (_m, t, n) => `/downloads/${t}-${Number(n) + 1}`)).status).toBe('missing');
    expect(w.file('/downloads/nothing/here.png?expires=1&signature=00').status).toBe('missing');
    expect(w.file('/elsewhere').status).toBe('missing');
    // A file of another workspace (other seed) is unknown here.
    const other = workspace({ seed: 14, size: { conversations: 20 } });
    const foreign = allConversations(other).find((x) => ((x as Obj).source.attachments as Obj[]).length > 0) as Obj;
    expect(w.file(requestPath(foreign.source.attachments[0].url)).status).toBe('missing');
  });
});
