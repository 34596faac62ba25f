import { describe, expect, it } from 'vitest';
import type { Annotation, Article, ClaimGroup } from '../../../shared/model/types';
import { loadSeeds } from '../../../shared/testing/seeds';
import { buildAnnotation } from '../../../shared/rules/annotations';
import { generateMatrixWorkspace } from '../../bench/review.bench';
import { buildMatrix, groupColours, summarizeGroup, summarizeGroups } from './groupModel';
import { articleDefaults, groupDefaults } from '../../../shared/model/defaults';

const articles: Article[] = loadSeeds().map((s, i) => ({
  ...articleDefaults(),
  id: s.id,
  sha256: `sha-${s.id}`,
  title: s.canonical.split('\n')[0]!.slice(0, 40),
  source: null,
  date: null,
  text: s.canonical,
  origin: { kind: 'seed', name: null, format: 'txt' },
  createdAt: i,
  updatedAt: i,
}));

const group: ClaimGroup = {
  ...groupDefaults(),
  id: 'g1',
  label: 'LA',
  labelEdited: false,
  createdAt: 1,
  updatedAt: 1,
};
let clock = 1000;

/** A member of group g1 tagged on the first occurrence of `needle` (created in call order). */
function member(needle: string, kind: 'claim' | 'quote' = 'claim'): Annotation {
  const article = articles.find((a) => a.text.includes(needle));
  if (!article) throw new Error(`no seed has ${needle}`);
  const start = article.text.indexOf(needle);
  const a = buildAnnotation(article, { kind, start, end: start + needle.length }, clock++);
  return { ...a, groupId: group.id, stance: 'agrees' };
}

describe('summarizeGroup on the Los Angeles figures', () => {
  const la101 = member('At least 101 arrests were made in Los Angeles County');
  const la167 = member('The Times said 167 arrests were made in and around Los Angeles');
  const list101 = member('Los Angeles, California (101)');
  const summary = summarizeGroup(group, [list101, la167, la101]);

  it('orders members oldest first and flags the group as conflicting', () => {
    expect(summary.members.map((m) => m.annotation.id)).toEqual([la101.id, la167.id, list101.id]);
    expect(summary.conflicting).toBe(true);
  });

  it('the oldest states the claim, 167 conflicts with its value, the list entry agrees', () => {
    const [first, second, third] = summary.members;
    expect(first).toMatchObject({ state: 'states', conflictingValue: null });
    expect(first!.figures).toEqual(['At least 101']);
    expect(second).toMatchObject({ state: 'conflicts', conflictingValue: '167' });
    expect(third).toMatchObject({ state: 'agrees', conflictingValue: null });
  });

  it('builds matrix cells per source, silent where a source has no member', () => {
    const matrix = buildMatrix([summary], articles);
    expect(matrix.rows).toHaveLength(1);
    const cells = new Map(matrix.rows[0]!.cells.map((c) => [c.articleId, c]));
    expect(cells.get(la101.articleId)).toMatchObject({ state: 'states', value: 'At least 101' });
    expect(cells.get(la167.articleId)).toMatchObject({ state: 'conflicts', value: '167' });
    expect(cells.get(list101.articleId)).toMatchObject({ state: 'agrees', value: '101' });
    const silent = matrix.rows[0]!.cells.filter((c) => c.state === 'silent');
    expect(silent).toHaveLength(2);
    expect(silent.every((c) => c.annotationId === null)).toBe(true);
    expect(matrix.rows[0]!.conflicting).toBe(true);
  });

  it("an editor's stance 'conflicts' shows even without differing figures", () => {
    const a = member('Federal immigration agents made nearly 500 arrests');
    const b = { ...member('ICE arrested nearly 500 people'), stance: 'conflicts' as const };
    const s = summarizeGroup(group, [a, b]);
    expect(s.members.map((m) => m.state)).toEqual(['states', 'conflicts']);
    expect(s.conflicting).toBe(true);
    const agreeing = summarizeGroup(group, [a, { ...b, stance: 'agrees' }]);
    expect(agreeing.conflicting).toBe(false);
    expect(agreeing.members.map((m) => m.state)).toEqual(['states', 'agrees']);
  });
});

describe('quote integrity', () => {
  const core =
    'focused on cities and regions where ICE deportation officers are denied access to jails';
  it('flags a group whose copies of a quote differ, with a word-level diff', () => {
    const a = member(core, 'quote');
    const b = member(`Operation Safe City ${core}`, 'quote');
    const s = summarizeGroup(group, [a, b]);
    expect(s.quoteDiffers).toBe(true);
    const diffed = s.integrity!.variants.find((v) => v.diff)!;
    expect(diffed.diff!.parts.some((p) => p.type !== 'same' && p.text.includes('safe city'))).toBe(
      true,
    );
  });

  it('does not flag identical copies or a group with one quote', () => {
    expect(summarizeGroup(group, [member(core, 'quote')]).integrity).toBeNull();
    const s = summarizeGroup(group, [member(core, 'quote'), member(core, 'quote')]);
    expect(s.quoteDiffers).toBe(false);
  });
});

describe('colours, generated matrix, corpus index cache', () => {
  it('gives each group a stable colour by creation order', () => {
    const groups = [
      { ...group, id: 'b', createdAt: 2 },
      { ...group, id: 'a', createdAt: 1 },
    ];
    const colours = groupColours(groups);
    expect(colours.get('a')).toBe(0);
    expect(colours.get('b')).toBe(1);
    expect(groupColours([...groups].reverse())).toEqual(colours);
  });

  it('the benchmark workspace yields a 50 × 10 matrix with some conflicting rows', () => {
    const w = generateMatrixWorkspace();
    const matrix = buildMatrix(summarizeGroups(w.groups, w.annotations), w.articles);
    expect(matrix.rows).toHaveLength(50);
    expect(matrix.rows.every((r) => r.cells.length === 10)).toBe(true);
    const conflicting = matrix.rows.filter((r) => r.conflicting);
    expect(conflicting.length).toBeGreaterThan(0);
    expect(conflicting.every((r) => r.cells.some((c) => c.state === 'conflicts'))).toBe(true);
    expect(matrix.rows.some((r) => r.cells.some((c) => c.state === 'silent'))).toBe(true);
  });
});
