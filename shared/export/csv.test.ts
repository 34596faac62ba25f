import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { loadSeeds } from '../testing/seeds';
import { TRICKY_TEXTS, sampleWorkspace } from '../bundle/sample';
import type { Workspace } from '../bundle/types';
import { makeSelectors } from '../anchoring/selectors';
import { sortWorkspace } from '../bundle/order';
import { stateWords } from '../summary';
import { CSV_COLUMNS, exportCsv } from './csv';
import { workspaceSummaries } from './summaries';

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
    const csv = exportCsv(ws);
    const rows = parse(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(ws.annotations.length + 1);
    const summaries = new Map(workspaceSummaries(ws).map((s) => [s.group.id, s]));
    // Rows come in reading order: by article, then by position.
    const ordered = sortWorkspace(ws).annotations;
    for (const [i, a] of ordered.entries()) {
      const row = rows[i + 1]!;
      expect(row[4]).toBe(defused(a.quote.exact));
      if (a.id === 'tricky' || a.id === 'formula') continue;
      const article = ws.articles.find((x) => x.id === a.articleId)!;
      const s = a.groupId ? summaries.get(a.groupId) : undefined;
      expect(row[0]).toBe(defused(article.title));
      expect(row[2]).toBe(a.kind);
      expect(row[5]).toBe(a.note);
      expect(row[7]).toBe(s?.label ?? '');
      expect(row[9]).toBe(
        s ? `${stateWords(s.state)}${s.explanation ? `: ${s.explanation}` : ''}` : '',
      );
      expect(row[11]).toBe(s ? (s.verdict ?? 'Not rated') : '');
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

  it("defuses formulas that span line breaks (papaparse's own check stops at the first)", () => {
    const markup = ws.articles.find((a) => a.text.includes('=HYPERLINK'))!;
    const f = markup.text.indexOf('=HYPERLINK');
    const twoParagraphs = markup.text.slice(f, markup.text.indexOf('\n', f) + 20);
    expect(twoParagraphs).toContain('\n');
    const extra = [
      { ...ws.annotations[2]!, id: 'multi1', note: '=1+1\nsecond line', speaker: null },
      {
        ...ws.annotations[3]!,
        id: 'multi2',
        articleId: markup.id,
        ...makeSelectors(markup.text, f, f + twoParagraphs.length),
        note: '+SUM(A1)\r\n-2',
      },
    ];
    const rows = parse(exportCsv({ ...ws, annotations: [...ws.annotations, ...extra] }));
    const one = rows.find((r) => r[5]?.includes('second line'))!;
    expect(one[5]).toBe("'=1+1\nsecond line");
    const two = rows.find((r) => r[5]?.includes('SUM(A1)'))!;
    expect(two[5]).toBe("'+SUM(A1)\r\n-2");
    expect(two[4]).toBe(`'${twoParagraphs}`);
    // No cell anywhere starts with a formula character.
    for (const row of rows.slice(1))
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
