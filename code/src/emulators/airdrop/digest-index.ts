/**
 * A map from a 64-bit digest of an id to a 32-bit digest of its stored line, kept in a file, so the
 * item store's memory does not grow with the number of ids (a million parts: ~25 MB of disk, held by
 * the OS's page cache, not by the process). Extendible hashing: the file is a list of 8 KB pages of
 * 512 entries; a small directory in memory (4 bytes per page or two) says which page holds which
 * digests, and a full page is split in two. A lookup reads one page, an insert or update writes one
 * entry back. Each entry also has a mark bit (used while compacting: "this id's line was written").
 *
 * The file is a cache of the items file, rebuilt by each process that loads the store (the
 * constructor empties it), so a crash can leave it stale but never wrong. It is read and written only
 * inside `withFile`, so no file stays open between merges.
 */
import * as fs from 'node:fs';

const ENTRY_WORDS = 4; // id high, id low (never 0: 0 marks the end of a page's entries), content digest, mark
const ENTRY_BYTES = ENTRY_WORDS * 4;
const PAGE_ENTRIES = 512;
const PAGE_BYTES = PAGE_ENTRIES * ENTRY_BYTES;
/** Pages read at once by clearMarks' sequential pass. */
const PASS_PAGES = 128;

export class DigestIndex {
  private fd: number | undefined;
  private used = 0;
  /** Directory: page number by the low `globalDepth` bits of an id's `high` word. */
  private directory = new Uint32Array(1);
  private globalDepth = 0;
  /** Hash bits each page is split on. */
  private readonly localDepths: number[] = [0];
  private readonly page = Buffer.alloc(PAGE_BYTES);
  private readonly words = new Uint32Array(this.page.buffer, this.page.byteOffset, PAGE_BYTES / 4);
  private readonly other = Buffer.alloc(PAGE_BYTES);
  private readonly otherWords = new Uint32Array(this.other.buffer, this.other.byteOffset, PAGE_BYTES / 4);

  /** An empty index in `file` (replacing whatever was there). */
  constructor(private readonly file: string) {
    fs.writeFileSync(file, Buffer.alloc(PAGE_BYTES));
  }

  get size(): number {
    return this.used;
  }

  /** Runs `use` with the file open (once, however nested), then closes it. */
  withFile<T>(use: () => T): T {
    if (this.fd !== undefined) return use();
    this.fd = fs.openSync(this.file, 'r+');
    try {
      return use();
    } finally {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
  }

  /** Stores `content` for `id`; returns what was stored before (undefined for a new id). */
  put(id: IdDigest, content: number): number | undefined {
    for (;;) {
      const pageNo = this.pageOf(id);
      const at = this.find(pageNo, id);
      if (at >= 0 && this.words[at + 2] === content) return content;
      if (at >= 0) {
        const previous = this.words[at + 2];
        this.words[at + 2] = content;
        this.writeEntry(pageNo, at);
        return previous;
      }
      const free = -at - 1;
      if (free < this.words.length) {
        this.words.set([id.high, id.low, content, 0], free);
        this.writeEntry(pageNo, free);
        this.used += 1;
        return undefined;
      }
      this.split(pageNo);
    }
  }

  /**
   * True the first time it is called for `id` with the content stored for it (its line is the one
   * to keep), false for other contents and for later calls (the mark is set by the first).
   */
  claim(id: IdDigest, content: number): boolean {
    const pageNo = this.pageOf(id);
    const at = this.find(pageNo, id);
    if (at < 0 || this.words[at + 2] !== content || this.words[at + 3] === 1) return false;
    this.words[at + 3] = 1;
    this.writeEntry(pageNo, at);
    return true;
  }

  clearMarks(): void {
    const fd = this.fdOrThrow();
    const pages = this.localDepths.length;
    const chunk = Buffer.alloc(Math.min(PASS_PAGES, pages) * PAGE_BYTES);
    for (let first = 0; first < pages; first += PASS_PAGES) {
      const bytes = Math.min(PASS_PAGES, pages - first) * PAGE_BYTES;
      fs.readSync(fd, chunk, 0, bytes, first * PAGE_BYTES);
      for (let o = 12; o < bytes; o += ENTRY_BYTES) chunk.writeUInt32LE(0, o);
      fs.writeSync(fd, chunk, 0, bytes, first * PAGE_BYTES);
    }
  }

  private pageOf(id: IdDigest): number {
    return this.directory[id.high & ((1 << this.globalDepth) - 1)];
  }

  /** Reads page `pageNo` into `page`; the word offset of `id`'s entry, or -(offset of the first free entry) - 1. */
  private find(pageNo: number, id: IdDigest): number {
    fs.readSync(this.fdOrThrow(), this.page, 0, PAGE_BYTES, pageNo * PAGE_BYTES);
    const w = this.words;
    let at = 0;
    for (; at < w.length && w[at + 1] !== 0; at += ENTRY_WORDS) {
      if (w[at + 1] === id.low && w[at] === id.high) return at;
    }
    return -at - 1;
  }

  private writeEntry(pageNo: number, at: number): void {
    fs.writeSync(this.fdOrThrow(), this.page, at * 4, ENTRY_BYTES, pageNo * PAGE_BYTES + at * 4);
  }

  /** Splits the full page just read (`page`) on its next hash bit, doubling the directory if needed. */
  private split(pageNo: number): void {
    const depth = this.localDepths[pageNo];
    if (depth >= 32) throw new Error(`the digest index ${this.file} has more than ${PAGE_ENTRIES} ids with one 32-bit digest`);
    if (depth === this.globalDepth) {
      const doubled = new Uint32Array(this.directory.length * 2);
      doubled.set(this.directory);
      doubled.set(this.directory, this.directory.length);
      this.directory = doubled;
      this.globalDepth += 1;
    }
    const newPage = this.localDepths.length;
    const keep = this.words;
    const move = this.otherWords;
    move.fill(0);
    let kept = 0;
    let moved = 0;
    for (let at = 0; at < keep.length; at += ENTRY_WORDS) {
      const entry = keep.subarray(at, at + ENTRY_WORDS);
      if ((entry[0] >>> depth) & 1) move.set(entry, (moved++) * ENTRY_WORDS);
      else keep.copyWithin((kept++) * ENTRY_WORDS, at, at + ENTRY_WORDS);
    }
    keep.fill(0, kept * ENTRY_WORDS);
    const fd = this.fdOrThrow();
    fs.writeSync(fd, this.page, 0, PAGE_BYTES, pageNo * PAGE_BYTES);
    fs.writeSync(fd, this.other, 0, PAGE_BYTES, newPage * PAGE_BYTES);
    this.localDepths[pageNo] = depth + 1;
    this.localDepths.push(depth + 1);
    // The directory slots of the old page whose bit `depth` is 1 now point to the new one.
    const step = 1 << depth;
    for (let i = (this.directory.indexOf(pageNo) & (step - 1)) | step; i < this.directory.length; i += 2 * step) {
      this.directory[i] = newPage;
    }
  }

  private fdOrThrow(): number {
    if (this.fd === undefined) throw new Error(`the digest index ${this.file} is used outside withFile()`);
    return this.fd;
  }
}

/** 64 bits of an id's digest; `low` is never 0 (0 marks a free entry). */
export interface IdDigest {
  high: number;
  low: number;
}
