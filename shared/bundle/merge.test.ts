import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../model/types';
import { loadSeeds } from '../testing/seeds';
import { applyPlan, planMerge } from './merge';
import { sampleWorkspace } from './sample';
import type { ParsedBundle, Workspace } from './types';

const NOW = Date.UTC(2024, 4, 1);
let ws: Workspace;
const EMPTY: Workspace = { articles: [], annotations: [], groups: [] };

beforeAll(async () => {
  const sources = loadSeeds().map((s) => ({ name: s.id, text: s.raw }));
  ws = await sampleWorkspace(sources, { articles: 5, annotations: 60, annotationsPerGroup: 6 });
});

const asBundle = (w: Workspace): ParsedBundle => ({
  ...structuredClone(w),
  formatVersion: 2,
  appVersion: '0.1.0',
  createdAt: new Date(NOW).toISOString(),
  warnings: [],
});
const clone = (w: Workspace): Workspace => structuredClone(w);

describe('planMerge', () => {
  it('brings back rows deleted here (tombstones) that the bundle holds, however old the bundle', () => {
    const local = clone(ws);
    const later = NOW + 1e9;
    local.articles[0]!.deletedAt = later;
    local.articles[0]!.updatedAt = later;
    for (const a of local.annotations) Object.assign(a, { deletedAt: later, updatedAt: later });
    for (const g of local.groups) Object.assign(g, { deletedAt: later, updatedAt: later });
    const plan = planMerge(local, asBundle(ws), NOW);
    const merged = applyPlan(local, plan);
    expect(merged.articles.every((a) => a.deletedAt === null)).toBe(true);
    expect(merged.annotations.filter((a) => a.deletedAt === null)).toHaveLength(
      ws.annotations.length,
    );
    expect(merged.groups.filter((g) => g.deletedAt === null)).toHaveLength(ws.groups.length);
    expect(plan.summary.annotations.added).toBe(ws.annotations.length);
  });

  it('treats an article with the same sha256 as the same article and re-points annotations', () => {
    const local = clone(ws);
    local.articles[0]!.id = 'local-article-0';
    local.annotations = [];
    const plan = planMerge(local, asBundle(ws), NOW);
    expect(plan.articles.map((a) => a.sha256)).not.toContain(ws.articles[0]!.sha256);
    expect(plan.summary.articles).toEqual({ added: 0, updated: 0, matched: 5 });
    expect(plan.articleIdMap.get(ws.articles[0]!.id)).toBe('local-article-0');
    const onFirst = plan.annotations.filter((a) => a.articleId === 'local-article-0');
    expect(onFirst.length).toBe(
      ws.annotations.filter((a) => a.articleId === ws.articles[0]!.id).length,
    );
    expect(onFirst.length).toBeGreaterThan(0);
  });

  it('gives a new id to an incoming article whose id is taken by a different local article', () => {
    const local: Workspace = {
      articles: [{ ...ws.articles[1]!, id: ws.articles[0]!.id }],
      annotations: [],
      groups: [],
    };
    const incoming = asBundle({
      ...ws,
      articles: [ws.articles[0]!],
      annotations: ws.annotations.filter((a) => a.articleId === ws.articles[0]!.id),
      groups: ws.groups,
    });
    const plan = planMerge(local, incoming, NOW, { newId: () => 'fresh-id' });
    expect(plan.articles.map((a) => [a.id, a.sha256])).toEqual([
      ['fresh-id', ws.articles[0]!.sha256],
    ]);
    expect(new Set(plan.annotations.map((a) => a.articleId))).toEqual(new Set(['fresh-id']));
  });

  it('updates an annotation only if the incoming copy is newer', () => {
    const [a0, a1, a2] = ws.annotations as [Annotation, Annotation, Annotation];
    const local = clone(ws);
    const incoming = asBundle(ws);
    incoming.annotations[0] = { ...a0, note: 'newer remote note', updatedAt: a0.updatedAt + 5000 };
    incoming.annotations[1] = { ...a1, note: 'older remote note', updatedAt: a1.updatedAt - 5000 };
    incoming.annotations[2] = { ...a2, note: 'same time, different note' };
    const plan = planMerge(local, incoming, NOW);
    expect(plan.annotations.map((a) => [a.id, a.note])).toEqual([[a0.id, 'newer remote note']]);
    expect(plan.summary.annotations).toMatchObject({
      updated: 1,
      keptLocal: 1,
      unchanged: ws.annotations.length - 2,
      added: 0,
    });
    const merged = applyPlan(local, plan);
    expect(merged.annotations.find((a) => a.id === a1.id)!.note).toBe(a1.note);
  });

  it('merges groups by id, newest wins; new groups are added', () => {
    const local = clone(ws);
    local.groups = local.groups.slice(1);
    local.groups[0] = {
      ...local.groups[0]!,
      label: 'Local label',
      labelEdited: true,
      updatedAt: NOW,
    };
    const incoming = asBundle(ws);
    incoming.groups[2] = { ...incoming.groups[2]!, label: 'Remote label', updatedAt: NOW + 1 };
    const plan = planMerge(local, incoming, NOW);
    expect(plan.groups.map((g) => g.id).sort()).toEqual(
      [ws.groups[0]!.id, ws.groups[2]!.id].sort(),
    );
    expect(plan.summary.groups).toMatchObject({ added: 1, updated: 1, keptLocal: 1 });
    const merged = applyPlan(local, plan);
    expect(merged.groups.find((g) => g.id === ws.groups[1]!.id)!.label).toBe('Local label');
    expect(merged.groups.find((g) => g.id === ws.groups[2]!.id)!.label).toBe('Remote label');
  });

  it('takes newer article metadata but keeps the local id and text', () => {
    const incoming = asBundle(ws);
    incoming.articles[2] = {
      ...incoming.articles[2]!,
      title: 'Corrected headline',
      updatedAt: NOW,
    };
    const plan = planMerge(clone(ws), incoming, NOW);
    expect(plan.articles).toEqual([
      { ...ws.articles[2]!, title: 'Corrected headline', updatedAt: NOW },
    ]);
  });

  it('re-anchors annotations whose position no longer shows the quote', () => {
    const incoming = asBundle(ws);
    const target = incoming.annotations[4]!;
    // A tool that counted offsets differently: the span is off by a few characters.
    target.position = {
      ...target.position,
      start: target.position.start + 3,
      end: target.position.end + 3,
    };
    const plan = planMerge(EMPTY, incoming, NOW);
    expect(plan.summary.annotations.reanchored).toBe(1);
    expect(plan.review).toEqual([]);
    const placed = plan.annotations.find((a) => a.id === target.id)!;
    expect(placed.position).toEqual(ws.annotations[4]!.position);
    expect(placed.quote).toEqual(ws.annotations[4]!.quote);
  });

  it('never drops or guesses: unplaceable annotations go to the review queue, named in the summary', () => {
    const incoming = asBundle(ws);
    const text = ws.articles[0]!.text;
    // Seed 000 repeats its lead sentence; a context-free quote of it cannot be placed for sure.
    const REPEATED =
      'The operation saw 498 individuals from 42 countries arrested for federal immigration violations, ICE said.';
    expect(text.indexOf(REPEATED)).not.toBe(text.lastIndexOf(REPEATED));
    const ambiguous: Annotation = {
      ...ws.annotations[0]!,
      id: 'ambiguous-one',
      articleId: ws.articles[0]!.id,
      position: { type: 'TextPositionSelector', start: 400, end: 400 + REPEATED.length },
      quote: { type: 'TextQuoteSelector', exact: REPEATED, prefix: '', suffix: '' },
    };
    const gone: Annotation = {
      ...ws.annotations[1]!,
      id: 'gone-one',
      articleId: ws.articles[0]!.id,
      quote: { type: 'TextQuoteSelector', exact: 'QQQZZZXXXJJJKKKVVVWWW', prefix: '', suffix: '' },
    };
    incoming.annotations.push(ambiguous, gone);
    const plan = planMerge(EMPTY, incoming, NOW);
    expect(plan.annotations.map((a) => a.id)).not.toContain('ambiguous-one');
    expect(plan.review.map((r) => [r.id, r.reason])).toEqual([
      ['ambiguous-one', 'ambiguous'],
      ['gone-one', 'no-match'],
    ]);
    expect(plan.review[0]!.annotation).toEqual(ambiguous);
    expect(plan.review[0]!.proposal).not.toBeNull();
    expect(plan.review[0]!.createdAt).toBe(NOW);
    expect(plan.summary.review.map((r) => [r.annotationId, r.articleTitle, r.reason])).toEqual([
      ['ambiguous-one', ws.articles[0]!.title, 'ambiguous'],
      ['gone-one', ws.articles[0]!.title, 'no-match'],
    ]);
    expect(plan.annotations.length + plan.review.length).toBe(incoming.annotations.length);

    // Importing again does not queue them twice.
    const after = applyPlan(EMPTY, plan);
    const again = planMerge(after, incoming, NOW + 1);
    expect(again.empty).toBe(true);
  });

  it('an empty bundle into an empty workspace is an empty plan', () => {
    expect(planMerge(EMPTY, asBundle(EMPTY), NOW).empty).toBe(true);
  });

  it('reports progress', () => {
    const seen: number[] = [];
    planMerge(EMPTY, asBundle(ws), NOW, { onProgress: (d, t) => seen.push(d / t) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
  });
});
