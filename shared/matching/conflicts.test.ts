import { describe, expect, it } from 'vitest';
import { seed } from '../testing/seeds';
import { detectConflicts, statedNumbers } from './conflicts';
import type { ConflictMember } from './conflicts';

/** Members built from exact seed text (asserted present) so the tests use real copy. */
function members(...spans: [string, string, ConflictMember['stance']?][]): ConflictMember[] {
  return spans.map(([prefix, text, stance], i) => {
    const article = seed(prefix);
    expect(article.canonical, text).toContain(text);
    return { annotationId: `a${i}`, articleId: article.id, text, stance: stance ?? null };
  });
}

const LA_002 = 'Los Angeles, California (101)';
const LA_003 = 'The Times said 167 arrests were made in and around Los Angeles';
const LA_004 = 'At least 101 arrests were made in Los Angeles County, ICE said';

describe('detectConflicts', () => {
  it('flags 101 vs 167 arrests in Los Angeles', () => {
    const r = detectConflicts(members(['002', LA_002], ['003', LA_003], ['004', LA_004]));
    expect(r.conflicting).toBe(true);
    const q = r.quantities.find((x) => x.conflicting)!;
    expect(q.key).toBe('arrested');
    expect(q.values.map((v) => v.raw).sort()).toEqual(['101', '167', 'At least 101']);
    expect(r.reasons[0]).toMatchObject({ kind: 'numbers' });
    expect(r.state).toBe('conflicting');
    expect(r.explanation).toBe('arrested: 101 vs 167 vs At least 101');
  });

  it('says "at least 101" vs 167 is consistent, not a contradiction', () => {
    const r = detectConflicts(members(['004', LA_004], ['003', LA_003]));
    expect(r.conflicting).toBe(false);
    expect(r.state).toBe('consistent');
    expect(r.explanation).toBe('consistent: arrested: At least 101 vs 167');
  });

  it('flags injured 80 vs "about 50" (a figure after a verb; hurt = injured)', () => {
    const r = detectConflicts([
      {
        annotationId: 'a',
        articleId: 'A',
        text: 'The blast ripped through the market, killing 10 people and injuring 80.',
        stance: null,
      },
      {
        annotationId: 'b',
        articleId: 'B',
        text: 'Ten people are killed and about 50 hurt in the market blast.',
        stance: null,
      },
    ]);
    expect(r.state).toBe('conflicting');
    expect(r.conflicting).toBe(true);
    expect(r.explanation).toBe('injured: 80 vs about 50');
    expect(r.quantities.find((q) => q.key === 'killed')?.verdict).toBe('agree');
  });

  it('flags a tsunami toll of 230,000 vs 170,000 (killed = death toll)', () => {
    const r = detectConflicts([
      {
        annotationId: 'a',
        articleId: 'A',
        text: 'The tsunami killed 230,000 people around the Indian Ocean.',
        stance: null,
      },
      {
        annotationId: 'b',
        articleId: 'B',
        text: 'The tsunami left a death toll of 170,000 around the Indian Ocean.',
        stance: null,
      },
    ]);
    expect(r.explanation).toBe('killed: 230,000 vs 170,000');
  });

  it('reports "none" when no figure is shared, and dates never compare with counts', () => {
    const r = detectConflicts([
      {
        annotationId: 'a',
        articleId: 'A',
        text: 'On July 2, 2013, a quake struck the region.',
        stance: null,
      },
      {
        annotationId: 'b',
        articleId: 'B',
        text: 'Two people were killed when the quake struck.',
        stance: null,
      },
    ]);
    expect(r.state).toBe('none');
    expect(r.conflicting).toBe(false);
  });

  it('does not flag 498 vs "nearly 500"', () => {
    const r = detectConflicts(
      members(
        [
          '000',
          'The operation saw 498 individuals from 42 countries arrested for federal immigration violations, ICE said.',
        ],
        [
          '004',
          'Federal immigration agents made nearly 500 arrests of individuals wanted for deportation',
        ],
        [
          '001',
          'According to ICE officials, a total of 498 illegal immigrants were arrested in "Operation Safe City."',
        ],
      ),
    );
    expect(r.conflicting).toBe(false);
    expect(r.state).toBe('agrees');
    const total = r.quantities.find((q) => q.values.some((v) => v.value === 498))!;
    expect(total.values.map((v) => v.raw).sort()).toEqual(['498', '498', 'nearly 500']);
  });

  it('keeps figures about different places apart (107 in Philadelphia next to 167 in LA)', () => {
    const r = detectConflicts(
      members(
        ['002', 'Philadelphia, Pennsylvania (107)'],
        [
          '003',
          'The Times said 167 arrests were made in and around Los Angeles, while 107 more arrests were made in Philadelphia, an ICE statement said.',
        ],
      ),
    );
    expect(r.conflicting).toBe(false);
    expect(r.quantities.map((q) => q.values.map((v) => v.raw).sort())).toEqual([['107', '107']]);
  });

  it('flags a member marked as conflicting even without figures', () => {
    const r = detectConflicts(
      members(
        [
          '001',
          'But the raid was canceled at the last minute in the wake of Hurricanes Irma and Harvey.',
        ],
        [
          '003',
          "It was not clear in media reports if Thursday's announced arrests and the NBC News-reported operations were connected.",
          'conflicts',
        ],
      ),
    );
    expect(r.conflicting).toBe(true);
    expect(r.reasons).toEqual([expect.objectContaining({ kind: 'stance', annotationIds: ['a1'] })]);
  });
});

describe('statedNumbers', () => {
  it('lists the figures a member states with the names they are about', () => {
    const stated = statedNumbers(
      'The Times said 167 arrests were made in and around Los Angeles, while 107 more arrests were made in Philadelphia, an ICE statement said.',
    );
    expect(stated.map((n) => [n.value, n.unit, n.about])).toEqual([
      [167, 'arrest', ['los angeles']],
      [107, 'arrest', ['philadelphia']],
    ]);
    expect(statedNumbers('Denver, Colorado (63)')[0]!.about).toEqual(['denver', 'colorado']);
  });
});
