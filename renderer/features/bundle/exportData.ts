import type { Annotation, Article } from '../../../shared/model/types';
import type { FileFilter } from '../../../shared/ipc/contract';
import { BUNDLE_EXTENSION, writeBundle, type Workspace } from '../../../shared/bundle';
import { exportJsonLd } from '../../../shared/export/jsonld';
import { exportCsv } from '../../../shared/export/csv';
import { exportHtmlReport } from '../../../shared/export/html';
import { exportClaimReview, type Organisation } from '../../../shared/export/claimReview';
import { version as APP_VERSION } from '../../../package.json';
import { db as appDb, type CorroborateDatabase } from '../../db/database';

/**
 * What the export dialog produces: the workspace (or chosen articles) read from IndexedDB and
 * turned into one of four files. Only formatting lives in shared/; this module picks the rows.
 */
export type ExportFormat = 'bundle' | 'jsonld' | 'csv' | 'html' | 'claimreview';

export { APP_VERSION };

export const EXPORT_FORMATS: {
  id: ExportFormat;
  label: string;
  extension: string;
  hint: string;
}[] = [
  {
    id: 'bundle',
    label: 'Corroborate bundle',
    extension: BUNDLE_EXTENSION.slice(1),
    hint: 'Articles, annotations and claim groups; import it in Corroborate on any machine.',
  },
  {
    id: 'jsonld',
    label: 'W3C Web Annotation (JSON-LD)',
    extension: 'jsonld',
    hint: 'Annotations and claim groups for other annotation tools; no article texts.',
  },
  {
    id: 'csv',
    label: 'Spreadsheet (CSV)',
    extension: 'csv',
    hint: 'One row per annotation, with its claim group’s conflict, quote check, verdict, status and resolution.',
  },
  {
    id: 'html',
    label: 'HTML report',
    extension: 'html',
    hint: 'One self-contained page: claims matrix, groups with verdicts, articles with highlights.',
  },
  {
    id: 'claimreview',
    label: 'ClaimReview (schema.org JSON-LD)',
    extension: 'json',
    hint: 'One fact-check per rated claim group, for your published fact-check pages.',
  },
];

/**
 * The rows to export. `articleIds` null = everything; otherwise those articles, their
 * annotations and the claim groups those annotations belong to (a group keeps only the members
 * inside the chosen articles, so the file never points at something it does not carry).
 */
export async function collectWorkspace(
  articleIds: readonly string[] | null,
  database: CorroborateDatabase = appDb,
): Promise<Workspace> {
  return database.transaction(
    'r',
    [database.articles, ...database.annotations.tables, database.groups],
    async () => {
      if (articleIds === null) {
        const [articles, annotations, groups] = await Promise.all([
          database.articles.toArray(),
          database.annotations.all(),
          database.groups.toArray(),
        ]);
        return { articles, annotations, groups };
      }
      const articles = (await database.articles.bulkGet([...articleIds])).filter(
        (a): a is Article => !!a,
      );
      const annotations: Annotation[] = await database.annotations.ofArticles(
        articles.map((a) => a.id),
      );
      const groupIds = [...new Set(annotations.map((a) => a.groupId).filter((g) => g !== null))];
      const groups = (await database.groups.bulkGet(groupIds)).filter((g) => !!g);
      return { articles, annotations, groups };
    },
  );
}

export interface ExportFile {
  data: Uint8Array | string;
  suggestedName: string;
  filters: FileFilter[];
}

/** The file name and dialog filter of an export, without its data. */
export function exportFileSpec(
  format: ExportFormat,
  ws: Workspace,
  now: number,
): Omit<ExportFile, 'data'> {
  const spec = EXPORT_FORMATS.find((f) => f.id === format)!;
  return {
    suggestedName: `${baseName(ws, now)}.${spec.extension}`,
    filters: [{ name: spec.label, extensions: [spec.extension] }],
  };
}

export function buildExport(
  format: ExportFormat,
  ws: Workspace,
  opts: {
    now: number;
    onProgress?: (done: number, total: number) => void;
    /** ClaimReview only: the fact-checking organisation and the rating scale. */
    organisation?: Organisation | null;
    scale?: readonly string[];
  },
): ExportFile {
  const { suggestedName, filters } = exportFileSpec(format, ws, opts.now);
  const now = opts.now;
  switch (format) {
    case 'bundle':
      return {
        data: writeBundle(ws, { appVersion: APP_VERSION, now, onProgress: opts.onProgress }),
        suggestedName,
        filters,
      };
    case 'jsonld':
      return { data: exportJsonLd(ws, { now }), suggestedName, filters };
    case 'csv':
      return {
        data: exportCsv(ws),
        suggestedName,
        filters,
      };
    case 'html':
      return {
        data: exportHtmlReport(ws, {
          now,
          appVersion: APP_VERSION,
        }),
        suggestedName,
        filters,
      };
    case 'claimreview':
      return {
        data: exportClaimReview(ws, {
          now,
          organisation: opts.organisation ?? null,
          scale: opts.scale,
        }),
        suggestedName: suggestedName.replace(/\.json$/, '.claimreview.json'),
        filters,
      };
  }
}

/** corroborate-2024-05-01 for everything; with the article when there is only one. */
function baseName(ws: Workspace, now: number): string {
  const day = new Date(now).toISOString().slice(0, 10);
  const only = ws.articles.length === 1 ? ws.articles[0]!.title : '';
  const full = only
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  // At most 40 characters, cut between words.
  const slug = full.length <= 40 ? full : full.slice(0, 41).replace(/-[^-]*$/, '');
  return slug ? `corroborate-${day}-${slug}` : `corroborate-${day}`;
}
