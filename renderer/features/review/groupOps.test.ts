import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../../../shared/model/types';
import { loadSeeds } from '../../../shared/testing/seeds';
import { sha256Hex } from '../../../shared/text/hash';
import { buildCorpusIndex, suggestMatches } from '../../../shared/matching';
import { db } from '../../db/database';
import { clearHistory, historyStore, redo, undo } from '../../state/history';
import { createAnnotation, deleteAnnotations } from '../annotate/annotationOps';
import {
  acceptSuggestion,
  linkAnnotations,
  linkIntoGroup,
  moveToGroup,
  renameGroup,
  setGroupFacts,
  setStance,
  unlink,
} from './groupOps';
import { articleDefaults } from '../../../shared/model/defaults';
import { defaultLabel } from '../../../shared/rules/groups';
import { countLive, getGroup, getAnnotation } from '../../db/queries';

const seeds = loadSeeds();
let articles: Article[] = [];

/** The seed whose text contains `needle`, and the span of its first occurrence. */
function spanOf(needle: string): { article: Article; start: number; end: number } {
  const article = articles.find((a) => a.text.includes(needle));
  if (!article) throw new Error(`no seed contains ${needle}`);
  const start = article.text.indexOf(needle);
  return { article, start, end: start + needle.length };
}

function spanIn(needle: string) {
  const { article, start, end } = spanOf(needle);
  return { articleId: article.id, start, end };
}

async function tag(
  needle: string,
  kind: 'claim' | 'quote' = 'claim',
  speaker: string | null = null,
) {
  const { article, start, end } = spanOf(needle);
  return createAnnotation(article, { kind, start, end, speaker });
}

const get = (id: string) => db.annotations.get(id) as Promise<Annotation>;

const LA_101 = 'At least 101 arrests were made in Los Angeles County';
const LA_167 = 'The Times said 167 arrests were made in and around Los Angeles';
const NEARLY_500 = 'Federal immigration agents made nearly 500 arrests';

beforeEach(async () => {
  await db.delete();
  await db.open();
  clearHistory();
  articles = [];
  for (const [i, s] of seeds.entries()) {
    articles.push({
      ...articleDefaults(),
      id: s.id,
      sha256: await sha256Hex(s.canonical),
      title: s.canonical.split('\n')[0]!.slice(0, 60),
      source: null,
      date: null,
      text: s.canonical,
      origin: { kind: 'seed', name: `${s.id}.txt`, format: 'txt' },
      createdAt: i,
      updatedAt: i,
    });
  }
  await db.articles.bulkAdd(articles);
});

describe('linkAnnotations', () => {
  it('creates a group labelled after the first member and puts both in it as agreeing', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const groupId = await linkAnnotations(a.id, { annotationId: b.id });
    const group = await db.groups.get(groupId);
    expect(group?.label).toBe(LA_101);
    expect(group?.labelEdited).toBe(false);
    expect((await get(a.id)).groupId).toBe(groupId);
    expect((await get(b.id)).groupId).toBe(groupId);
    expect((await get(a.id)).stance).toBe('agrees');
    expect((await get(b.id)).stance).toBe('agrees');
  });

  it('joins the existing group of the other annotation instead of making a second one', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const c = await tag(NEARLY_500);
    const groupId = await linkAnnotations(a.id, { annotationId: b.id });
    expect(await linkAnnotations(c.id, { annotationId: a.id })).toBe(groupId);
    expect(await countLive('groups')).toBe(1);
    expect((await db.annotations.withGroup(groupId)).length).toBe(3);
  });

  it('linking into another group moves only that member and deletes a group left empty', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const c = await tag(NEARLY_500);
    const first = await linkAnnotations(a.id, { annotationId: b.id });
    const solo = await linkAnnotations(c.id, { annotationId: a.id });
    expect(solo).toBe(first);
    await unlink(c.id);
    const d = await tag('ICE arrested nearly 500 people');
    const second = await linkAnnotations(c.id, { annotationId: d.id });
    expect(second).not.toBe(first);
    await moveToGroup(c.id, first);
    // d is alone in `second` now: a group with one member still exists.
    expect(await db.groups.get(second)).toBeDefined();
    await moveToGroup(d.id, first);
    expect(await getGroup(second)).toBeUndefined();
    expect((await db.annotations.withGroup(first)).length).toBe(4);
  });

  it('refuses to link an annotation to itself', async () => {
    const a = await tag(LA_101);
    await expect(linkAnnotations(a.id, { annotationId: a.id })).rejects.toThrow(/itself/);
    expect(await countLive('groups')).toBe(0);
  });
});

describe('unlink and deletion keep groups consistent', () => {
  it('unlink clears group and stance; unlinking the last member deletes the group', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const groupId = await linkAnnotations(a.id, { annotationId: b.id });
    await unlink(a.id);
    expect(await get(a.id)).toMatchObject({ groupId: null, stance: null });
    // The label followed the founding member, so it moves to the remaining one.
    expect((await db.groups.get(groupId))?.label).toBe(LA_167);
    await unlink(b.id);
    expect(await getGroup(groupId)).toBeUndefined();
  });

  it('deleting the last member deletes the group, and one undo restores both', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const groupId = await linkAnnotations(a.id, { annotationId: b.id });
    await deleteAnnotations([a.id]);
    expect(await db.groups.get(groupId)).toBeDefined();
    await deleteAnnotations([b.id]);
    expect(await getGroup(groupId)).toBeUndefined();
    expect(await getAnnotation(b.id)).toBeUndefined();
    // Deletes are tombstones: the rows are still there, marked, for undo, bundles and sync.
    expect((await db.groups.get(groupId))?.deletedAt).toEqual(expect.any(Number));
    expect((await db.annotations.get(b.id))?.deletedAt).toEqual(expect.any(Number));
    await undo();
    expect(await db.groups.get(groupId)).toBeDefined();
    expect((await get(b.id)).groupId).toBe(groupId);
    await undo();
    expect((await get(a.id)).groupId).toBe(groupId);
  });

  it('undo of a link restores the previous membership exactly, redo re-applies it', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const groupId = await linkAnnotations(a.id, { annotationId: b.id });
    await undo();
    expect(await getGroup(groupId)).toBeUndefined();
    expect(await get(a.id)).toMatchObject({ groupId: null, stance: null });
    expect(await get(b.id)).toMatchObject({ groupId: null, stance: null });
    await redo();
    expect((await get(b.id)).groupId).toBe(groupId);
  });
});

describe('stance and label', () => {
  it('sets the stance of a member and refuses it for an unlinked annotation', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    await linkAnnotations(a.id, { annotationId: b.id });
    await setStance(b.id, 'conflicts');
    expect((await get(b.id)).stance).toBe('conflicts');
    const c = await tag(NEARLY_500);
    await expect(setStance(c.id, 'agrees')).rejects.toThrow();
  });

  it('renames; an empty name restores the default from the oldest member', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const groupId = await linkAnnotations(b.id, { annotationId: a.id });
    await renameGroup(groupId, '  Los Angeles   arrests ');
    expect(await db.groups.get(groupId)).toMatchObject({
      label: 'Los Angeles arrests',
      labelEdited: true,
    });
    // An edited label stays when members leave.
    await unlink(a.id);
    expect((await db.groups.get(groupId))?.label).toBe('Los Angeles arrests');
    await renameGroup(groupId, '');
    expect(await db.groups.get(groupId)).toMatchObject({ label: LA_167, labelEdited: false });
  });

  it('shortens a long default label', () => {
    const long = 'word '.repeat(60);
    expect(defaultLabel(long).length).toBeLessThanOrEqual(140);
    expect(defaultLabel(long).endsWith('…')).toBe(true);
  });
});

describe('acceptSuggestion', () => {
  it('tags the suggested span in the other article and links it; one undo removes both', async () => {
    const quote = await tag(
      'focused on cities and regions where ICE deportation officers are denied access to jails',
      'quote',
      'ICE',
    );
    const index = buildCorpusIndex(articles);
    const [best] = suggestMatches(index, {
      articleId: quote.articleId,
      text: quote.quote.exact,
      kind: 'quote',
    });
    expect(best).toBeDefined();
    const undoDepth = historyStore.get().undo.length;
    const accepted = await acceptSuggestion(quote.id, best!);
    expect(accepted.created).toBe(true);
    expect(historyStore.get().undo.length).toBe(undoDepth + 1);
    const created = await get(accepted.annotationId);
    expect(created).toMatchObject({
      articleId: best!.articleId,
      kind: 'quote',
      speaker: 'ICE',
      groupId: accepted.groupId,
      stance: 'agrees',
    });
    expect(created.quote.exact).toBe(
      articles.find((a) => a.id === best!.articleId)!.text.slice(best!.start, best!.end),
    );
    expect((await get(quote.id)).groupId).toBe(accepted.groupId);

    await undo();
    expect(await getAnnotation(accepted.annotationId)).toBeUndefined();
    expect(await getGroup(accepted.groupId)).toBeUndefined();
    expect(await get(quote.id)).toMatchObject({ groupId: null, stance: null });
  });

  it('links an annotation that already covers the span instead of duplicating it', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const { article, start, end } = spanOf(LA_167);
    const before = await countLive('annotations');
    const accepted = await acceptSuggestion(a.id, { articleId: article.id, start, end });
    expect(accepted).toMatchObject({ annotationId: b.id, created: false });
    expect(await countLive('annotations')).toBe(before);
    expect((await get(b.id)).groupId).toBe(accepted.groupId);
  });

  it('a second acceptance joins the same group', async () => {
    const a = await tag(NEARLY_500);
    const first = await acceptSuggestion(a.id, spanIn('ICE arrested nearly 500 people'));
    const second = await acceptSuggestion(a.id, spanIn('Nearly 500 criminal illegal aliens'));
    expect(second.groupId).toBe(first.groupId);
    expect((await db.annotations.withGroup(first.groupId)).length).toBe(3);
  });
});

describe('linkIntoGroup (likely here)', () => {
  it('tags the likely sentence as the founder’s kind and adds it to the group; one undo removes both', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const groupId = await linkAnnotations(a.id, { annotationId: b.id });
    const span = spanIn('Los Angeles, California (101)');
    const before = await countLive('annotations');
    const linked = await linkIntoGroup(groupId, span);
    expect(linked).toMatchObject({ groupId, created: true });
    const added = await get(linked.annotationId);
    expect(added).toMatchObject({
      kind: 'claim',
      groupId,
      stance: 'agrees',
      articleId: span.articleId,
    });
    expect(added.quote.exact).toBe('Los Angeles, California (101)');
    expect(await countLive('annotations')).toBe(before + 1);
    await undo();
    expect(await getAnnotation(linked.annotationId)).toBeUndefined();
    expect((await get(a.id)).groupId).toBe(groupId);
    await redo();
    expect((await get(linked.annotationId)).groupId).toBe(groupId);
  });

  it('a likely sentence already in another group moves into this one; the old group is not taken over', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const la = await linkAnnotations(a.id, { annotationId: b.id });
    const n = await tag(NEARLY_500);
    const list = await tag('Los Angeles, California (101)');
    const other = await linkAnnotations(n.id, { annotationId: list.id });
    const linked = await linkIntoGroup(la, spanIn('Los Angeles, California (101)'));
    expect(linked).toEqual({ annotationId: list.id, groupId: la, created: false });
    expect((await get(a.id)).groupId).toBe(la);
    expect((await get(list.id)).groupId).toBe(la);
    // The other group lost its second member and, left with one, still exists around it.
    expect((await get(n.id)).groupId).toBe(other);
  });

  it('refuses a deleted group with a message', async () => {
    await expect(linkIntoGroup('nope', spanIn(LA_101))).rejects.toThrow(/no longer exists/);
  });
});

describe('setGroupFacts', () => {
  const scale = ['True', 'Mostly true', 'Half true', 'Misleading', 'False', 'Unproven'];
  it('rates, sets status and resolution as separate undo steps', async () => {
    const a = await tag(LA_101);
    const b = await tag(LA_167);
    const groupId = await linkAnnotations(a.id, { annotationId: b.id });
    await setGroupFacts(groupId, { verdict: 'Half true' }, scale);
    await setGroupFacts(groupId, { status: 'resolved' }, scale);
    await setGroupFacts(groupId, { resolution: 'The 167 covers the LA area office.' }, scale);
    expect(await db.groups.get(groupId)).toMatchObject({
      verdict: 'Half true',
      status: 'resolved',
      resolution: 'The 167 covers the LA area office.',
    });
    const steps = historyStore.get().undo.length;
    // Saving the same value again adds no undo step.
    await setGroupFacts(groupId, { verdict: 'Half true' }, scale);
    expect(historyStore.get().undo.length).toBe(steps);
    await undo();
    expect((await db.groups.get(groupId))!.resolution ?? '').toBe('');
    await undo();
    expect((await db.groups.get(groupId))!.status ?? 'open').toBe('open');
    await undo();
    expect((await db.groups.get(groupId))!.verdict ?? null).toBeNull();
    await redo();
    expect((await db.groups.get(groupId))!.verdict).toBe('Half true');
    await expect(setGroupFacts(groupId, { verdict: 'Pants on fire' }, scale)).rejects.toThrow(
      /not on the rating scale/,
    );
  });
});
