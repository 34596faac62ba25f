/**
 * "Derived rules are computed on read, not written by one replica": each editor's store applies
 * the single-user group rule (planLeaveGroups: an emptied group is deleted, an un-renamed label
 * follows the oldest member) and pushes its rows as any local change; the story must not take
 * those derived values from either replica, so concurrent membership changes never lose a link
 * or produce a label conflict nobody made.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { annotationOn, group, seedArticle } from '../testing/story';
import type { Annotation, ClaimGroup } from '../model/types';
import { defaultLabel, planLeaveGroups } from '../rules/groups';
import { applyRowChange } from './fromRows';
import { addAnnotation, addArticle, addGroup, readStory } from './storyDoc';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

const article = seedArticle('000');
const member = (id: string, n: number, groupId: string | null): Annotation => ({
  ...annotationOn(article, id, n, 'Ana'),
  groupId,
  stance: groupId ? 'agrees' : null,
});

/** Two editors sharing one story with group g (label from x, un-renamed) and `members` in it. */
function story(members: Annotation[]) {
  const ana = new Y.Doc();
  const ben = new Y.Doc();
  addArticle(ana, article);
  const g: ClaimGroup = {
    ...group('g', defaultLabel(members[0]!.quote.exact)),
    labelEdited: false,
  };
  addGroup(ana, g);
  for (const m of members) addAnnotation(ana, m);
  sync(ana, ben);
  return { ana, ben, g };
}

/** One editor takes `leaving` out of g, as the store does: the member edits plus the rule's. */
function leave(doc: Y.Doc, by: string, leaving: Annotation, at: number) {
  const now = readStory(doc);
  const g = now.groups.find((x) => x.id === 'g')!;
  const members = now.annotations.filter((a) => a.groupId === 'g' && a.deletedAt === null);
  const ruled = planLeaveGroups([leaving], new Map([['g', { group: g, members }]]), at);
  const before = now.annotations.find((a) => a.id === leaving.id)!;
  applyRowChange(doc, 'annotations', before, { ...before, groupId: null, stance: null }, by, at);
  for (const edit of ruled) applyRowChange(doc, 'groups', g, edit.after as ClaimGroup, by, at);
  return ruled;
}

describe('derived group facts across two replicas', () => {
  it('Ana empties a group while Ben links into it: the group and Ben’s link survive', () => {
    const x = member('x', 0, 'g');
    const y = member('y', 2, null);
    const { ana, ben } = story([x, y]);
    // Ana's store deletes the emptied group (the single-user rule)…
    const ruled = leave(ana, 'Ana', x, 10);
    expect(ruled.map((e) => (e.after as ClaimGroup).deletedAt)).toEqual([10]);
    expect(readStory(ana).groups[0]!.deletedAt).not.toBeNull();
    // …while Ben links y into it.
    const yRow = readStory(ben).annotations.find((a) => a.id === 'y')!;
    applyRowChange(
      ben,
      'annotations',
      yRow,
      { ...yRow, groupId: 'g', stance: 'agrees' },
      'Ben',
      11,
    );
    sync(ana, ben);

    for (const doc of [ana, ben]) {
      const s = readStory(doc);
      expect(s.groups).toEqual([
        expect.objectContaining({ id: 'g', deletedAt: null, label: defaultLabel(y.quote.exact) }),
      ]);
      expect(s.annotations.find((a) => a.id === 'y')).toMatchObject({ groupId: 'g' });
      expect(s.conflicts).toEqual([]);
    }
    expect(readStory(ben)).toEqual(readStory(ana));
  });

  it('two editors each remove a member: the label follows who is left (not a member that left)', () => {
    const x = member('x', 0, 'g');
    const y = member('y', 1, 'g');
    const z = member('z', 2, 'g');
    const { ana, ben } = story([x, y, z]);
    // Ana's store relabels after y, the member it believes is now oldest; Ben's keeps x's text.
    const anaRule = leave(ana, 'Ana', x, 10);
    const benRule = leave(ben, 'Ben', y, 11);
    expect((anaRule[0]!.after as ClaimGroup).label).toBe(defaultLabel(y.quote.exact));
    expect(benRule).toEqual([]);
    sync(ana, ben);

    for (const doc of [ana, ben]) {
      const s = readStory(doc);
      expect(s.groups[0]).toMatchObject({ label: defaultLabel(z.quote.exact), deletedAt: null });
      expect(s.conflicts).toEqual([]);
    }
    expect(readStory(ben)).toEqual(readStory(ana));
  });

  it('a group whose last member goes is deleted on every replica alike; a renamed label stays', () => {
    const x = member('x', 0, 'g');
    const y = member('y', 1, 'g');
    const { ana, ben, g } = story([x, y]);
    applyRowChange(ben, 'groups', g, { ...g, label: 'Arrest count', labelEdited: true }, 'Ben', 5);
    leave(ana, 'Ana', x, 10);
    leave(ben, 'Ben', y, 11);
    sync(ana, ben);
    const s = readStory(ana);
    expect(s.groups[0]!.deletedAt).not.toBeNull();
    expect(s.groups[0]!.label).toBe('Arrest count');
    expect(readStory(ben)).toEqual(s);
    // Ben undoes his unlink: the group is back, still under his name for it.
    const yRow = s.annotations.find((a) => a.id === 'y')!;
    applyRowChange(
      ben,
      'annotations',
      yRow,
      { ...yRow, groupId: 'g', stance: 'agrees' },
      'Ben',
      12,
    );
    sync(ana, ben);
    expect(readStory(ana).groups[0]).toMatchObject({ deletedAt: null, label: 'Arrest count' });
  });
});
