import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type {
  FindQuoteOptions,
  LikelyMember,
  MatchingRequest,
  MatchingResponse,
  MatchQuery,
  QuoteOccurrence,
  SuggestOptions,
  Suggestion,
} from '../../../shared/matching';
import type { Article } from '../../../shared/model/types';
import { db } from '../../db/database';

/**
 * The UI side of the matching worker: one worker per window, fed the live library (only changed
 * articles are re-indexed there), asked for suggestions, quote copies and "likely here" cells.
 * Every call returns a promise plus `cancel`; nothing here blocks the UI thread.
 */
type Answer = Exclude<MatchingResponse, { type: 'progress' } | { type: 'ready' }>;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (answer: Answer) => void>();
const progressListeners = new Set<(p: IndexProgress) => void>();

export interface IndexProgress {
  done: number;
  total: number;
  ready: boolean;
}
let progress: IndexProgress = { done: 0, total: 0, ready: false };

function setProgress(p: IndexProgress): void {
  progress = p;
  for (const l of progressListeners) l(p);
}

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../../workers/matching.worker.ts', import.meta.url), {
      type: 'module',
      name: 'matching',
    });
    worker.onmessage = (e: MessageEvent<MatchingResponse>) => {
      const m = e.data;
      if (m.type === 'progress') setProgress({ done: m.done, total: m.total, ready: false });
      else if (m.type === 'ready')
        setProgress({ done: m.articles, total: m.articles, ready: true });
      else {
        const resolve = m.id === null ? undefined : waiting.get(m.id);
        if (m.id !== null) waiting.delete(m.id);
        resolve?.(m as Answer);
      }
    };
  }
  return worker;
}

function post(message: MatchingRequest): void {
  getWorker().postMessage(message);
}

export interface Pending<T> {
  promise: Promise<T | null>;
  /** Drops the request; the promise resolves to null. */
  cancel: () => void;
}

function ask<T>(
  build: (id: number) => MatchingRequest,
  read: (a: Answer) => T | undefined,
): Pending<T> {
  const id = nextId++;
  const promise = new Promise<T | null>((resolve, reject) => {
    waiting.set(id, (a) => {
      if (a.type === 'error') reject(new Error(a.message));
      else if (a.type === 'cancelled') resolve(null);
      else resolve(read(a) ?? null);
    });
  });
  post(build(id));
  return {
    promise,
    cancel: () => {
      if (!waiting.has(id)) return;
      post({ type: 'cancel', id });
      waiting.get(id)?.({ type: 'cancelled', id });
      waiting.delete(id);
    },
  };
}

/** Sends the live library; the worker indexes only articles that are new or changed. */
export function syncLibrary(articles: readonly Pick<Article, 'id' | 'sha256' | 'text'>[]): void {
  if (progress.ready || progress.total === 0) setProgress({ done: 0, total: 0, ready: false });
  post({
    type: 'sync',
    articles: articles.map((a) => ({ id: a.id, hash: a.sha256, text: a.text })),
  });
}

export function requestSuggestions(query: MatchQuery, options?: SuggestOptions) {
  return ask<Suggestion[]>(
    (id) => ({ type: 'suggest', id, query, options }),
    (a) => (a.type === 'suggestions' ? a.suggestions : undefined),
  );
}

export function requestQuoteCopies(text: string, options?: FindQuoteOptions) {
  return ask<QuoteOccurrence[]>(
    (id) => ({ type: 'findQuote', id, text, options }),
    (a) => (a.type === 'quotes' ? a.occurrences : undefined),
  );
}

export type LikelyByGroup = Record<string, Record<string, Suggestion | null>>;

export function requestLikelyHere(
  groups: { groupId: string; members: LikelyMember[]; articleIds: string[] }[],
) {
  return ask<LikelyByGroup>(
    (id) => ({ type: 'likely', id, groups }),
    (a) => (a.type === 'likely' ? a.groups : undefined),
  );
}

/** Keeps the worker's index in step with the live library while `enabled`; returns progress. */
export function useMatchingIndex(enabled: boolean): IndexProgress {
  const articles = useLiveQuery(
    () => (enabled ? db.articles.filter((a) => a.deletedAt === null).toArray() : []),
    [enabled],
  );
  const [state, setState] = useState(progress);
  useEffect(() => {
    progressListeners.add(setState);
    return () => void progressListeners.delete(setState);
  }, []);
  useEffect(() => {
    if (enabled && articles) syncLibrary(articles);
  }, [enabled, articles]);
  return state;
}

/**
 * Runs `start` in the worker whenever `key` changes (null: nothing to ask), cancelling the
 * previous request; returns its result (undefined while waiting).
 */
export function useWorkerResult<T>(key: string | null, start: () => Pending<T>): T | undefined {
  const [result, setResult] = useState<{ key: string; value: T | null } | null>(null);
  useEffect(() => {
    if (key === null) return;
    const pending = start();
    let live = true;
    pending.promise
      .then((value) => {
        if (live) setResult({ key, value });
      })
      .catch(() => {
        if (live) setResult({ key, value: null });
      });
    return () => {
      live = false;
      pending.cancel();
    };
    // `start` is rebuilt every render; `key` says when the question changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result && result.key === key ? (result.value ?? undefined) : undefined;
}
