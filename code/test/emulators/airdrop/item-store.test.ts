/** The merged item store on disk: latest version wins, changes appended, one line per id once compacted, torn tails dropped. */
import * as fs from 'node:fs';
import { ItemStore } from '../../../src/emulators/airdrop/item-store';
import { OutputLayout } from '../../../src/emulators/airdrop/layout';
import { readJsonl, tempDir } from './helpers/setup';
import { item } from './helpers/wire-client';

describe('item store', () => {
  let layout: OutputLayout;

  beforeEach(() => {
    layout = new OutputLayout(tempDir('item-store-'));
    layout.ensure();
  });

  it('counts new and updated ids and keeps the latest version of each', () => {
    const store = new ItemStore(layout);
    expect(store.merge('users', [item('a'), item('b')])).toEqual({ received: 2, new: 2, updated: 0 });
    expect(store.merge('users', [item('c')])).toEqual({ received: 1, new: 1, updated: 0 });
    expect(store.merge('users', [item('a'), item('b', { name: 'renamed' }), item('d')])).toEqual({ received: 3, new: 1, updated: 1 });
    store.compactAll();
    const lines = readJsonl(layout.itemsFile('users'));
    expect(lines.map((l) => l.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(lines.find((l) => l.id === 'b')).toEqual(item('b', { name: 'renamed' }));
    expect(lines.find((l) => l.id === 'a')).toEqual(item('a'));
  });

  it('never parses what is already stored to merge, whether ids are new or changed', () => {
    const store = new ItemStore(layout);
    store.merge('users', [item('a'), item('b')]);
    // A line only a re-read would trip over: merges must cost their own size, not the file's.
    fs.appendFileSync(layout.itemsFile('users'), 'not json: proves the file is not re-read\n');
    for (let v = 0; v < 50; v++) {
      expect(store.merge('users', [item('a', { v }), item(`n${v}`)])).toEqual({ received: 2, new: 1, updated: 1 });
    }
    expect(store.count('users')).toBe(52);
    const lines = fs.readFileSync(layout.itemsFile('users'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[lines.length - 2])).toEqual(item('a', { v: 49 }));
  });

  it('a version changed back and forth is stored once, the latest; a later process sees the same', () => {
    const store = new ItemStore(layout);
    store.merge('users', [item('a', { v: 1 })]);
    store.merge('users', [item('a', { v: 2 })]);
    expect(store.merge('users', [item('a', { v: 1 })])).toEqual({ received: 1, new: 0, updated: 1 });
    expect(new ItemStore(layout).merge('users', [item('a', { v: 1 })])).toEqual({ received: 1, new: 0, updated: 0 });
    store.compactAll();
    expect(readJsonl(layout.itemsFile('users'))).toEqual([item('a', { v: 1 })]);
  });

  it('compacts on its own once superseded lines outnumber live ones', () => {
    const store = new ItemStore(layout);
    for (let v = 0; v <= 10_001; v++) store.merge('users', [item('a', { v })]);
    const lines = readJsonl(layout.itemsFile('users'));
    expect(lines.length).toBeLessThan(10_000);
    expect(lines[lines.length - 1]).toEqual(item('a', { v: 10_001 }));
  });

  it('stores an id repeated inside one batch once, with its last version', () => {
    const store = new ItemStore(layout);
    store.merge('users', [item('a', { v: 1 }), item('a', { v: 2 })]);
    store.compactAll();
    expect(readJsonl(layout.itemsFile('users'))).toEqual([item('a', { v: 2 })]);
  });

  it('reloads what an earlier process stored and drops a torn last line', () => {
    new ItemStore(layout).merge('users', [item('a'), item('b')]);
    fs.appendFileSync(layout.itemsFile('users'), JSON.stringify(item('c')).slice(0, 20)); // a crash mid-append
    const store = new ItemStore(layout);
    expect(store.count('users')).toBe(2);
    expect(store.merge('users', [item('c')])).toEqual({ received: 1, new: 1, updated: 0 });
    expect(readJsonl(layout.itemsFile('users')).map((l) => l.id)).toEqual(['a', 'b', 'c']);
  });
});
