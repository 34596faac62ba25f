import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { JSDOM } from 'jsdom';
import { factcheckWorkspace } from '../testing/factcheck';
import {
  conflictLine,
  quoteLine,
  sourceLookup,
  stateWords,
  statusWords,
  summarizeGroups,
  verdictWords,
} from '../summary';
import type { Workspace } from '../bundle/types';
import { exportCsv } from './csv';
import { exportHtmlReport } from './html';
import { exportClaimReview, type ClaimReview } from './claimReview';

/**
 * "Exports say what the screen says": one workspace, the summaries the review screens compute
 * (summarizeGroups, as the renderer calls it), and each export rendered from that workspace must
 * state the same conflict, quote integrity, verdict, status and resolution for every group.
 */
const ws: Workspace = factcheckWorkspace();
ws.groups = ws.groups.map((g) =>
  g.id === 'g-498'
    ? { ...g, verdict: 'True', status: 'resolved' as const }
    : g.id === 'g-la'
      ? {
          ...g,
          verdict: 'Half true',
          status: 'resolved' as const,
          resolution: 'The 167 covers the whole LA area office, the 101 the county.',
        }
      : g,
);
const screen = summarizeGroups(ws.groups, ws.annotations, sourceLookup(ws.articles));
const NOW = Date.UTC(2024, 4, 1);

describe('every export tells the story the screen tells', () => {
  it('the screen: 498 agrees, Los Angeles conflicts, the quote was cut by Inside Edition', () => {
    expect(screen.map((s) => [s.group.id, s.state, s.verdict])).toEqual([
      ['g-498', 'agrees', 'True'],
      ['g-la', 'conflicting', 'Half true'],
      ['g-quote', 'none', null],
    ]);
  });

  it('CSV: every member row carries its group’s summary', () => {
    const rows = Papa.parse<Record<string, string>>(exportCsv(ws, { bom: false }), {
      header: true,
      skipEmptyLines: true,
    }).data;
    for (const s of screen) {
      const members = rows.filter((r) => r.group === s.label);
      expect(members).toHaveLength(s.members.length);
      for (const r of members) {
        expect(r.conflict).toBe(conflictLine(s));
        expect(r['quote integrity']).toBe(quoteLine(s));
        expect(r.verdict).toBe(verdictWords(s));
        expect(r.status).toBe(statusWords(s.status));
        expect(r.resolution).toBe(s.resolution);
      }
    }
    const la = rows.find((r) => r.group === 'Arrests in Los Angeles')!;
    expect(la.conflict).toMatch(/^Conflicting: .*At least 101 \(LA Times\) vs 167 \(The Hill\)/);
    expect(rows.find((r) => r.group?.startsWith('498'))!.conflict).toMatch(/^Agrees: /);
  });

  it('HTML report: the matrix row and group section say the same', () => {
    const doc = new JSDOM(exportHtmlReport(ws, { now: NOW })).window.document;
    const sections = Array.from(doc.querySelectorAll('#groups section.group'));
    expect(sections).toHaveLength(screen.length);
    for (const [i, s] of screen.entries()) {
      const sec = sections[i]!;
      expect(sec.getAttribute('data-state')).toBe(s.state);
      expect(sec.querySelector('h3 .badge')!.textContent).toBe(stateWords(s.state));
      const fact = (k: string) => sec.querySelector(`dd[data-fact="${k}"]`)?.textContent ?? '';
      expect(fact('verdict')).toBe(verdictWords(s));
      expect(fact('status')).toBe(statusWords(s.status));
      expect(fact('sources')).toBe(conflictLine(s));
      expect(fact('quote')).toBe(quoteLine(s));
      expect(fact('resolution')).toBe(s.resolution);
      const row = doc.querySelector(`#matrix tr[data-group="${i + 1}"]`)!;
      expect(row.querySelectorAll('td')[0]!.textContent).toBe(verdictWords(s));
    }
    // The old report called the LA group "✓ agrees"; it must not.
    const laRow = doc.querySelector('#matrix tr[data-group="2"]')!;
    expect(laRow.textContent).toContain('✗ conflicts 167');
    expect(doc.querySelector('#group-3 del')!.textContent).toMatch(/^sanctuary jurisdictions/);
  });

  it('ClaimReview: the rated groups with the screen’s verdicts and sources', () => {
    const reviews = JSON.parse(
      exportClaimReview(ws, { now: NOW, organisation: { name: 'Desk', url: 'https://x.org/' } }),
    ) as ClaimReview[];
    const rated = screen.filter((s) => s.verdict !== null);
    expect(reviews.map((r) => [r.claimReviewed, r.reviewRating.alternateName])).toEqual(
      rated.map((s) => [s.label, s.verdict]),
    );
    for (const [i, s] of rated.entries()) {
      expect(reviews[i]!.itemReviewed.appearance.map((a) => a.url)).toEqual(
        s.sources.map((x) => x.url),
      );
    }
  });
});
