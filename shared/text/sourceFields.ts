import type { Article } from '../model/types';
import { normalizeDate } from './metadata';
import { httpUrl, language } from './newsMetadata';

/**
 * The editor's edits to an article's source record, as a pure planner: the article and the
 * typed value in, the updated row (or why the value is refused) out. Empty means "unknown".
 */
export type SourceField = 'title' | 'source' | 'authors' | 'date' | 'url' | 'language';

export type SourceRow = Pick<Article, 'title' | 'source' | 'date' | 'updatedAt'> & {
  authors?: string[];
  url?: string | null;
  language?: string | null;
};

export const SOURCE_FIELD_LABELS: Record<SourceField, string> = {
  title: 'Title',
  source: 'Outlet',
  authors: 'Authors',
  date: 'Published',
  url: 'Address',
  language: 'Language',
};

export function sourceFieldText(row: SourceRow, field: SourceField): string {
  switch (field) {
    case 'authors':
      return (row.authors ?? []).join(', ');
    case 'title':
      return row.title;
    default:
      return row[field] ?? '';
  }
}

export function planSourceEdit<T extends SourceRow>(
  row: T,
  field: SourceField,
  raw: string,
  now: number,
): { ok: true; after: T; changed: boolean } | { ok: false; reason: string } {
  const value = raw.replace(/\s+/g, ' ').trim();
  let patch: Partial<SourceRow>;
  switch (field) {
    case 'title':
      if (!value) return { ok: false, reason: 'An article needs a title.' };
      if (value.length > 300)
        return { ok: false, reason: 'A title can be at most 300 characters.' };
      patch = { title: value };
      break;
    case 'source':
      if (value.length > 60)
        return { ok: false, reason: 'Use the outlet’s short name (at most 60 characters).' };
      patch = { source: value || null };
      break;
    case 'authors':
      patch = {
        authors: [
          ...new Set(
            value
              .split(/[,;]/)
              .map((a) => a.trim())
              .filter(Boolean),
          ),
        ],
      };
      break;
    case 'date': {
      const date = value ? normalizeDate(value) : null;
      if (value && !date)
        return {
          ok: false,
          reason: `“${value}” is not a date: use YYYY-MM-DD (e.g. 2017-09-28) or “September 28, 2017”.`,
        };
      patch = { date };
      break;
    }
    case 'url': {
      const url = value ? httpUrl(value) : null;
      if (value && !url)
        return {
          ok: false,
          reason: `“${value}” is not a web address: it must start with http:// or https://.`,
        };
      patch = { url };
      break;
    }
    case 'language': {
      const lang = value ? language(value) : null;
      if (value && (!lang || lang.length < value.length))
        return {
          ok: false,
          reason: `“${value}” is not a language code: use e.g. en, fr or en-GB.`,
        };
      patch = { language: lang };
      break;
    }
  }
  const changed = Object.entries(patch).some(
    ([k, v]) => JSON.stringify((row as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v),
  );
  return { ok: true, changed, after: changed ? { ...row, ...patch, updatedAt: now } : row };
}
