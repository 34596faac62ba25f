import Papa from 'papaparse/papaparse.js';
import type { Annotation, Article } from '../model/types';
import { sortWorkspace } from '../bundle/order';
import type { Workspace } from '../bundle/types';
import { conflictLine, quoteLine, statusWords, verdictWords, type GroupSummary } from '../summary';
import { workspaceSummaries } from './summaries';

export const CSV_COLUMNS = [
  'article',
  'source',
  'kind',
  'speaker',
  'text',
  'note',
  'tags',
  'group',
  'stance',
  'conflict',
  'quote integrity',
  'verdict',
  'status',
  'reasoning',
  'resolution',
] as const;

export interface CsvOptions {
  /**
   * Start with a UTF-8 byte-order mark (default true) so Excel reads curly quotes and accents
   * correctly; other tools ignore it.
   */
  bom?: boolean;
}

/**
 * A cell a spreadsheet would run as a formula: it starts with = + - @, a tab or a carriage
 * return. papaparse's own `escapeFormulae: true` uses /^[=+\-@\t\r].*$/, whose `.` stops at a
 * line break, so "=1+1\n…" and a two-paragraph "=HYPERLINK(…" slipped through; this one looks
 * at the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One row per annotation, in article and reading order, each with its group's summary (the one
 * the screen shows): conflict state and explanation, quote integrity, verdict, status, reasoning
 * and resolution note. papaparse does the RFC 4180 quoting (commas, quotes, line breaks) and
 * prefixes formula-like cells with an apostrophe, since article text is untrusted.
 */
export function exportCsv(ws: Workspace, opts: CsvOptions = {}): string {
  const { articles, annotations } = sortWorkspace(ws);
  const articleById = new Map<string, Article>(articles.map((a) => [a.id, a]));
  const summaries = new Map<string, GroupSummary>(
    workspaceSummaries(ws).map((s) => [s.group.id, s]),
  );
  const data = annotations
    .filter((a) => articleById.has(a.articleId))
    .map((a: Annotation) => {
      const article = articleById.get(a.articleId)!;
      const s = a.groupId === null ? undefined : summaries.get(a.groupId);
      return [
        article.title,
        article.source ?? '',
        a.kind,
        a.speaker ?? '',
        a.quote.exact,
        a.note,
        (a.tags ?? []).join(', '),
        s?.label ?? '',
        a.stance ?? '',
        s ? conflictLine(s) : '',
        s ? quoteLine(s) : '',
        s ? verdictWords(s) : '',
        s ? statusWords(s.status) : '',
        s?.reasoning ?? '',
        s?.resolution ?? '',
      ];
    });
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `${opts.bom === false ? '' : '\uFEFF'}${csv}\r\n`;
}
