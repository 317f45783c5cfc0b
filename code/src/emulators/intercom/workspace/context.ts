/**
 * What every generator shares: seed, sizes, clock start, id spaces, per-kind faker instances
 * and the file store. Generators are pure functions of (context, index) plus the overlay.
 */
import { Faker, base, de, en, fr, ja, ar } from '@faker-js/faker';
import { FileStore } from './files';
import { Rng, fakerRandomizer, hash32, hexId } from '../random';
import type { WorkspaceSize } from './types';

/** One faker per generator kind, so that building one object never reseeds another's stream. */
export type FakerKind = 'people' | 'company' | 'contact' | 'conversation' | 'part' | 'article' | 'collection';

export interface Context {
  seed: number;
  size: WorkspaceSize;
  edgeCases: boolean;
  /** Unix seconds when the workspace "starts"; generated history lies before it. */
  start: number;
  fileBaseUrl: string;
  files: FileStore;
  appId: string;
  ids: IdSpace;
  faker(kind: FakerKind, ...key: Array<string | number>): Faker;
  /** Faker for an article locale (en, fr, de, ja, ar). */
  localeFaker(locale: string, ...key: Array<string | number>): Faker;
  /**
   * Whether a conversation message keeps a file (an attachment list, an inline image) it drew:
   * always, unless a `fileShare` below 1 was asked for (`CreateWorkspaceOptions.fileShare`).
   */
  keepsFile(...key: Array<string | number>): boolean;
}

/** Numeric id bases (Intercom ids are strings that look numeric) and hex ids, all seed-dependent. */
export class IdSpace {
  readonly admin: number;
  readonly team: number;
  readonly tag: number;
  readonly conversation: number;
  readonly source: number;
  readonly part: number;
  readonly collection: number;
  readonly article: number;
  readonly helpCenter: number;
  readonly bot: number;

  constructor(private readonly seed: number) {
    const offset = (salt: string, span: number) => hash32(seed, salt) % span;
    this.admin = 991_000_000 + offset('admin', 900_000) * 10;
    this.team = 5_000_000 + offset('team', 90_000) * 10;
    this.tag = 100_000 + offset('tag', 800_000);
    this.conversation = 200_000_000_000 + offset('conversation', 9_000_000) * 1000;
    this.source = 400_000_000 + offset('source', 90_000_000);
    this.part = 10_000_000_000 + offset('part', 900) * 10_000_000_000;
    this.collection = 1_000 + offset('collection', 9_000) * 10;
    this.article = 5_000 + offset('article', 90_000) * 10;
    this.helpCenter = 100 + offset('helpCenter', 900);
    this.bot = 880_000_000 + offset('bot', 90_000);
  }

  hex(kind: string, index: number): string {
    return hexId(24, this.seed, kind, index);
  }

  partId(conversationIndex: number, partIndex: number): string {
    return String(this.part + conversationIndex * 100_000 + partIndex);
  }
}

const LOCALES: Record<string, typeof en[]> = { en: [en], fr: [fr, en], de: [de, en], ja: [ja, en], ar: [ar, en] };

export function createContext(o: { seed: number; size: WorkspaceSize; edgeCases: boolean; start: number; fileBaseUrl: string; fileShare?: number }): Context {
  const fakers = new Map<string, Faker>();
  const get = (name: string, locale: typeof en[]): Faker => {
    let f = fakers.get(name);
    if (!f) {
      f = new Faker({ locale: [...locale, base], randomizer: fakerRandomizer() });
      fakers.set(name, f);
    }
    return f;
  };
  const fileBaseUrl = o.fileBaseUrl.replace(/\/+$/, '');
  return {
    ...o,
    fileBaseUrl,
    files: new FileStore(o.seed, fileBaseUrl),
    appId: hexId(8, o.seed, 'app'),
    ids: new IdSpace(o.seed),
    faker(kind, ...key) {
      const f = get(kind, [en]);
      f.seed([o.seed, hash32(kind, ...key)]);
      return f;
    },
    // Drawn apart from the messages' own sequences: at 1 nothing is drawn and the workspace is unchanged.
    keepsFile: (...key) => (o.fileShare ?? 1) >= 1 || new Rng(o.seed, 'file-share', ...key).next() < (o.fileShare ?? 1),
    localeFaker(locale, ...key) {
      const f = get(`locale:${locale}`, LOCALES[locale] ?? [en]);
      f.seed([o.seed, hash32('locale', locale, ...key)]);
      return f;
    },
  };
}
