import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { loadSeeds } from '../testing/seeds';
import { TRICKY_TEXTS, sampleWorkspace } from '../bundle/sample';
import type { Workspace } from '../bundle/types';
import { makeSelectors } from '../anchoring/selectors';
import { sortWorkspace } from '../bundle/order';
import { CSV_COLUMNS, exportCsv } from './csv';

let ws: Workspace;
beforeAll(async () => {
  const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
  ws = await sampleWorkspace(sources, {
    articles: sources.length,
    annotations: 70,
    annotationsPerGroup: 7,
  });
  // One annotation over the markup article's awkward line: commas, quotes and a formula.
  const markup = ws.articles.find((a) => a.text.includes('=HYPERLINK'))!;
  const line = markup.text.split('\n')[1]!;
  const at = markup.text.indexOf(line);
  ws.annotations.push({
    ...ws.annotations[0]!,
    id: 'tricky',
    articleId: markup.id,
    ...makeSelectors(markup.text, at, at + line.length),
    note: 'Line one, "quoted"\nline two',
    speaker: '=cmd|" /C calc"!A0',
  });
  const f = markup.text.indexOf('=HYPERLINK');
  ws.annotations.push({
    ...ws.annotations[1]!,
    id: 'formula',
    articleId: markup.id,
    ...makeSelectors(markup.text, f, markup.text.indexOf(', then left')),
    note: '@SUM(A1:A9)',
  });
});

/** What a spreadsheet-safe cell holds: formula starters get a leading apostrophe. */
const defused = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('exportCsv', () => {
  it('writes a header and one row per annotation that parse back to the same values', () => {
    const conflictsByGroupId = Object.fromEntries(
      ws.groups.map((g, i) => [
        g.id,
        { conflicting: i % 2 === 0, summary: `Los Angeles: 101 vs 167, group ${i}` },
      ]),
    );
    const csv = exportCsv(ws, { conflictsByGroupId });
    const rows = parse(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(ws.annotations.length + 1);
    // Rows come in reading order: by article, then by position.
    const ordered = sortWorkspace(ws).annotations;
    for (const [i, a] of ordered.entries()) {
      const row = rows[i + 1]!;
      expect(row[4]).toBe(defused(a.quote.exact));
      if (a.id === 'tricky' || a.id === 'formula') continue;
      const article = ws.articles.find((x) => x.id === a.articleId)!;
      const group = ws.groups.find((g) => g.id === a.groupId);
      expect(row[0]).toBe(defused(article.title));
      expect(row[2]).toBe(a.kind);
      expect(row[5]).toBe(a.note);
      expect(row[6]).toBe(group?.label ?? '');
      const c = a.groupId ? conflictsByGroupId[a.groupId]! : undefined;
      expect(row[8]).toBe(c === undefined ? '' : c.conflicting ? `Yes: ${c.summary}` : 'No');
    }
  });

  it('quotes commas, double quotes and newlines (RFC 4180)', () => {
    const csv = exportCsv(ws, { bom: false });
    expect(csv).toContain('"Line one, ""quoted""\nline two"');
    const tricky = parse(csv).find((r) => r[5]?.startsWith('Line one'))!;
    expect(tricky[5]).toBe('Line one, "quoted"\nline two');
    expect(csv.startsWith('article,source,kind')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('defuses spreadsheet formulas from untrusted text', () => {
    const tricky = parse(exportCsv(ws)).find((r) => r[5]?.startsWith('Line one'))!;
    expect(tricky[3]).toBe(`'=cmd|" /C calc"!A0`);
    // Mid-cell text is not a formula and stays as written.
    expect(tricky[4]).toMatch(/^<img src=x onerror="alert\(1\)"> A reader wrote: =HYPERLINK/);
    const formula = parse(exportCsv(ws)).find((r) => r[5] === `'@SUM(A1:A9)`)!;
    expect(formula[4]).toBe(`'=HYPERLINK("http://evil","click")`);
  });

  it('starts with a UTF-8 BOM for Excel unless asked not to', () => {
    expect(exportCsv(ws).charCodeAt(0)).toBe(0xfeff);
    expect(exportCsv(ws, { bom: false }).charCodeAt(0)).not.toBe(0xfeff);
  });
});
