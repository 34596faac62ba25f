/**
 * A group edit that crossed the group's last member leaving (issue 10: "never silently
 * dropped"). Each editor changes the story as the app's store does: member edits plus the
 * single-user group rule (planLeaveGroups), pushed through applyRowChange; replicas are real
 * Y.Docs exchanging updates.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { annotationOn, group, seedArticle } from '../testing/story';
import type { Annotation, ClaimGroup } from '../model/types';
import { defaultLabel, planLeaveGroups } from '../rules/groups';
import { describeEmptiedGroup } from './describeConflict';
import { applyRowChange } from './fromRows';
import { resolveConflict } from './resolveConflict';
import type { Conflict } from './storyDoc';
import { addAnnotation, addArticle, addGroup, readStory } from './storyDoc';

type Emptied = Extract<Conflict, { kind: 'emptied-while-edited' }>;

function sync(...docs: Y.Doc[]) {
  for (const a of docs) {
    for (const b of docs) {
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
    }
  }
}

const article = seedArticle('000');
const member = (id: string, n: number): Annotation => ({
  ...annotationOn(article, id, n, 'Ana'),
  groupId: 'g',
  stance: 'agrees',
});

/** Editors sharing one story with group g holding `members`. */
function story(names: string[], members: Annotation[]) {
  const docs = names.map(() => new Y.Doc());
  addArticle(docs[0]!, article);
  addGroup(docs[0]!, { ...group('g', defaultLabel(members[0]!.quote.exact)), labelEdited: false });
  for (const m of members) addAnnotation(docs[0]!, m);
  sync(...docs);
  return docs;
}

/** The member as the conflict names it: its text, cut at 80 characters. */
const quoted = (a: Annotation) => `“${a.quote.exact.slice(0, 79).trimEnd()}…”`;
const groupOf = (doc: Y.Doc) => readStory(doc).groups.find((g) => g.id === 'g')!;
const annotation = (doc: Y.Doc, id: string) => readStory(doc).annotations.find((a) => a.id === id)!;
const emptied = (doc: Y.Doc) =>
  readStory(doc).conflicts.filter((c): c is Emptied => c.kind === 'emptied-while-edited');

/** A group edit as the store makes it (verdict, status, label, reasoning…). */
function editGroup(doc: Y.Doc, by: string, patch: Partial<ClaimGroup>, at: number) {
  const g = groupOf(doc);
  applyRowChange(doc, 'groups', g, { ...g, ...patch }, by, at);
}

/** Takes an annotation out of g as the store does: unlink (or delete) plus the group rule. */
function leave(doc: Y.Doc, by: string, id: string, at: number, how: 'unlink' | 'delete') {
  const now = readStory(doc);
  const g = now.groups.find((x) => x.id === 'g')!;
  const members = now.annotations.filter((a) => a.groupId === 'g' && a.deletedAt === null);
  const before = now.annotations.find((a) => a.id === id)!;
  const after =
    how === 'unlink' ? { ...before, groupId: null, stance: null } : { ...before, deletedAt: at };
  applyRowChange(doc, 'annotations', before, after, by, at);
  for (const e of planLeaveGroups([before], new Map([['g', { group: g, members }]]), at)) {
    applyRowChange(doc, 'groups', g, e.after as ClaimGroup, by, at);
  }
}

describe('a group edit crossing its last member leaving', () => {
  it('Ana rates the group False while Ben unlinks its last member: a conflict both see; keeping it relinks the claim', () => {
    const x = member('x', 0);
    const [ana, ben] = story(['Ana', 'Ben'], [x]);
    editGroup(ana!, 'Ana', { verdict: 'False' }, 10);
    leave(ben!, 'Ben', 'x', 11, 'unlink');
    sync(ana!, ben!);

    for (const doc of [ana!, ben!]) {
      expect(groupOf(doc).deletedAt).not.toBeNull();
      const [c, ...rest] = emptied(doc);
      expect(rest).toEqual([]);
      expect(c).toMatchObject({ row: 'g', members: ['x'] });
      expect(c!.edits.map((w) => [w.by, w.field, w.value])).toEqual([['Ana', 'verdict', 'False']]);
      expect(c!.leaves.map((w) => [w.by, w.row, w.field])).toEqual([['Ben', 'x', 'groupId']]);
      expect(describeEmptiedGroup(readStory(doc), c!)).toBe(
        `Ana rated it “False”; Ben unlinked ${quoted(x)}, which left it empty`,
      );
    }
    expect(readStory(ben!)).toEqual(readStory(ana!));

    resolveConflict(ben!, emptied(ben!)[0]!, null, 'Ben', 12);
    sync(ana!, ben!);
    for (const doc of [ana!, ben!]) {
      expect(readStory(doc).conflicts).toEqual([]);
      expect(groupOf(doc)).toMatchObject({ deletedAt: null, verdict: 'False' });
      expect(annotation(doc, 'x')).toMatchObject({ groupId: 'g', stance: 'agrees' });
    }
    expect(readStory(ben!)).toEqual(readStory(ana!));
  });

  it('accepting the removal clears the conflict, and a later crossing is listed again', () => {
    const x = member('x', 0);
    const [ana, ben] = story(['Ana', 'Ben'], [x]);
    editGroup(ana!, 'Ana', { status: 'checking' }, 10);
    leave(ben!, 'Ben', 'x', 11, 'unlink');
    sync(ana!, ben!);
    resolveConflict(ana!, emptied(ana!)[0]!, 12, 'Ana', 12);
    sync(ana!, ben!);
    for (const doc of [ana!, ben!]) {
      expect(readStory(doc).conflicts).toEqual([]);
      expect(groupOf(doc).deletedAt).not.toBeNull();
    }
    expect(readStory(ben!)).toEqual(readStory(ana!));

    // Ben links x back (the group lives again); then, offline, Ana rates it while Ben unlinks.
    const xRow = annotation(ben!, 'x');
    applyRowChange(
      ben!,
      'annotations',
      xRow,
      { ...xRow, groupId: 'g', stance: 'agrees' },
      'Ben',
      13,
    );
    sync(ana!, ben!);
    expect(groupOf(ana!).deletedAt).toBeNull();
    editGroup(ana!, 'Ana', { verdict: 'True' }, 14);
    leave(ben!, 'Ben', 'x', 15, 'unlink');
    sync(ana!, ben!);
    const [c] = emptied(ana!);
    expect(c!.edits.map((w) => w.value)).toEqual(['True']);
    expect(c!.leaves.map((w) => w.at)).toEqual([15]);
  });

  it('emptying a group having seen its rating is a decision, not a conflict', () => {
    const [ana, ben] = story(['Ana', 'Ben'], [member('x', 0)]);
    editGroup(ana!, 'Ana', { verdict: 'False', label: 'Arrests', labelEdited: true }, 10);
    sync(ana!, ben!);
    leave(ben!, 'Ben', 'x', 11, 'unlink');
    sync(ana!, ben!);
    expect(groupOf(ana!).deletedAt).not.toBeNull();
    expect(readStory(ana!).conflicts).toEqual([]);
  });

  it('a reasoning edit crossing the last member’s delete: keeping the group restores the claim', () => {
    const x = member('x', 0);
    const [ana, ben] = story(['Ana', 'Ben'], [x]);
    editGroup(ana!, 'Ana', { reasoning: 'Police and hospital agree.' }, 10);
    leave(ben!, 'Ben', 'x', 11, 'delete');
    sync(ana!, ben!);
    const [c] = emptied(ben!);
    expect(describeEmptiedGroup(readStory(ben!), c!)).toBe(
      `Ana edited its reasoning; Ben deleted ${quoted(x)}, which left it empty`,
    );
    resolveConflict(ana!, c!, null, 'Ana', 12);
    sync(ana!, ben!);
    for (const doc of [ana!, ben!]) {
      expect(readStory(doc).conflicts).toEqual([]);
      expect(annotation(doc, 'x')).toMatchObject({ deletedAt: null, groupId: 'g' });
      expect(groupOf(doc)).toMatchObject({
        deletedAt: null,
        reasoning: 'Police and hospital agree.',
      });
    }
  });

  it('an unlink the last leaver had seen is not among the last exits, so it is not relinked', () => {
    const [ana, ben, cal] = story(['Ana', 'Ben', 'Cal'], [member('x', 0), member('y', 1)]);
    leave(ana!, 'Ana', 'x', 10, 'unlink');
    sync(ana!, ben!, cal!);
    editGroup(cal!, 'Cal', { verdict: 'Misleading' }, 11);
    leave(ben!, 'Ben', 'y', 12, 'unlink');
    sync(ana!, ben!, cal!);
    const [c] = emptied(ana!);
    expect(c).toMatchObject({ members: ['y'] });
    expect(c!.leaves.map((w) => w.row)).toEqual(['y']);
    resolveConflict(cal!, c!, null, 'Cal', 13);
    sync(ana!, ben!, cal!);
    expect(annotation(ana!, 'x').groupId).toBeNull();
    expect(annotation(ana!, 'y').groupId).toBe('g');
    expect(groupOf(ana!)).toMatchObject({ deletedAt: null, verdict: 'Misleading' });
  });

  it('two editors each unlink one member: silent when both had seen the rating, listed when one had not', () => {
    const seen = story(['Ana', 'Ben', 'Cal'], [member('x', 0), member('y', 1)]);
    editGroup(seen[2]!, 'Cal', { verdict: 'True' }, 10);
    sync(...seen);
    leave(seen[0]!, 'Ana', 'x', 11, 'unlink');
    leave(seen[1]!, 'Ben', 'y', 12, 'unlink');
    sync(...seen);
    expect(groupOf(seen[0]!).deletedAt).not.toBeNull();
    expect(readStory(seen[0]!).conflicts).toEqual([]);

    const [ana, ben, cal] = story(['Ana', 'Ben', 'Cal'], [member('x', 0), member('y', 1)]);
    editGroup(cal!, 'Cal', { verdict: 'True' }, 10);
    sync(ana!, cal!);
    leave(ana!, 'Ana', 'x', 11, 'unlink');
    leave(ben!, 'Ben', 'y', 12, 'unlink');
    sync(ana!, ben!, cal!);
    const [c] = emptied(cal!);
    // Both unlinks left it empty together; Ben's had not seen Cal's rating.
    expect(c).toMatchObject({ members: ['x', 'y'] });
    expect(c!.leaves.map((w) => w.by)).toEqual(['Ben', 'Ana']);
    resolveConflict(ben!, c!, null, 'Ben', 13);
    sync(ana!, ben!, cal!);
    expect(readStory(ana!).annotations.map((a) => a.groupId)).toEqual(['g', 'g']);
    expect(readStory(cal!)).toEqual(readStory(ana!));
  });
});
