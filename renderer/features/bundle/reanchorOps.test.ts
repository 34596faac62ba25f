import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Article, ReanchorItem } from '../../../shared/model/types';
import { makeSelectors } from '../../../shared/anchoring/selectors';
import { reanchor } from '../../../shared/anchoring/reanchor';
import { sha256Hex } from '../../../shared/text/hash';
import { seed } from '../../../shared/testing/seeds';
import { db } from '../../db/database';
import { clearHistory, undo } from '../../state/history';
import { workspaceHash } from '../../db/applyBundle';
import { discardQueued, placeQueued } from './reanchorOps';
import { wipeWorkspace } from './wipeWorkspace';
import { annotationDefaults, articleDefaults } from '../../../shared/model/defaults';
import { countLive } from '../../db/queries';

const T = Date.UTC(2024, 0, 1);
let article: Article;

/** A queued annotation whose stored quote is no longer in the article, as an import leaves it. */
function queued(id: string, exact: string, proposal: ReanchorItem['proposal']): ReanchorItem {
  const annotation: Annotation = {
    ...annotationDefaults(),
    id,
    articleId: article.id,
    kind: 'claim',
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    speaker: null,
    note: 'checked with ICE',
    groupId: 'group-gone',
    stance: 'agrees',
    createdAt: T,
    updatedAt: T,
  };
  return { id, annotation, reason: proposal ? 'ambiguous' : 'no-match', proposal, createdAt: T };
}

beforeEach(async () => {
  clearHistory();
  await Promise.all(db.tables.map((t) => t.clear()));
  const text = seed('000').canonical;
  article = {
    ...articleDefaults(),
    id: 'art-1',
    sha256: await sha256Hex(text),
    title: 'The operation saw 498 individuals',
    source: null,
    date: null,
    text,
    origin: { kind: 'seed', name: '000.txt', format: 'txt' },
    createdAt: T,
    updatedAt: T,
  };
  await db.articles.add(article);
});

describe('re-anchoring review queue', () => {
  it('accepting the proposal places the annotation there and empties its queue slot', async () => {
    // A quote edited after export, whose text the article repeats (its lead is printed twice):
    // re-anchoring will not choose between the two places and proposes the first.
    const edited = 'The operation saw 489 people from 42 countries arrested';
    const found = reanchor(article.text, {
      position: { start: 0, end: edited.length },
      quote: { exact: edited, prefix: '', suffix: '' },
    });
    if (found.status !== 'ambiguous' || !found.proposal) throw new Error(found.status);
    const proposal = found.proposal;
    await db.reanchorQueue.add(queued('q1', edited, proposal));

    const placed = await placeQueued('q1', 'proposal');
    expect(placed.quote.exact).toBe(article.text.slice(proposal.start, proposal.end));
    expect(placed.quote.exact).toMatch(/^The operation saw 498 individuals from 42 countries/);
    expect(placed.note).toBe('checked with ICE');
    // Its group no longer exists, so it arrives ungrouped rather than pointing nowhere.
    expect(placed.groupId).toBeNull();
    expect(placed.stance).toBeNull();
    expect(await db.annotations.get('q1')).toEqual(placed);
    expect(await db.reanchorQueue.count()).toBe(0);

    // One undo brings back exactly the queued state.
    await undo();
    expect(await countLive('annotations')).toBe(0);
    expect((await db.reanchorQueue.get('q1'))?.proposal).toEqual(proposal);
  });

  it('"Use selection" places it at the range the editor chose', async () => {
    await db.reanchorQueue.add(queued('q2', 'Zebras annexed the aquarium', null));
    const start = article.text.indexOf('Immigration and Customs Enforcement (ICE)');
    const end = start + 'Immigration and Customs Enforcement (ICE)'.length;
    const placed = await placeQueued('q2', { start, end });
    expect(placed).toMatchObject(makeSelectors(article.text, start, end));
    expect(await db.reanchorQueue.count()).toBe(0);
  });

  it('refuses to place without a proposal or outside the article, changing nothing', async () => {
    await db.reanchorQueue.add(queued('q3', 'Zebras annexed the aquarium', null));
    const hash = await workspaceHash();
    await expect(placeQueued('q3', 'proposal')).rejects.toThrow(/no proposed place/);
    await expect(placeQueued('q3', { start: 10, end: article.text.length + 5 })).rejects.toThrow(
      /outside the article/,
    );
    await db.articles.delete(article.id);
    await expect(placeQueued('q3', { start: 0, end: 5 })).rejects.toThrow(/article was deleted/);
    await db.articles.add(article);
    expect(await workspaceHash()).toBe(hash);
  });

  it('discarding removes only the queue item, and can be undone', async () => {
    await db.reanchorQueue.bulkAdd([queued('q4', 'one', null), queued('q5', 'two', null)]);
    await discardQueued('q4');
    expect((await db.reanchorQueue.toArray()).map((r) => r.id)).toEqual(['q5']);
    await undo();
    expect((await db.reanchorQueue.toArray()).map((r) => r.id).sort()).toEqual(['q4', 'q5']);
  });

  it('wiping the workspace removes every row of every work table and undo restores them', async () => {
    await db.reanchorQueue.add(queued('q6', 'six', null));
    const hash = await workspaceHash();
    expect(await wipeWorkspace()).toBe(2);
    expect(await countLive('articles')).toBe(0);
    expect(await db.reanchorQueue.count()).toBe(0);
    await undo();
    expect(await workspaceHash()).toBe(hash);
  });
});
