import Papa from 'papaparse/papaparse.js';
import type { Annotation, Article, ClaimGroup } from '../model/types';
import { sortWorkspace } from '../bundle/order';
import type { Workspace } from '../bundle/types';
import type { ConflictsByGroupId } from './conflicts';

export const CSV_COLUMNS = [
  'article',
  'source',
  'kind',
  'speaker',
  'text',
  'note',
  'group',
  'stance',
  'conflict',
] as const;

export interface CsvOptions {
  conflictsByGroupId?: ConflictsByGroupId;
  /**
   * Start with a UTF-8 byte-order mark (default true) so Excel reads curly quotes and accents
   * correctly; other tools ignore it.
   */
  bom?: boolean;
}

/**
 * One row per annotation, in article and reading order. papaparse does the RFC 4180 quoting
 * (commas, quotes, line breaks) and `escapeFormulae` defuses cells a spreadsheet would run as
 * formulas (text starting with = + - @), since article text is untrusted.
 */
export function exportCsv(ws: Workspace, opts: CsvOptions = {}): string {
  const { articles, annotations, groups } = sortWorkspace(ws);
  const articleById = new Map<string, Article>(articles.map((a) => [a.id, a]));
  const groupById = new Map<string, ClaimGroup>(groups.map((g) => [g.id, g]));
  const conflicts = opts.conflictsByGroupId ?? {};
  const data = annotations.map((a: Annotation) => {
    const article = articleById.get(a.articleId);
    const group = a.groupId === null ? undefined : groupById.get(a.groupId);
    const conflict = a.groupId === null ? undefined : conflicts[a.groupId];
    return [
      article?.title ?? '',
      article?.source ?? '',
      a.kind,
      a.speaker ?? '',
      a.quote.exact,
      a.note,
      group?.label ?? '',
      a.stance ?? '',
      conflict === undefined ? '' : conflict.conflicting ? `Yes: ${conflict.summary}` : 'No',
    ];
  });
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data },
    { newline: '\r\n', escapeFormulae: true },
  );
  return `${opts.bom === false ? '' : '\uFEFF'}${csv}\r\n`;
}
