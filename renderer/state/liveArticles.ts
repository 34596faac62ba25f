import { liveQuery } from 'dexie';
import { useSyncExternalStore } from 'react';
import type { Article } from '../../shared/model/types';
import { getArticle, liveArticles } from '../db/queries';

/**
 * The library's articles, read once for the whole window. Every view that needs articles (the
 * library, the open article, export and share) shares this one live query instead of reading
 * on its own: an article's row holds its whole text, so each extra read of a 50 MB article was
 * another ~90 ms task on the main thread, and opening one re-read what the library held.
 */
export interface LiveArticles {
  /** In library order (oldest first); tombstones left out. */
  list: readonly Article[];
  byId: ReadonlyMap<string, Article>;
}

let current: LiveArticles | undefined;
const listeners = new Set<() => void>();
let stop: (() => void) | null = null;

/**
 * The next snapshot, keeping the previous object of every article whose row did not change, so
 * views keyed on an article (its viewer, its memoised plan) are not redone when another article
 * is edited. Rows are compared as stored: text by value, the rest as JSON.
 */
export function nextSnapshot(
  previous: LiveArticles | undefined,
  rows: readonly Article[],
): LiveArticles {
  const list = rows.map((row) => {
    const before = previous?.byId.get(row.id);
    return before && sameRow(before, row) ? before : row;
  });
  return { list, byId: new Map(list.map((a) => [a.id, a])) };
}

function sameRow(a: Article, b: Article): boolean {
  if (a.updatedAt !== b.updatedAt || a.text !== b.text) return false;
  const { text: _a, ...restA } = a;
  const { text: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!stop) {
    const subscription = liveQuery(liveArticles).subscribe({
      next(rows) {
        current = nextSnapshot(current, rows);
        for (const l of listeners) l();
      },
      error(e) {
        console.error('Reading the library failed', e);
      },
    });
    stop = () => subscription.unsubscribe();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stop) {
      stop();
      stop = null;
      // The next subscriber reads afresh: nothing told this copy about changes since.
      current = undefined;
    }
  };
}

/** The live articles; undefined until the first read. */
export function useLiveArticles(): LiveArticles | undefined {
  return useSyncExternalStore(subscribe, () => current);
}

/**
 * An article for work on its text (tagging a selection): the window's live copy when it has
 * one, so a tag in a 50 MB article does not read the 50 MB again; else read from the store.
 * The text of an article never changes (its id is the text's sha256), so the copy is as good
 * as a fresh read for that.
 */
export async function articleForText(id: string): Promise<Article | undefined> {
  return current?.byId.get(id) ?? (await getArticle(id));
}
