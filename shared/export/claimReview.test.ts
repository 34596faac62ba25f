import { describe, expect, it } from 'vitest';
import { factcheckWorkspace, OUTLETS } from '../testing/factcheck';
import type { Workspace } from '../bundle/types';
import { ClaimReviewError, exportClaimReview, type ClaimReview } from './claimReview';

const NOW = Date.UTC(2024, 4, 1, 9, 30);
const ORG = { name: 'Corroborate Desk', url: 'https://factcheck.example.org/checks' };

function rated(): Workspace {
  const ws = factcheckWorkspace();
  ws.groups = ws.groups.map((g) =>
    g.id === 'g-498'
      ? { ...g, verdict: 'True', reasoning: 'ICE’s statement lists 498.' }
      : g.id === 'g-la'
        ? { ...g, verdict: 'Half true', resolution: 'The 167 covers the whole LA area office.' }
        : g,
  );
  return ws;
}

/**
 * The properties Google's fact-check markup documentation lists for ClaimReview: required
 * (claimReviewed, reviewRating with alternateName, url) and recommended (author, datePublished,
 * itemReviewed as a Claim with appearance, the rating's numbers).
 */
function checkGoogleProperties(r: ClaimReview): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  need(r['@context'] === 'https://schema.org', '@context https://schema.org');
  need(r['@type'] === 'ClaimReview', '@type ClaimReview');
  need(typeof r.claimReviewed === 'string' && r.claimReviewed.length > 0, 'claimReviewed');
  need(/^https?:\/\//.test(r.url), 'url');
  need(r.reviewRating['@type'] === 'Rating', 'reviewRating @type Rating');
  need(r.reviewRating.alternateName.length > 0, 'reviewRating.alternateName');
  const { ratingValue, bestRating, worstRating } = r.reviewRating;
  need(Number.isInteger(ratingValue), 'reviewRating.ratingValue');
  need(
    worstRating! <= ratingValue! && ratingValue! <= bestRating!,
    'ratingValue within worstRating..bestRating',
  );
  need(r.author['@type'] === 'Organization' && r.author.name && r.author.url, 'author');
  need(/^\d{4}-\d{2}-\d{2}$/.test(r.datePublished), 'datePublished (ISO 8601)');
  need(r.itemReviewed['@type'] === 'Claim', 'itemReviewed @type Claim');
  need(r.itemReviewed.appearance.length > 0, 'itemReviewed.appearance');
  for (const a of r.itemReviewed.appearance) need(a.url && a.datePublished, 'appearance url+date');
  return problems;
}

describe('exportClaimReview', () => {
  const reviews = JSON.parse(
    exportClaimReview(rated(), { now: NOW, organisation: ORG }),
  ) as ClaimReview[];

  it('writes one ClaimReview per rated group, with every property Google asks for', () => {
    expect(reviews.map((r) => r.claimReviewed)).toEqual([
      '498 arrested in Operation Safe City',
      'Arrests in Los Angeles',
    ]);
    for (const r of reviews) expect(checkGoogleProperties(r)).toEqual([]);
  });

  it('rates on the scale, names the verdict, and cites the sources as appearances', () => {
    const [r498, la] = reviews;
    expect(r498!.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'True',
      name: 'True',
      ratingValue: 6,
      bestRating: 6,
      worstRating: 1,
    });
    expect(la!.reviewRating).toMatchObject({ alternateName: 'Half true', ratingValue: 4 });
    expect(la!.reviewBody).toBe('The 167 covers the whole LA area office.');
    expect(la!.itemReviewed.appearance.map((a) => [a.url, a.datePublished])).toEqual([
      [OUTLETS['004']!.url, OUTLETS['004']!.date],
      [OUTLETS['003']!.url, OUTLETS['003']!.date],
    ]);
    expect(r498!.author).toEqual({ '@type': 'Organization', ...ORG });
    expect(r498!.datePublished).toBe('2024-05-01');
    expect(r498!.url).toBe('https://factcheck.example.org/checks#claim-g-498');
    expect(r498!.itemReviewed.firstAppearance?.datePublished).toBe('2017-09-28');
  });

  it('names the quote’s speaker as the claim’s author', () => {
    const ws = rated();
    ws.groups = ws.groups.map((g) => (g.id === 'g-quote' ? { ...g, verdict: 'Misleading' } : g));
    const all = JSON.parse(exportClaimReview(ws, { now: NOW, organisation: ORG })) as ClaimReview[];
    expect(all[2]!.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Tom Homan' });
  });

  it('refuses clearly without an organisation or without any verdict', () => {
    expect(() => exportClaimReview(rated(), { now: NOW, organisation: null })).toThrow(
      ClaimReviewError,
    );
    expect(() =>
      exportClaimReview(rated(), { now: NOW, organisation: { name: 'X', url: 'not a url' } }),
    ).toThrow(/not a web address/);
    expect(() => exportClaimReview(factcheckWorkspace(), { now: NOW, organisation: ORG })).toThrow(
      /No claim group has a verdict yet/,
    );
  });
});
