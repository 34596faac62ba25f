// @vitest-environment node
/**
 * The HTML import's worker half in plain Node: no DOM globals at all (as in a Worker), so a
 * dependency on `document` or DOMParser here would fail.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { HtmlWorkerRequest, HtmlWorkerResponse } from './htmlWorkerClient';

const fixture = (name: string) =>
  readFileSync(`renderer/features/library/fixtures/${name}`, 'utf8');

describe('html.worker (linkedom + Readability, no DOM)', () => {
  // The worker module installs its handler on `self` once, when it is first imported.
  const scope = {
    onmessage: null as ((e: { data: HtmlWorkerRequest }) => void) | null,
    postMessage: (_m: HtmlWorkerResponse) => {},
  };
  async function runWorker(req: HtmlWorkerRequest): Promise<HtmlWorkerResponse> {
    expect(typeof document).toBe('undefined');
    expect(typeof DOMParser).toBe('undefined');
    const posted: HtmlWorkerResponse[] = [];
    scope.postMessage = (m) => posted.push(m);
    (globalThis as unknown as { self: unknown }).self = scope;
    try {
      await import('./html.worker');
      scope.onmessage!({ data: req });
    } finally {
      delete (globalThis as unknown as { self?: unknown }).self;
    }
    expect(posted).toHaveLength(1);
    return posted[0]!;
  }

  it('returns only the article and every fact of the saved news page', async () => {
    const r = await runWorker({ html: fixture('news-page.html'), readability: true });
    if (!r.ok) throw new Error(r.message);
    expect(r.extract.notice).toBeNull();
    expect(r.extract.facts).toMatchObject({
      title: 'Harbour strike ends after 11 days as dockers accept 4% deal',
      authors: ['Maria Lopez', 'Tom Okafor'],
      date: '2017-09-28',
      url: 'https://www.harbourgazette.example/news/2017/09/28/strike-ends',
      language: 'en-GB',
      copyright: 'The Harbour Gazette',
    });
    expect(r.extract.content).toContain('an end to unpaid standby shifts at weekends');
    for (const junk of ['Share on Twitter', 'Related stories', 'All rights reserved'])
      expect(r.extract.content).not.toContain(junk);
    // Much less than the page goes back to the main thread to sanitise.
    expect(r.extract.content.length).toBeLessThan(fixture('news-page.html').length / 2);
  });

  it('sends the page without scripts or styles when no article is recognised, and says so', async () => {
    const r = await runWorker({
      html: '<html><head><style>p{}</style></head><body><script>bad()</script><div>Short note.</div></body></html>',
      readability: true,
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.extract.notice).toMatch(/No article was recognised/);
    expect(r.extract.content).toBe('<div>Short note.</div>');
  });
});
