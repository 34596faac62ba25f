import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Annotation, ClaimGroup } from '../model/types';
import { annotationOn, group, seedArticle } from '../testing/story';
import { applyRowChange } from './fromRows';
import type { TableRows } from './reconcile';
import { reconcile, rowKey } from './reconcile';
import { readStory } from './storyDoc';

/** A replica as the app has it: store rows + the story doc + the last agreed row values. */
function replica(name: string) {
  const doc = new Y.Doc();
  const store: TableRows = { articles: [], annotations: [], groups: [] };
  const agreed = new Map<string, string>();
  let clock = 100;
  const sync = () => {
    const plan = reconcile(store, readStory(doc), agreed);
    for (const p of plan.push) applyRowChange(doc, p.table, p.before, p.after, name, clock++);
    const story = readStory(doc);
    for (const table of ['articles', 'annotations', 'groups'] as const) {
      store[table] = story[table].map((r) => structuredClone(r)) as never;
      for (const r of story[table]) agreed.set(`${table}/${r.id}`, rowKey(r));
    }
    return plan;
  };
  const edit = (id: string, patch: Partial<Annotation>) => {
    store.annotations = store.annotations.map((a) =>
      a.id === id ? { ...(a as Annotation), ...patch } : a,
    );
  };
  const editGroup = (id: string, patch: Partial<ClaimGroup>) => {
    store.groups = store.groups.map((g) => (g.id === id ? { ...(g as ClaimGroup), ...patch } : g));
  };
  return { doc, store, sync, edit, editGroup };
}

const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
};

describe('store ⇄ story document reconciliation', () => {
  it('pushes local rows and edits, pulls remote ones, and merges both editors’ notes', () => {
    const ana = replica('Ana');
    const ben = replica('Ben');
    const article = seedArticle('003');
    ana.store.articles.push(article);
    ana.store.annotations.push(annotationOn(article, 'a1', 0, 'Ana'));
    ana.store.groups.push(group('g1', 'Who said it'));
    expect(ana.sync().push).toHaveLength(3);
    exchange(ana.doc, ben.doc);
    expect(
      ben
        .sync()
        .pull.map((p) => p.row.id)
        .sort(),
    ).toEqual([article.id, 'a1', 'g1'].sort());

    // Offline on both sides: each edits the note and Ana also links the annotation.
    ana.edit('a1', { note: 'Police: 12. ', groupId: 'g1', stance: 'agrees' });
    ben.edit('a1', { note: 'Hospital: 14.' });
    ana.sync();
    ben.sync();
    exchange(ana.doc, ben.doc);
    ana.sync();
    ben.sync();
    const a1 = ben.store.annotations.find((a) => a.id === 'a1') as Annotation;
    expect(a1.note).toContain('Police: 12.');
    expect(a1.note).toContain('Hospital: 14.');
    expect(a1).toMatchObject({ groupId: 'g1', stance: 'agrees' });
    expect(ana.store).toEqual(ben.store);
  });

  it('leaves agreed rows alone (no writes when nothing moved)', () => {
    const ana = replica('Ana');
    const article = seedArticle('004');
    ana.store.articles.push(article);
    ana.sync();
    expect(ana.sync()).toEqual({ push: [], pull: [] });
  });

  it('one batch that rates a group and unlinks its last member is a decision; crossing it offline is a conflict', () => {
    const ana = replica('Ana');
    const ben = replica('Ben');
    const article = seedArticle('003');
    ana.store.articles.push(article);
    ana.store.annotations.push({
      ...annotationOn(article, 'a1', 0, 'Ana'),
      groupId: 'g1',
      stance: 'agrees',
    });
    ana.store.groups.push(group('g1', 'Who said it'));
    ana.sync();
    exchange(ana.doc, ben.doc);
    ben.sync();

    // Ben, offline, rates the group then unlinks its only claim (the store deletes the group):
    // both reach the document in one reconciliation.
    ben.editGroup('g1', { verdict: 'False', deletedAt: 500 });
    ben.edit('a1', { groupId: null, stance: null });
    ben.sync();
    expect(readStory(ben.doc).conflicts).toEqual([]);
    expect(readStory(ben.doc).groups[0]!.deletedAt).not.toBeNull();

    // Meanwhile Ana, offline too, wrote its reasoning: that crossed Ben's unlink.
    ana.editGroup('g1', { reasoning: 'Two sources.' });
    ana.sync();
    exchange(ana.doc, ben.doc);
    ana.sync();
    ben.sync();
    expect(readStory(ana.doc).conflicts.map((c) => [c.kind, c.row])).toEqual([
      ['emptied-while-edited', 'g1'],
    ]);
    expect(ana.store).toEqual(ben.store);
  });
});
