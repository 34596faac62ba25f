import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { annotationRow } from '../testing/annotationRow';
import { addAnnotation, deleteRow, readStory, setField } from './storyDoc';
import { conflictSubject, describeCrossedEdits } from './describeConflict';

const quote = 'The operation saw 498 individuals from 42 countries arrested';
const annotation = (id: string) => annotationRow(id, { articleId: 'a'.repeat(64) }, quote);

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('conflict wording', () => {
  it('names the tagged text and says that a delete crossed a link', () => {
    const ana = new Y.Doc();
    const ben = new Y.Doc();
    addAnnotation(ana, annotation('x'));
    sync(ana, ben);
    deleteRow(ana, 'annotations', 'x', 'Ana', 10);
    setField(ben, 'annotations', 'x', 'groupId', 'g1', 'Ben', 11);
    setField(ben, 'annotations', 'x', 'stance', 'agrees', 'Ben', 11);
    sync(ana, ben);
    const story = readStory(ana);
    const c = story.conflicts.find((k) => k.kind === 'deleted-while-edited');
    if (!c || c.kind !== 'deleted-while-edited') throw new Error('expected a delete conflict');
    expect(conflictSubject(story, c)).toBe(`“${quote}”`);
    expect(describeCrossedEdits(c.edits)).toBe('Ben linked it into a claim group');
  });

  it('lists each editor and action once', () => {
    const w = (by: string, field: string, value: string | boolean | null) => ({
      id: `${by}${field}`,
      table: 'annotations' as const,
      row: 'x',
      field,
      value,
      by,
      at: 1,
      basedOn: [],
    });
    expect(
      describeCrossedEdits([
        w('Ben', 'speaker', 'T. Homan'),
        w('Ben', 'speaker', 'Tom'),
        w('Cleo', 'tag:check', true),
        w('Cleo', 'groupId', null),
      ]),
    ).toBe('Ben changed its speaker; Cleo tagged it “check”, unlinked it');
  });
});
