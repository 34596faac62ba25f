import { describe, expect, it } from 'vitest';
import { factcheckWorkspace } from '../testing/factcheck';
import {
  conflictLine,
  planGroupFacts,
  progressLine,
  quoteLine,
  ratingOf,
  sourceLookup,
  summarizeGroups,
  type GroupSummary,
} from '.';

const ws = factcheckWorkspace();
const summaries = summarizeGroups(ws.groups, ws.annotations, sourceLookup(ws.articles));
const byId = (id: string): GroupSummary => summaries.find((s) => s.group.id === id)!;

describe('the group summary on the seeds', () => {
  it('498 arrested: every source states the same figure, so the group agrees', () => {
    const s = byId('g-498');
    expect(s.state).toBe('agrees');
    expect(s.conflicting).toBe(false);
    expect(s.stance).toEqual({ agrees: 3, conflicts: 0 });
    expect(s.explanation).toMatch(
      /^Same figure for .*: 498 \(Inside Edition\), 498 \(Morning News\)/,
    );
    expect(s.sources.map((x) => x.outlet)).toEqual(['Inside Edition', 'Morning News', 'Breitbart']);
    expect(s.quote).toBeNull();
  });

  it('Los Angeles: 101 vs 167 is conflicting, and the explanation names figures and outlets', () => {
    const s = byId('g-la');
    expect(s.state).toBe('conflicting');
    expect(s.explanation).toMatch(
      /^Different figures for .*los angeles.*: At least 101 \(LA Times\) vs 167 \(The Hill\)$/,
    );
    expect(conflictLine(s)).toBe(`Conflicting: ${s.explanation}`);
    expect(s.stance).toEqual({ agrees: 1, conflicts: 1 });
    expect(s.members.map((m) => [m.state, m.conflictingValue])).toEqual([
      ['states', null],
      ['conflicts', '167'],
    ]);
  });

  it('Homan quote: the curly and straight copies are the same, Inside Edition cut it short', () => {
    const s = byId('g-quote');
    expect(s.quote!.differs).toBe(true);
    expect(s.quote!.referenceOutlets).toEqual(['Breitbart', 'The Hill']);
    expect(s.quote!.alterations).toHaveLength(1);
    const cut = s.quote!.alterations[0]!;
    expect(cut.outlet).toBe('Inside Edition');
    expect(cut.changes).toEqual(['cut-start']);
    expect(cut.diff.parts).toEqual([
      {
        type: 'removed',
        text: 'sanctuary jurisdictions that do not honor detainers or allow us access to jails and prisons',
      },
      {
        type: 'same',
        text: 'are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration',
      },
    ]);
    expect(quoteLine(s)).toBe('Quote altered: Cut short at the start by Inside Edition');
    // No figures in the quote: nothing to compare there.
    expect(s.state).toBe('none');
  });

  it('an altered word is named with the outlet that altered it', () => {
    const altered = ws.annotations.map((a) =>
      a.groupId === 'g-quote' && a.articleId === 'sha-003'
        ? { ...a, quote: { ...a.quote, exact: a.quote.exact.replace('magnet', 'haven') } }
        : a,
    );
    const s = summarizeGroups(ws.groups, altered, sourceLookup(ws.articles)).find(
      (x) => x.group.id === 'g-quote',
    )!;
    expect(s.quote!.explanation).toBe(
      'Words changed by The Hill; Cut short at the start by Inside Edition',
    );
  });

  it('carries the verdict, status and resolution with defaults, and counts progress', () => {
    const groups = ws.groups.map((g) =>
      g.id === 'g-la'
        ? { ...g, verdict: 'Half true', status: 'resolved' as const, resolution: 'City vs county' }
        : g,
    );
    const all = summarizeGroups(groups, ws.annotations, sourceLookup(ws.articles));
    const la = all.find((x) => x.group.id === 'g-la')!;
    expect(la).toMatchObject({
      verdict: 'Half true',
      status: 'resolved',
      resolution: 'City vs county',
    });
    expect(all.find((x) => x.group.id === 'g-498')).toMatchObject({
      verdict: null,
      status: 'open',
    });
    expect(progressLine(all)).toBe('1 of 3 groups resolved');
  });

  it('places a verdict on the scale, best first', () => {
    expect(ratingOf('True')).toEqual({ ratingValue: 6, bestRating: 6, worstRating: 1 });
    expect(ratingOf('Half true')).toEqual({ ratingValue: 4, bestRating: 6, worstRating: 1 });
    expect(ratingOf('Pants on fire')).toBeNull();
  });
});

describe('planGroupFacts', () => {
  const g = ws.groups[1]!;
  const scale = ['True', 'Mostly true', 'Half true', 'Misleading', 'False', 'Unproven'];
  it('writes the verdict, status and notes, and nothing when nothing changes', () => {
    const next = planGroupFacts(
      g,
      { verdict: 'Half true', resolution: 'City vs county\n' },
      scale,
      9,
    );
    expect(next).toMatchObject({
      verdict: 'Half true',
      resolution: 'City vs county',
      updatedAt: 9,
    });
    expect(planGroupFacts(next!, { verdict: 'Half true' }, scale, 10)).toBeNull();
    expect(planGroupFacts(next!, { verdict: null }, scale, 10)).toMatchObject({ verdict: null });
  });
  it('refuses a verdict that is not on the scale, naming the scale', () => {
    expect(() => planGroupFacts(g, { verdict: 'Pants on fire' }, scale, 1)).toThrow(
      /not on the rating scale \(True, Mostly true/,
    );
  });
});
