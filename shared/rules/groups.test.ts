import { describe, expect, it } from 'vitest';
import { annotationDefaults, articleDefaults, groupDefaults } from '../model/defaults';
import type { Article, ClaimGroup } from '../model/types';
import { seed } from '../testing/seeds';
import { buildAnnotation } from './annotations';
import { planLeaveGroups } from './groups';

const text = seed('000').canonical;
const article: Article = {
  ...articleDefaults(),
  id: 'a',
  sha256: 'a',
  title: 't',
  source: null,
  date: null,
  text,
  origin: { kind: 'seed', name: null, format: 'txt' },
  createdAt: 1,
  updatedAt: 1,
};
const group: ClaimGroup = {
  ...groupDefaults(),
  id: 'g',
  label: text.slice(0, 20),
  labelEdited: false,
  createdAt: 1,
  updatedAt: 1,
};
const first = {
  ...buildAnnotation(article, { kind: 'claim', start: 0, end: 20 }, 10, 'x'),
  groupId: 'g',
};
const second = {
  ...buildAnnotation(article, { kind: 'claim', start: 30, end: 60 }, 20, 'y'),
  groupId: 'g',
};

describe('planLeaveGroups', () => {
  it('tombstones a group its last member leaves', () => {
    const edits = planLeaveGroups([first], new Map([['g', { group, members: [first] }]]), 99);
    expect(edits).toEqual([
      { table: 'groups', key: 'g', after: { ...group, deletedAt: 99, updatedAt: 99 } },
    ]);
  });

  it('relabels an un-renamed group after its oldest remaining member', () => {
    const members = [first, second];
    const [edit] = planLeaveGroups([first], new Map([['g', { group, members }]]), 99);
    expect(edit!.after).toMatchObject({ label: text.slice(30, 60).trim(), deletedAt: null });
  });

  it('keeps an edited label and ignores ungrouped annotations', () => {
    const renamed = { ...group, labelEdited: true };
    const loose = { ...first, ...annotationDefaults(), groupId: null };
    expect(
      planLeaveGroups(
        [first, loose],
        new Map([['g', { group: renamed, members: [first, second] }]]),
        9,
      ),
    ).toEqual([]);
  });
});
