import { beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { loadSeeds } from '../testing/seeds';
import { TRICKY_TEXTS, sampleWorkspace } from '../bundle/sample';
import type { Workspace } from '../bundle/types';
import { makeSelectors } from '../anchoring/selectors';
import { stateWords } from '../summary';
import { REPORT_CSP, escapeHtml, exportHtmlReport } from './html';
import { workspaceSummaries } from './summaries';

let ws: Workspace;
const NOW = Date.UTC(2024, 4, 1, 9, 30);
beforeAll(async () => {
  const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
  ws = await sampleWorkspace(sources, {
    articles: sources.length,
    annotations: 80,
    annotationsPerGroup: 8,
  });
  const markup = ws.articles.find((a) => a.text.includes('<script>'))!;
  const at = markup.text.indexOf('<script>');
  ws.annotations.push({
    ...ws.annotations[0]!,
    id: 'xss',
    articleId: markup.id,
    ...makeSelectors(markup.text, at, markup.text.indexOf('</script>') + 9),
    speaker: '<img src=x onerror=alert(2)>',
    note: '"><svg onload=alert(3)>',
    groupId: ws.groups[0]!.id,
    stance: 'conflicts',
  });
  ws.groups[0] = { ...ws.groups[0]!, label: '<iframe src="javascript:alert(4)">' };
});

// jsdom parses like a browser; scripts would not run here anyway, so the tests inspect the DOM.
const parse = (html: string): Document => new JSDOM(html).window.document;

describe('exportHtmlReport', () => {
  it('runs no script: no script elements, no event handlers, no active elements from data', () => {
    const html = exportHtmlReport(ws, { now: NOW });
    const doc = parse(html);
    expect(doc.querySelectorAll('script, img, svg, iframe, object, embed, link').length).toBe(0);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name.startsWith('on')).toBe(false);
        expect(attr.value).not.toMatch(/^\s*javascript:/i);
      }
    }
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('declares a CSP that forbids everything but inline styles', () => {
    const doc = parse(exportHtmlReport(ws, { now: NOW }));
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(REPORT_CSP).toBe(meta?.getAttribute('content'));
    expect(doc.querySelectorAll('style').length).toBe(1);
  });

  it('shows every article text intact, with each annotation highlighted', () => {
    const doc = parse(exportHtmlReport(ws, { now: NOW }));
    const articles = Array.from(doc.querySelectorAll('article'));
    expect(articles).toHaveLength(ws.articles.length);
    for (const [i, art] of [...ws.articles].sort((a, b) => a.createdAt - b.createdAt).entries()) {
      const el = articles[i]!;
      expect(el.querySelector('h2')!.textContent).toBe(art.title);
      const paras = Array.from(el.querySelectorAll(':scope > p:not(.meta)'));
      // Text without the [n] note markers equals the article text, paragraph by paragraph.
      const shown = paras.map((p) => {
        const c = p.cloneNode(true) as Element;
        c.querySelectorAll('sup').forEach((s) => s.remove());
        return c.textContent;
      });
      expect(shown.join('\n')).toBe(art.text);
      const marked = Array.from(el.querySelectorAll('mark'))
        .map((m) => m.textContent)
        .join('');
      for (const a of ws.annotations.filter((x) => x.articleId === art.id)) {
        expect(el.querySelector(`li[id^="ann-"]`)).not.toBeNull();
        expect(marked).toContain(a.quote.exact.split(/\n/)[0]!.slice(0, 10));
      }
    }
    const xssNote = Array.from(doc.querySelectorAll('ol.notes li')).find((li) =>
      li.textContent!.includes('svg onload'),
    );
    expect(xssNote!.textContent).toContain('note: "><svg onload=alert(3)>');
    expect(xssNote!.textContent).toContain('speaker: <img src=x onerror=alert(2)>');
  });

  it("has the screen's claims matrix: groups × sources, member states with shapes and words", () => {
    const doc = parse(exportHtmlReport(ws, { now: NOW }));
    const summaries = workspaceSummaries(ws);
    const table = doc.querySelector('#matrix table')!;
    // Claim, verdict, status, then one column per source.
    expect(table.querySelectorAll('thead th')).toHaveLength(ws.articles.length + 3);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(ws.groups.length);
    const first = rows[0]!;
    expect(first.querySelector('th')!.textContent).toContain('<iframe src="javascript:alert(4)">');
    const s = summaries.find((x) => x.group.id === ws.groups[0]!.id)!;
    expect(first.querySelector('.badge')!.getAttribute('title')).toBe(s.explanation);
    expect(first.querySelector('.badge')!.textContent).toBe(stateWords(s.state));
    // One cell per source; each member's source shows its state (● ✓ ✗), the rest "not present".
    const cells = Array.from(first.querySelectorAll('td')).slice(2);
    expect(cells).toHaveLength(ws.articles.length);
    const sources = new Set(s.members.map((m) => m.annotation.articleId));
    expect(cells.filter((td) => /[●✓✗]/.test(td.textContent!))).toHaveLength(sources.size);
    expect(cells.filter((td) => td.textContent === '· not present')).toHaveLength(
      ws.articles.length - sources.size,
    );
    // The injected member marked 'conflicts' makes the group conflicting on screen and here.
    expect(s.state).toBe('conflicting');
    expect(doc.querySelector('header')!.textContent).toContain(
      `${summaries.filter((x) => x.conflicting).length} in conflict`,
    );
  });

  it('escapes all five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
