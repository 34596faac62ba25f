// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { paragraphSpans } from '../../../shared/text/paragraphMap';
import { prepareText } from '../library/prepareArticle';
import { $appendLines, $buildDocument, documentPlan } from './buildDocument';
import { viewerTestEditor } from './viewerTestEditor';
import {
  createDomTextMap,
  domPointToOffset,
  offsetToDomPoint,
  rangeForOffsets,
} from './domOffsets';

async function renderFixture(name: string, format: 'html' | 'md', pieceChars = Infinity) {
  const raw = readFileSync(resolve('renderer/features/library/fixtures', name), 'utf8');
  const prepared = await prepareText(raw, { kind: 'file', name, format });
  if (!prepared.ok) throw new Error(prepared.reason);
  const { text, structure } = prepared.article;
  const { editor, root } = viewerTestEditor();
  let keys: string[] = [];
  if (pieceChars === Infinity) {
    editor.update(
      () => {
        keys = $buildDocument(text, structure);
      },
      { discrete: true },
    );
  } else {
    // As the viewer builds a long article: one update per piece of about `pieceChars`.
    const plan = documentPlan(text, structure);
    for (let next = 0; next < plan.lines.length;) {
      editor.update(
        () => {
          next = $appendLines(plan, next, pieceChars, keys);
        },
        { discrete: true },
      );
    }
  }
  const lines = keys.map((k) => editor.getElementByKey(k));
  const map = createDomTextMap(root, paragraphSpans(text), lines)!;
  return { text, root, map };
}

describe('rich viewer document', () => {
  for (const [name, format] of [
    ['news-page.html', 'html'],
    ['markdown-article.md', 'md'],
  ] as const) {
    it(`renders ${name} with headings, lists, quotes, tables and links, offsets exact`, async () => {
      const { text, root, map } = await renderFixture(name, format);
      expect(map).not.toBeNull();
      expect(root.querySelector('h2')).not.toBeNull();
      expect(root.querySelectorAll('li').length).toBeGreaterThanOrEqual(3);
      expect(root.querySelector('blockquote')).not.toBeNull();
      expect(root.querySelector('a[href^="https://"]')).not.toBeNull();
      if (format === 'html') expect(root.querySelectorAll('table td, table th').length).toBe(6);
      // Every line element holds exactly its canonical line.
      const lines = text.split('\n');
      map.paragraphs.forEach((el, i) => expect(el.textContent).toBe(lines[i]));
      // Every offset maps to a DOM point and back to itself.
      for (let o = 0; o <= text.length; o++) {
        if (text[o - 1] === '\n') continue; // the separator belongs to the line before
        const p = offsetToDomPoint(map, o);
        expect(domPointToOffset(map, p.node, p.offset)).toBe(o);
      }
      // A range across a heading, a list and its items reads the canonical text (minus newlines).
      const start = text.indexOf(format === 'html' ? 'What the deal' : 'Where the lanes');
      const end = text.indexOf(format === 'html' ? 'weekends;' : 'Mill Street') + 9;
      expect(rangeForOffsets(map, start, end).toString()).toBe(
        text.slice(start, end).replace(/\n/g, ''),
      );
    });
  }

  it('maps points between lines (inside a list or table element) to the next line start', async () => {
    const { text, root, map } = await renderFixture('news-page.html', 'html');
    const ul = root.querySelector('ul')!;
    expect(domPointToOffset(map, ul, 0)).toBe(text.indexOf('a 4% rise'));
    const table = root.querySelector('table')!;
    expect(domPointToOffset(map, table, 0)).toBe(text.indexOf('Week'));
    expect(domPointToOffset(map, root, root.childNodes.length)).toBe(text.length);
  });

  it('builds a document piece by piece exactly as it builds it whole (lists and tables never cut)', async () => {
    for (const [name, format] of [
      ['news-page.html', 'html'],
      ['markdown-article.md', 'md'],
    ] as const) {
      const whole = await renderFixture(name, format);
      const wholeHtml = whole.root.innerHTML;
      const wholeCount = whole.map.paragraphs.length;
      for (const piece of [1, 40, 300]) {
        const { text, root, map } = await renderFixture(name, format, piece);
        expect(map).not.toBeNull();
        expect(map.paragraphs).toHaveLength(wholeCount);
        // Lexical keys differ between editors; the rendered markup must not.
        expect(root.innerHTML.replace(/ data-lexical-[a-z-]+="[^"]*"/g, '')).toBe(
          wholeHtml.replace(/ data-lexical-[a-z-]+="[^"]*"/g, ''),
        );
        text.split('\n').forEach((line, i) => expect(map.paragraphs[i]!.textContent).toBe(line));
      }
    }
  });
});
