import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { annotationOn, group, seedArticle } from '../testing/story';
import {
  addAnnotation,
  addArticle,
  addGroup,
  deleteRow,
  editText,
  readStory,
  setField,
  textOf,
  undoWrite,
} from './storyDoc';
import { applyRowChange } from './fromRows';
import { describeCrossedEdits } from './describeConflict';
import { resolveConflict } from './resolveConflict';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

function twoEditors() {
  const ana = new Y.Doc();
  const ben = new Y.Doc();
  const article = seedArticle();
  addArticle(ana, article);
  addAnnotation(ana, annotationOn(article, 'a1', 0, 'Ana'));
  addAnnotation(ana, annotationOn(article, 'a2', 3, 'Ana'));
  addGroup(ana, group('g1', 'Casualty figures'));
  sync(ana, ben);
  return { ana, ben, article };
}

describe('story document merge', () => {
  it('gives one article when two editors import the same text', () => {
    const ana = new Y.Doc();
    const ben = new Y.Doc();
    const article = seedArticle('001');
    addArticle(ana, article);
    addArticle(ben, { ...article, createdAt: 5000, origin: { ...article.origin, kind: 'file' } });
    sync(ana, ben);
    expect(readStory(ana).articles).toHaveLength(1);
    expect(readStory(ana)).toEqual(readStory(ben));
  });

  it('merges both editors’ concurrent note edits (Y.Text)', () => {
    const { ana, ben } = twoEditors();
    textOf(ana, 'annotations', 'a1', 'note').insert(0, 'Ana: check the police figure. ');
    textOf(ben, 'annotations', 'a1', 'note').insert(0, 'Ben: hospital says otherwise.');
    sync(ana, ben);
    const note = readStory(ana).annotations.find((a) => a.id === 'a1')!.note;
    expect(note).toContain('Ana: check the police figure.');
    expect(note).toContain('Ben: hospital says otherwise.');
    expect(readStory(ben)).toEqual(readStory(ana));
  });

  it('shows concurrent speaker writes from the same old value as a conflict, then resolves it', () => {
    const { ana, ben } = twoEditors();
    setField(ana, 'annotations', 'a1', 'speaker', 'Mayor Ortiz', 'Ana', 10);
    setField(ben, 'annotations', 'a1', 'speaker', 'Fire chief', 'Ben', 11);
    sync(ana, ben);
    const { conflicts } = readStory(ana);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'field', row: 'a1', field: 'speaker' });
    const values = conflicts[0]!.kind === 'field' ? conflicts[0]!.heads.map((h) => h.value) : [];
    expect(values.sort()).toEqual(['Fire chief', 'Mayor Ortiz']);
    // Ben writes a third value based on both: the conflict is gone everywhere.
    setField(ben, 'annotations', 'a1', 'speaker', 'Mayor Ortiz (via fire chief)', 'Ben', 12);
    sync(ana, ben);
    expect(readStory(ana).conflicts).toEqual([]);
    expect(readStory(ana).annotations[0]!.speaker).toBe('Mayor Ortiz (via fire chief)');
  });

  it('does not call sequential edits a conflict', () => {
    const { ana, ben } = twoEditors();
    setField(ana, 'annotations', 'a1', 'speaker', 'Mayor Ortiz', 'Ana', 10);
    sync(ana, ben);
    setField(ben, 'annotations', 'a1', 'speaker', 'Fire chief', 'Ben', 11);
    sync(ana, ben);
    expect(readStory(ana).conflicts).toEqual([]);
    expect(readStory(ana).annotations[0]!.speaker).toBe('Fire chief');
  });

  it('keeps a link made while the other editor deleted the annotation, as a visible conflict', () => {
    const { ana, ben } = twoEditors();
    deleteRow(ana, 'annotations', 'a2', 'Ana', 20);
    setField(ben, 'annotations', 'a2', 'groupId', 'g1', 'Ben', 21);
    setField(ben, 'annotations', 'a2', 'stance', 'conflicts', 'Ben', 21);
    sync(ana, ben);
    const story = readStory(ben);
    const a2 = story.annotations.find((a) => a.id === 'a2')!;
    expect(a2.deletedAt).toBe(20);
    expect(a2.groupId).toBe('g1');
    const c = story.conflicts.find((x) => x.kind === 'deleted-while-edited');
    expect(c).toMatchObject({ row: 'a2' });
    // Restoring keeps Ben's link; deleting again having seen it clears the conflict instead.
    setField(ana, 'annotations', 'a2', 'deletedAt', null, 'Ana', 22);
    sync(ana, ben);
    expect(readStory(ben).conflicts).toEqual([]);
    expect(readStory(ben).annotations.find((a) => a.id === 'a2')).toMatchObject({
      deletedAt: null,
      groupId: 'g1',
      stance: 'conflicts',
    });
  });

  it('undo is a new write by its author and never erases another editor’s later edit', () => {
    const { ana, ben } = twoEditors();
    const w = setField(ana, 'annotations', 'a1', 'kind', 'quote', 'Ana', 10)!;
    sync(ana, ben);
    expect(undoWrite(ben, w.id, 'Ben', 11)).toBeNull(); // not Ben's write
    setField(ben, 'annotations', 'a1', 'speaker', 'Fire chief', 'Ben', 12);
    const u = undoWrite(ana, w.id, 'Ana', 13)!;
    expect(u).toMatchObject({ by: 'Ana', value: 'claim', basedOn: [w.id] });
    sync(ana, ben);
    expect(readStory(ben).annotations[0]).toMatchObject({ kind: 'claim', speaker: 'Fire chief' });
    // Once Ben has changed the kind on top of Ana's write, Ana's undo is refused.
    const w2 = setField(ana, 'annotations', 'a1', 'kind', 'quote', 'Ana', 14)!;
    sync(ana, ben);
    setField(ben, 'annotations', 'a1', 'kind', 'claim', 'Ben', 15);
    sync(ana, ben);
    expect(undoWrite(ana, w2.id, 'Ana', 16)).toBeNull();
  });

  it('records tags per tag, so concurrent additions both survive', () => {
    const { ana, ben } = twoEditors();
    setField(ana, 'annotations', 'a1', 'tag:casualties', true, 'Ana', 10);
    setField(ben, 'annotations', 'a1', 'tag:official', true, 'Ben', 11);
    sync(ana, ben);
    expect(readStory(ana).annotations[0]!.tags).toEqual(['casualties', 'official']);
  });

  it('a note edit moves the row’s last-edit time, the same on every replica', () => {
    const { ana, ben } = twoEditors();
    const before = readStory(ana).annotations.find((a) => a.id === 'a1')!;
    applyRowChange(ana, 'annotations', before, { ...before, note: 'Ana.' }, 'Ana', 9_000);
    applyRowChange(ben, 'annotations', before, { ...before, note: 'Ben.' }, 'Ben', 8_000);
    sync(ana, ben);
    const a1 = (doc: Y.Doc) => readStory(doc).annotations.find((a) => a.id === 'a1')!;
    expect(a1(ana).updatedAt).toBe(9_000);
    expect(a1(ben)).toEqual(a1(ana));
    expect(a1(ana).note).toMatch(/^(Ana\.Ben\.|Ben\.Ana\.)$/);
  });

  it('lists a note edit crossing a delete; restoring keeps the note, deleting anyway clears it', () => {
    const { ana, ben } = twoEditors();
    const before = readStory(ben).annotations.find((a) => a.id === 'a1')!;
    deleteRow(ana, 'annotations', 'a1', 'Ana', 20);
    applyRowChange(ben, 'annotations', before, { ...before, note: 'Hospital: 14.' }, 'Ben', 21);
    sync(ana, ben);
    for (const doc of [ana, ben]) {
      const story = readStory(doc);
      const c = story.conflicts.find((x) => x.kind === 'deleted-while-edited');
      if (c?.kind !== 'deleted-while-edited') throw new Error('expected a delete conflict');
      expect(c).toMatchObject({ table: 'annotations', row: 'a1' });
      expect(describeCrossedEdits(c.edits)).toBe('Ben edited its note');
      expect(story.annotations.find((a) => a.id === 'a1')).toMatchObject({
        deletedAt: 20,
        note: 'Hospital: 14.',
      });
    }
    // Ana deletes it anyway, having now seen the note: no conflict left.
    const c = readStory(ana).conflicts[0]!;
    resolveConflict(ana, c, 22, 'Ana', 22);
    sync(ana, ben);
    expect(readStory(ben).conflicts).toEqual([]);
    // Ben edits the note again meanwhile offline and Ana's second delete had not seen that: listed.
    editText(ben, 'annotations', 'a1', 'note', (t) => t.insert(0, 'Ben: '), 'Ben', 23);
    resolveConflict(ana, c, 24, 'Ana', 24);
    sync(ana, ben);
    const again = readStory(ana).conflicts[0]!;
    expect(again).toMatchObject({ kind: 'deleted-while-edited', row: 'a1' });
    resolveConflict(ben, again, null, 'Ben', 25);
    sync(ana, ben);
    expect(readStory(ana).conflicts).toEqual([]);
    expect(readStory(ana).annotations.find((a) => a.id === 'a1')).toMatchObject({
      deletedAt: null,
      note: 'Ben: Hospital: 14.',
    });
  });

  it('lists any field edit crossing a delete: an article’s title, an annotation’s tag', () => {
    const { ana, ben, article } = twoEditors();
    deleteRow(ana, 'articles', article.id, 'Ana', 20);
    setField(ben, 'articles', article.id, 'title', 'Raids: ICE figures', 'Ben', 21);
    deleteRow(ben, 'annotations', 'a2', 'Ben', 22);
    setField(ana, 'annotations', 'a2', 'tag:casualties', true, 'Ana', 23);
    sync(ana, ben);
    const conflicts = readStory(ben).conflicts.filter((c) => c.kind === 'deleted-while-edited');
    expect(conflicts.map((c) => [c.table, c.row])).toEqual([
      ['annotations', 'a2'],
      ['articles', article.id],
    ]);
    expect(
      conflicts.map((c) =>
        c.kind === 'deleted-while-edited' ? describeCrossedEdits(c.edits) : '',
      ),
    ).toEqual(['Ana tagged it “casualties”', 'Ben changed its title']);
  });

  it('a text edit’s record is never undone as a scalar (the store undoes the text itself)', () => {
    const { ana } = twoEditors();
    const w = editText(ana, 'annotations', 'a1', 'note', (t) => t.insert(0, 'x'), 'Ana', 10);
    expect(undoWrite(ana, w.id, 'Ana', 11)).toBeNull();
    expect(readStory(ana).annotations.find((a) => a.id === 'a1')!.note).toBe('x');
  });

  it('two editors deleting the same row agree: no conflict, deleted on both', () => {
    const { ana, ben } = twoEditors();
    deleteRow(ana, 'annotations', 'a1', 'Ana', 10);
    deleteRow(ben, 'annotations', 'a1', 'Ben', 11);
    sync(ana, ben);
    expect(readStory(ana).conflicts).toEqual([]);
    expect(readStory(ana).annotations.find((a) => a.id === 'a1')!.deletedAt).not.toBeNull();
    expect(readStory(ben)).toEqual(readStory(ana));
  });
});
