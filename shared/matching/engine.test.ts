import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../testing/seeds';
import { MatchingEngine } from './engine';
import type { MatchingRequest, MatchingResponse } from './protocol';

const seeds = loadSeeds();
const library = seeds.map((s) => ({ id: s.id, hash: `h-${s.id}`, text: s.canonical }));
const claim = {
  articleId: seeds[2]!.id,
  text: 'Los Angeles, California (101)',
  kind: 'claim' as const,
};

/** An engine with its outbox, and a helper that waits until a message matching `pred` arrives. */
function harness() {
  const out: MatchingResponse[] = [];
  const waiters: {
    pred: (m: MatchingResponse) => boolean;
    resolve: (m: MatchingResponse) => void;
  }[] = [];
  const engine = new MatchingEngine((m) => {
    out.push(m);
    for (const w of [...waiters]) {
      if (w.pred(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const send = (m: MatchingRequest) => engine.handle(m);
  const next = (pred: (m: MatchingResponse) => boolean) =>
    new Promise<MatchingResponse>((resolve) => {
      const seen = out.find(pred);
      if (seen) resolve(seen);
      else waiters.push({ pred, resolve });
    });
  return { engine, out, send, next };
}

describe('MatchingEngine (the matching worker protocol)', () => {
  it('builds the index with progress, then answers a query with the seeds\u2019 LA figure', async () => {
    const h = harness();
    h.send({ type: 'sync', articles: library });
    h.send({ type: 'suggest', id: 1, query: claim });
    const answer = await h.next((m) => m.type === 'suggestions' && m.id === 1);
    const progress = h.out.filter((m) => m.type === 'progress');
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 5, total: 5 });
    // The query waited for the index: 'ready' came before the answer.
    expect(h.out.findIndex((m) => m.type === 'ready')).toBeLessThan(h.out.indexOf(answer));
    const suggestions = answer.type === 'suggestions' ? answer.suggestions : [];
    expect(suggestions.some((s) => /167 arrests|At least 101 arrests/.test(s.text))).toBe(true);
  });

  it('updates incrementally: a second sync re-indexes only the changed article', async () => {
    const h = harness();
    h.send({ type: 'sync', articles: library.slice(0, 4) });
    await h.next((m) => m.type === 'ready');
    h.out.length = 0;
    h.send({ type: 'sync', articles: library });
    const ready = await h.next((m) => m.type === 'ready');
    expect(ready).toMatchObject({ type: 'ready', articles: 5 });
    // One new article: no progress stream (that is for the first build), one index version step.
    expect(h.out.filter((m) => m.type === 'progress')).toEqual([]);
    h.send({ type: 'suggest', id: 7, query: claim });
    const answer = await h.next((m) => m.type === 'suggestions');
    const ids = answer.type === 'suggestions' ? answer.suggestions.map((s) => s.articleId) : [];
    expect(ids).toContain(seeds[4]!.id);
    // Removing an article drops its suggestions.
    h.send({ type: 'sync', articles: library.slice(0, 4) });
    h.send({ type: 'suggest', id: 8, query: claim });
    const after = await h.next((m) => m.type === 'suggestions' && m.id === 8);
    const left = after.type === 'suggestions' ? after.suggestions.map((s) => s.articleId) : [];
    expect(left).not.toContain(seeds[4]!.id);
    expect(h.engine.size).toBe(4);
  });

  it('cancels a queued query: answered "cancelled", never with results', async () => {
    const h = harness();
    h.send({ type: 'sync', articles: library });
    h.send({ type: 'suggest', id: 2, query: claim });
    h.send({ type: 'suggest', id: 3, query: claim });
    h.send({ type: 'cancel', id: 2 });
    await h.next((m) => m.type === 'suggestions' && m.id === 3);
    expect(h.out).toContainEqual({ type: 'cancelled', id: 2 });
    expect(h.out.some((m) => m.type === 'suggestions' && m.id === 2)).toBe(false);
  });

  it('answers "likely here" per group and article; articles holding a member are skipped', async () => {
    const h = harness();
    h.send({ type: 'sync', articles: library });
    h.send({
      type: 'likely',
      id: 4,
      groups: [
        {
          groupId: 'g',
          members: [claim],
          articleIds: library.map((a) => a.id),
        },
      ],
    });
    const answer = await h.next((m) => m.type === 'likely');
    const cells = answer.type === 'likely' ? answer.groups.g! : {};
    expect(Object.keys(cells)).not.toContain(claim.articleId);
    expect(cells[seeds[3]!.id]?.text).toContain('167 arrests');
  });
});
