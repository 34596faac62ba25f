import { describe, expect, it } from 'vitest';
import { articleDefaults } from '../../shared/model/defaults';
import type { Article } from '../../shared/model/types';
import { loadSeeds } from '../../shared/testing/seeds';
import { nextSnapshot } from './liveArticles';

const seeds = loadSeeds();
const rows = (): Article[] =>
  seeds.map((s, i) => ({
    ...articleDefaults(),
    id: `a${i}`,
    sha256: `sha-${i}`,
    title: s.id,
    source: null,
    date: null,
    text: s.canonical,
    origin: { kind: 'seed', name: s.id, format: 'txt' },
    createdAt: i,
    updatedAt: i,
  }));

describe('the shared live articles snapshot', () => {
  it('keeps the object of every unchanged article and takes the changed one', () => {
    const first = nextSnapshot(undefined, rows());
    // A fresh read: equal rows, new objects (as IndexedDB hands them back), one outlet edited.
    const again = rows();
    again[2] = { ...again[2]!, source: 'LA Times', updatedAt: 99 };
    const second = nextSnapshot(first, again);
    expect(second.list).toHaveLength(seeds.length);
    second.list.forEach((a, i) => {
      if (i === 2) {
        expect(a).not.toBe(first.list[2]);
        expect(a.source).toBe('LA Times');
      } else expect(a).toBe(first.list[i]);
    });
    expect(second.byId.get('a2')).toBe(second.list[2]);
  });

  it('takes a row that changed without a new edit time', () => {
    const first = nextSnapshot(undefined, rows());
    const again = rows();
    again[0] = { ...again[0]!, title: 'Renamed by a remote write' };
    again[1] = { ...again[1]!, text: `${again[1]!.text} ` };
    const second = nextSnapshot(first, again);
    expect(second.list[0]!.title).toBe('Renamed by a remote write');
    expect(second.list[1]).not.toBe(first.list[1]);
    expect(second.list[3]).toBe(first.list[3]);
  });

  it('drops an article that left and indexes the rest by id', () => {
    const first = nextSnapshot(undefined, rows());
    const second = nextSnapshot(first, rows().slice(1));
    expect(second.byId.has('a0')).toBe(false);
    expect([...second.byId.keys()]).toEqual(second.list.map((a) => a.id));
  });
});
