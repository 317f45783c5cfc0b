/** The merged item store on disk: one line per id, latest version wins, new ids appended, torn tails dropped. */
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
    const lines = readJsonl(layout.itemsFile('users'));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(lines[1]).toEqual(item('b', { name: 'renamed' }));
  });

  it('stores an id repeated inside one batch once, with its last version', () => {
    const store = new ItemStore(layout);
    store.merge('users', [item('a', { v: 1 }), item('a', { v: 2 })]);
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
