// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FetchUrlResult } from '../../../shared/ipc/contract';
import type { FetchControl } from '../../platform/platform';

/**
 * Open a web address, from the renderer's side: the download's progress reaches the shared
 * progress dialog, Cancel aborts it (main is asked through the signal) and adds nothing, and a
 * finished download imports like a saved page. The platform stands in for the preload bridge.
 */
const fetchUrl = vi.hoisted(() => ({
  impl: null as null | ((url: string, control?: FetchControl) => Promise<FetchUrlResult>),
}));
vi.mock('../../platform/platform', () => ({
  platform: {
    kind: 'electron',
    fetchUrl: (url: string, control?: FetchControl) => fetchUrl.impl!(url, control),
  },
}));

const { importFromUrl } = await import('./importActions');
const { importTaskStore, SHOW_AFTER_MS } = await import('./importTask');
const { db } = await import('../../db/database');
const { toastStore } = await import('../../components/toasts');

const page = readFileSync('renderer/features/library/fixtures/news-page.html');
const liveArticles = async () => (await db.articles.toArray()).filter((a) => !a.deletedAt).length;

afterEach(() => {
  fetchUrl.impl = null;
});

describe('Open a web address (renderer)', () => {
  it('shows the bytes received of the declared size; Cancel aborts the download and adds nothing', async () => {
    const before = await liveArticles();
    let aborted = false;
    fetchUrl.impl = (_url, control) =>
      new Promise((resolve) => {
        control?.onProgress?.(300 * 1024, 2 * 1024 * 1024);
        control?.signal?.addEventListener('abort', () => {
          aborted = true;
          resolve({ ok: false, reason: 'the download was cancelled', cancelled: true });
        });
      });
    const pending = importFromUrl('https://news.example/strike');
    await new Promise((r) => setTimeout(r, SHOW_AFTER_MS + 50));
    const task = importTaskStore.get().task!;
    expect(task).toMatchObject({
      title: 'Opening https://news.example/strike',
      phase: 'Downloading… 300 KB of 2.0 MB',
      done: 300 * 1024,
      total: 2 * 1024 * 1024,
    });
    task.cancel!();
    expect(await pending).toBe('cancelled');
    expect(aborted).toBe(true);
    expect(importTaskStore.get()).toEqual({ task: null, running: false });
    expect(toastStore.get().at(-1)?.message).toMatch(/cancelled\. Nothing was added/);
    expect(await liveArticles()).toBe(before);
  });

  it('a finished download imports the page, with its address, and says why when refused', async () => {
    fetchUrl.impl = async (_url, control) => {
      control?.onProgress?.(page.byteLength, page.byteLength);
      return {
        ok: true,
        url: 'https://news.example/strike',
        contentType: 'text/html',
        bytes: new Uint8Array(page),
      };
    };
    expect(await importFromUrl('https://news.example/strike')).toBe('imported');
    const [article] = await db.articles.toArray();
    expect(article).toMatchObject({
      title: 'Harbour strike ends after 11 days as dockers accept 4% deal',
      source: 'The Harbour Gazette',
      // The address it was fetched from (after redirects) is the article's address.
      url: 'https://news.example/strike',
    });
    fetchUrl.impl = async () => ({ ok: false, reason: 'the site answered 404 Not Found' });
    expect(await importFromUrl('https://news.example/gone')).toEqual({
      reason: 'the site answered 404 Not Found',
    });
  });
});
