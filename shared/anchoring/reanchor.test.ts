import { describe, expect, it } from 'vitest';
import { seed } from '../testing/seeds';
import { makeSelectors } from './selectors';
import { AMBIGUITY_MARGIN, MIN_QUOTE_SCORE, MIN_SCORE, isPlaced, reanchor } from './reanchor';

/** An annotation made on `text` over the first occurrence (or the n-th) of `phrase`. */
function annotate(text: string, phrase: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`phrase not in text: ${phrase}`);
  return makeSelectors(text, at, at + phrase.length);
}

const s003 = seed('003').canonical;
const s000 = seed('000').canonical;
const LEAD =
  'ICE arrested nearly 500 people during 10 coast-to-coast raids in so-called "sanctuary cities," immigration officials announced on Thursday.';
const REPEATED =
  'The operation saw 498 individuals from 42 countries arrested for federal immigration violations, ICE said.';

describe('reanchor', () => {
  it('keeps a position that still shows the quote (exact)', () => {
    const a = annotate(s003, 'ICE acting director Tom Homan said');
    expect(reanchor(s003, a)).toEqual({
      status: 'exact',
      start: a.position.start,
      end: a.position.end,
      score: 1,
    });
  });

  it('follows the quote when words are inserted before the span (moved)', () => {
    const a = annotate(s003, 'The Times said 167 arrests were made in and around Los Angeles');
    const edited = s003.replace(
      'The apprehensions were similar',
      'According to a new tally, the apprehensions were similar',
    );
    const r = reanchor(edited, a);
    expect(r.status).toBe('moved');
    if (!isPlaced(r)) throw new Error('not placed');
    expect(r.start).toBe(a.position.start + 'According to a new tally, t'.length - 1);
    expect(edited.slice(r.start, r.end)).toBe(a.quote.exact);
  });

  it('finds a span whose own words were edited (fuzzy), covering the edited sentence', () => {
    const a = annotate(s003, LEAD);
    const editedLead = LEAD.replace(
      'immigration officials',
      'federal immigration officials',
    ).replace('nearly', 'almost');
    const edited = `Updated at noon.\n${s003.replace(LEAD, editedLead)}`;
    const r = reanchor(edited, a);
    expect(r.status).toBe('fuzzy');
    if (!isPlaced(r)) throw new Error('not placed');
    expect(r.score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(r.score).toBeLessThan(1);
    const found = edited.slice(r.start, r.end);
    expect(found).toContain('federal immigration officials');
    // It covers the edited sentence, give or take a character at the edges.
    expect(Math.abs(r.start - edited.indexOf(editedLead))).toBeLessThanOrEqual(1);
    expect(Math.abs(r.end - (edited.indexOf(editedLead) + editedLead.length))).toBeLessThanOrEqual(
      2,
    );
  });

  it('uses prefix/suffix context to pick the right copy of a repeated sentence', () => {
    // Seed 000 repeats its lead sentence as its fourth paragraph.
    expect(s000.split(REPEATED).length - 1).toBe(2);
    const second = annotate(s000, REPEATED, 1);
    const edited = `Editor's note: figures updated.\n${s000}`;
    const r = reanchor(edited, second);
    expect(r.status).toBe('moved');
    if (!isPlaced(r)) throw new Error('not placed');
    expect(r.start).toBe(edited.lastIndexOf(REPEATED));
    const first = annotate(s000, REPEATED, 0);
    const r1 = reanchor(edited, first);
    expect(isPlaced(r1) && r1.start).toBe(edited.indexOf(REPEATED));
  });

  it('refuses to choose between two equally good places (ambiguous), with both as candidates', () => {
    // A quote from a tool that stores no context, and a stale position between the two copies.
    const first = s000.indexOf(REPEATED);
    const second = s000.lastIndexOf(REPEATED);
    const mid = Math.floor((first + second) / 2);
    const r = reanchor(s000, {
      position: { start: mid, end: mid + REPEATED.length },
      quote: { exact: REPEATED, prefix: '', suffix: '' },
    });
    expect(r.status).toBe('ambiguous');
    if (isPlaced(r)) throw new Error('placed');
    expect(r.candidates.map((c) => c.start).sort((x, y) => x - y)).toEqual([first, second]);
    expect(Math.abs(r.candidates[0]!.score - r.candidates[1]!.score)).toBeLessThan(
      AMBIGUITY_MARGIN,
    );
  });

  it('sends a heavily rewritten span to review with a proposal (low-score)', () => {
    const a = annotate(s003, LEAD);
    const rewritten = s003.replace(
      LEAD,
      'ICE detained almost 500 people in ten coast-to-coast raids on so-called sanctuary cities, officials announced Thursday.',
    );
    const r = reanchor(rewritten, a);
    expect(r.status).toBe('low-score');
    if (isPlaced(r)) throw new Error('placed');
    expect(r.proposal).not.toBeNull();
    // Context still fits, but more than a quarter of the quote changed: the editor decides.
    expect(r.candidates[0]!.quoteScore).toBeLessThan(MIN_QUOTE_SCORE);
    expect(r.proposal!.start).toBe(0);
  });

  it('reports no-match when nothing resembles the quote', () => {
    const r = reanchor(s003, {
      position: { start: 10, end: 30 },
      quote: { exact: 'QQQZZZXXXJJJKKKVVVWWW', prefix: '', suffix: '' },
    });
    expect(r).toEqual({ status: 'no-match', proposal: null, candidates: [] });
  });

  it('re-anchors every annotation on the five seeds after a paragraph is inserted at the top', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = seed(prefix).canonical;
      const edited = `Correction appended on 2017-09-30.\n${text}`;
      const shift = 'Correction appended on 2017-09-30.\n'.length;
      const words = [...text.matchAll(/[A-Z][a-z]+ [a-z]+ [a-z]+ [a-z]+/g)].slice(0, 10);
      expect(words.length).toBeGreaterThan(3);
      for (const w of words) {
        const a = makeSelectors(text, w.index, w.index + w[0].length);
        const r = reanchor(edited, a);
        expect(isPlaced(r) && [r.start, r.end]).toEqual([
          a.position.start + shift,
          a.position.end + shift,
        ]);
      }
    }
  });
});
