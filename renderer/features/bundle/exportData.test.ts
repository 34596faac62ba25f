import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Workspace } from '../../../shared/bundle';
import { sampleWorkspace } from '../../../shared/bundle/sample';
import { loadSeeds } from '../../../shared/testing/seeds';
import { buildExport } from './exportData';

const NOW = Date.UTC(2024, 4, 1);
let ws: Workspace;

beforeAll(async () => {
  const sources = loadSeeds().map((s) => ({ name: s.id, text: s.raw }));
  ws = await sampleWorkspace(sources, { articles: 5, annotations: 60, annotationsPerGroup: 6 });
});

describe('export formats', () => {
  it('CSV: one row per annotation with its group and the conflict column', () => {
    const file = buildExport('csv', ws, { now: NOW });
    expect(file.suggestedName).toBe('corroborate-2024-05-01.csv');
    const rows = Papa.parse<string[]>((file.data as string).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toContain('conflict');
    expect(rows).toHaveLength(ws.annotations.length + 1);
    const conflictCol = rows[0]!.indexOf('conflict');
    const disputedGroups = ws.groups.filter((g) =>
      ws.annotations.some((a) => a.groupId === g.id && a.stance === 'conflicts'),
    );
    expect(disputedGroups.length).toBeGreaterThan(0);
    expect(rows.slice(1).some((r) => r[conflictCol]!.startsWith('Conflicting:'))).toBe(true);
  });

  it('JSON-LD is a W3C AnnotationCollection; HTML is one page without scripts', () => {
    const jsonld = JSON.parse(buildExport('jsonld', ws, { now: NOW }).data as string);
    expect(jsonld.type).toBe('AnnotationCollection');
    expect(jsonld.total).toBe(ws.annotations.length + ws.groups.length);
    const html = buildExport('html', ws, { now: NOW }).data as string;
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script/i);
  });

  it('ClaimReview needs a verdict and an organisation, and says so', () => {
    expect(() => buildExport('claimreview', ws, { now: NOW, organisation: null })).toThrow(
      /organisation/,
    );
    const rated = { ...ws, groups: ws.groups.map((g) => ({ ...g, verdict: 'False' })) };
    const file = buildExport('claimreview', rated, {
      now: NOW,
      organisation: { name: 'Desk', url: 'https://desk.example.org' },
    });
    expect(file.suggestedName).toBe('corroborate-2024-05-01.claimreview.json');
    const reviews = JSON.parse(file.data as string) as {
      reviewRating: { alternateName: string };
    }[];
    expect(reviews.length).toBe(new Set(ws.annotations.map((a) => a.groupId).filter(Boolean)).size);
    expect(reviews.every((r) => r.reviewRating.alternateName === 'False')).toBe(true);
  });

  it('names a one-article export after the article', () => {
    const one = { articles: [ws.articles[0]!], annotations: [], groups: [] };
    const file = buildExport('bundle', one, { now: NOW });
    expect(file.suggestedName).toBe(
      'corroborate-2024-05-01-the-operation-saw-498-individuals-from.corroborate',
    );
    expect(file.filters).toEqual([{ name: 'Corroborate bundle', extensions: ['corroborate'] }]);
  });
});
